package org.newsflow.enrich.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded made-up news text, for clustering tests and benchmarks: words from a fixed vocabulary, Zipf-like. */
public final class SyntheticText {

  private final List<String> vocabulary = new ArrayList<>();
  private final SplittableRandom random;

  /** A generator with its own seed. */
  public SyntheticText(long seed) {
    random = new SplittableRandom(seed);
    SplittableRandom words = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder w = new StringBuilder();
      int len = 2 + words.nextInt(9);
      for (int j = 0; j < len; j++) {
        w.append((char) ('a' + words.nextInt(26)));
      }
      vocabulary.add(w.toString());
    }
  }

  /** A list of words. */
  public List<String> words(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // squaring a uniform draw favours frequent words, as real text does
      double u = random.nextDouble();
      out.add(vocabulary.get((int) (u * u * vocabulary.size())));
    }
    return out;
  }

  /** The words with the share {@code fraction} (from the end) replaced by new words. */
  public List<String> replaceTail(List<String> words, double fraction) {
    int keep = (int) Math.round(words.size() * (1 - fraction));
    List<String> out = new ArrayList<>(words.subList(0, keep));
    out.addAll(words(words.size() - keep));
    return out;
  }

  /** The words with every {@code n}-th word replaced by another word: a light rewrite. */
  public List<String> rewriteEvery(List<String> words, int n) {
    List<String> out = new ArrayList<>(words);
    for (int i = n - 1; i < out.size(); i += n) {
      out.set(i, words(1).getFirst());
    }
    return out;
  }

  /** Words joined into sentences of 20 words. */
  public static String text(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.get(i)).append(i % 20 == 19 ? ". " : " ");
    }
    return sb.toString().trim();
  }
}
