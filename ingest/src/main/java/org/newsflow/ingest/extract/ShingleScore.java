package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Main-text agreement of an extracted text with a reference: precision and recall over word 4-gram shingles (sets of
 * four consecutive word tokens, tokens being runs of Unicode letters, digits and underscores, case kept). A text of
 * fewer than four words is one shingle of all its words.
 *
 * @param precision share of the extracted shingles that are in the reference (1 when both are empty)
 * @param recall    share of the reference shingles that were extracted (1 when both are empty)
 */
public record ShingleScore(double precision, double recall) {

  /** Words per shingle. */
  public static final int N = 4;
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Scores an extracted text against the reference. */
  public static ShingleScore of(String extracted, String reference) {
    Set<String> got = shingles(extracted);
    Set<String> want = shingles(reference);
    if (got.isEmpty() && want.isEmpty()) {
      return new ShingleScore(1, 1);
    }
    int common = 0;
    for (String s : got) {
      if (want.contains(s)) {
        common++;
      }
    }
    return new ShingleScore(got.isEmpty() ? 0 : (double) common / got.size(),
        want.isEmpty() ? 0 : (double) common / want.size());
  }

  /** The harmonic mean of precision and recall, 0 when both are 0. */
  public double f1() {
    return f1(precision, recall);
  }

  /** The harmonic mean of a precision and a recall, 0 when both are 0. */
  public static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  static Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      words.add(m.group());
    }
    Set<String> out = new HashSet<>();
    if (words.isEmpty()) {
      return out;
    }
    if (words.size() < N) {
      out.add(String.join(" ", words));
      return out;
    }
    for (int i = 0; i + N <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + N)));
    }
    return out;
  }
}
