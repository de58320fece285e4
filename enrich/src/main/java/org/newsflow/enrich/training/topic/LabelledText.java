package org.newsflow.enrich.training.topic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One labelled training or test text.
 *
 * @param corpus   bbc, huffpost or reuters
 * @param category the source's own category (Reuters: its categories joined with {@code +})
 * @param title    headline
 * @param text     body (HuffPost: the short description)
 * @param topics   IPTC level-1 qcodes from {@link SourceMapping}
 * @param anyOf    true when any one of the topics is right, false when the text is about all of them
 */
public record LabelledText(String corpus, String category, String title, String text, List<String> topics,
    boolean anyOf) {

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]?\\s+(?=[\"'(\\[]?\\p{Lu})");
  private static final int MAX_LEAD = 400;

  /** Immutable copy. */
  public LabelledText {
    topics = List.copyOf(topics);
  }

  /** @return the same text cut to its first sentence, as many feeds deliver it (title plus lead) */
  public LabelledText lead() {
    return new LabelledText(corpus, category, title, firstSentence(text), topics, anyOf);
  }

  /**
   * @param text plain text (hard line breaks allowed)
   * @return its first sentence, at most {@value #MAX_LEAD} characters
   */
  static String firstSentence(String text) {
    String flat = SPACE.matcher(text).replaceAll(" ").strip();
    var m = SENTENCE_END.matcher(flat);
    int end = m.find() ? m.start() + 1 : flat.length();
    return flat.substring(0, Math.min(end, MAX_LEAD));
  }
}
