package org.newsflow.enrich.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word shingles of a text, hashed to 64 bits: "Strikes in Rafah on Monday" with 3 words gives the hashes of
 * "strikes in rafah", "in rafah on", "rafah on monday". Words are runs of letters or digits in any script, folded to
 * lower case with {@link Locale#ROOT}, so punctuation, markup remnants and case do not hide a copy.
 */
public final class Shingles {

  private Shingles() {
  }

  /**
   * The distinct shingle hashes of a text, sorted.
   *
   * @param text  any text
   * @param words words per shingle (at least 1)
   * @return distinct hashes; empty when the text has fewer words than a shingle
   */
  public static long[] of(String text, int words) {
    long[] tokens = tokenHashes(text);
    if (tokens.length < words) {
      return new long[0];
    }
    long[] shingles = new long[tokens.length - words + 1];
    for (int i = 0; i < shingles.length; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < words; j++) {
        h = MinHash.mix(h * 31 + tokens[i + j]);
      }
      shingles[i] = h;
    }
    Arrays.sort(shingles);
    int n = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[n++] = shingles[i];
      }
    }
    return Arrays.copyOf(shingles, n);
  }

  /** One 64-bit hash per word, in order; hashing as we scan avoids allocating a string per word. */
  private static long[] tokenHashes(String text) {
    long[] out = new long[Math.max(16, text.length() / 5)];
    int n = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        // Character.toLowerCase(int) is locale-independent, the equivalent of toLowerCase(Locale.ROOT)
        h = h * 1_000_003L + Character.toLowerCase(cp);
        inWord = true;
      } else if (inWord) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = MinHash.mix(h);
        h = 0;
        inWord = false;
      }
    }
    if (inWord) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n + 1);
      }
      out[n++] = MinHash.mix(h);
    }
    return Arrays.copyOf(out, n);
  }
}
