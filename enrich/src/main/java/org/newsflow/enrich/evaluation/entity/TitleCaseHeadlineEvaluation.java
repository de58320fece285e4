package org.newsflow.enrich.evaluation.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsflow.enrich.tagging.EntityTagger;
import org.newsflow.enrich.tagging.entity.Labels;
import org.newsflow.enrich.tagging.entity.Span;

/**
 * Measures the tagger on Title-Case headlines, the style of HuffPost, CNN and many US outlets, which CoNLL lacks
 * (its headlines are ALL CAPS). From each document the first mixed-case body sentence that holds a gold name is
 * taken out of the body, rewritten in Title Case and given as the article's title; the names the product path
 * ({@link EntityTagger#tag(String, String)}) finds in the title are scored as strict spans against that sentence's
 * gold names. The rest of the document, including its ALL CAPS headline and dateline, is the body, laid out as in
 * {@link ProductPathEvaluation}. Documents without such a sentence are left out.
 *
 * <p>Title Case here: the first letter of every word, and of every part of a hyphenated word, is upper-cased;
 * articles, conjunctions and prepositions of three letters or less stay lower-case unless they open the title
 * (the rule of the AP and Chicago styles); the other letters of a word are kept as written.
 */
public final class TitleCaseHeadlineEvaluation {

  /** Short function words that a Title-Case headline leaves in lower case when they are not its first word. */
  static final Set<String> SHORT_FUNCTION_WORDS = Set.of("a", "an", "the", "and", "but", "or", "nor", "for", "yet",
      "so", "as", "at", "by", "in", "of", "off", "on", "per", "to", "via", "vs", "vs.", "v.");

  /** Lower-case words a sentence needs to count as mixed case (not an ALL CAPS headline, table row or dateline). */
  private static final int MIN_LOWER_WORDS = 3;

  private TitleCaseHeadlineEvaluation() {}

  /**
   * One document turned into an article with a headline.
   *
   * @param title the headline laid out as text, with its tokens' offsets and gold names
   * @param body  the rest of the document as article text
   */
  record Article(ProductPathEvaluation.Layout title, String body) {}

  /**
   * Builds the article of one document.
   *
   * @param doc       a CoNLL document
   * @param titleCase whether to rewrite the headline in Title Case (false: the sentence as written, for reference)
   * @return the article, or null when no sentence after the first is mixed case with a gold name
   */
  static Article article(List<ConllCorpus.Sentence> doc, boolean titleCase) {
    for (int s = 1; s < doc.size(); s++) {
      ConllCorpus.Sentence sentence = doc.get(s);
      if (!isMixedCase(sentence.words()) || Labels.fromBio(sentence.tags()).isEmpty()) {
        continue;
      }
      String[] words = sentence.words().clone();
      if (titleCase) {
        for (int i = 0; i < words.length; i++) {
          words[i] = titleCase(words[i], i == 0);
        }
      }
      List<ConllCorpus.Sentence> rest = new ArrayList<>(doc);
      rest.remove(s);
      ProductPathEvaluation.Layout title =
          ProductPathEvaluation.layout(List.of(new ConllCorpus.Sentence(words, sentence.tags())));
      return new Article(title, ProductPathEvaluation.layout(rest).text());
    }
    return null;
  }

  static boolean isMixedCase(String[] words) {
    int lower = 0;
    for (String w : words) {
      if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
        lower++;
      }
    }
    return lower >= MIN_LOWER_WORDS;
  }

  /** A word as a Title-Case headline writes it. */
  static String titleCase(String word, boolean first) {
    if (!first && SHORT_FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT)) || word.equals("n't")) {
      return word;
    }
    char[] c = word.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if ((i == 0 || c[i - 1] == '-') && Character.isLowerCase(c[i])) {
        c[i] = Character.toUpperCase(c[i]);
      }
    }
    return new String(c);
  }

  /**
   * Tags every document that has a usable sentence and scores the names found in the title.
   *
   * @param tagger    the tagger, as the topology uses it
   * @param docs      CoNLL documents
   * @param titleCase whether headlines are rewritten in Title Case
   * @return strict span scores per CoNLL type, and how many documents were used
   */
  public static Outcome evaluate(EntityTagger tagger, List<List<ConllCorpus.Sentence>> docs, boolean titleCase) {
    List<List<Span>> gold = new ArrayList<>();
    List<List<Span>> pred = new ArrayList<>();
    for (List<ConllCorpus.Sentence> doc : docs) {
      Article a = article(doc, titleCase);
      if (a == null) {
        continue;
      }
      gold.add(a.title().gold());
      pred.add(ProductPathEvaluation.predicted(a.title(), tagger.tag(a.title().text(), a.body()), "title"));
    }
    return new Outcome(NerEvaluation.score(gold, pred), gold.size());
  }

  /**
   * Scores of one run.
   *
   * @param result    strict span scores
   * @param documents documents that had a usable sentence
   */
  public record Outcome(NerEvaluation.Result result, int documents) {}
}
