package org.newsflow.ingest.parse;

/**
 * A text of a feed or entry (title, summary, content, subtitle, rights) as the feed gave it, with how it is to be
 * read.
 *
 * @param value   the text, HTML or plain as {@code context.type()} says (titles may contain markup), null when absent
 * @param context its type, base and language; {@link TextContext#UNKNOWN} when the format does not say
 */
public record FeedText(String value, TextContext context) {

  /** Absent. */
  public static final FeedText NONE = new FeedText(null, TextContext.UNKNOWN);

  /** A missing context is {@link TextContext#UNKNOWN}. */
  public FeedText {
    context = context == null ? TextContext.UNKNOWN : context;
  }

  /** A text whose context the format does not give (JSON Feed, the lenient reader). */
  static FeedText of(String value) {
    return value == null ? NONE : new FeedText(value, TextContext.UNKNOWN);
  }
}
