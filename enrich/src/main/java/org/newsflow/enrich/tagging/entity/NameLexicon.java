package org.newsflow.enrich.tagging.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Names seen in the labelled training data with how often each was given each type, learned at training time and
 * stored in the model only as 64-bit hashes of the lower-cased name with packed per-type counts (no name text).
 * It gives the tagger the recurring names of news (sports clubs, national teams, agencies) with their usual type,
 * which the hand-written gazetteer lacks. Counts are packed 7 bits per type (PER, ORG, LOC, MISC), capped at 127;
 * every proper prefix of a multi-token name has an entry with zero counts so lookups can stop early.
 */
public final class NameLexicon {

  /** Longest name looked up, in tokens. */
  static final int MAX_LENGTH = 6;

  private NameLexicon() {}

  /** Hash of a lower-cased token sequence, order-sensitive. */
  static long phrase(long h, long lowerToken) {
    return Features.mix(h, lowerToken);
  }

  /** Start value for {@link #phrase}. */
  static final long START = 0x2545F4914F6CDD1DL;

  /** Key of a name entry in the model's hashed table, distinct from cluster and capitalisation keys. */
  static long key(long phraseHash) {
    return Features.mix(0x1b873593L, phraseHash);
  }

  /**
   * Key of a token entry: the types of the multi-token names the (lower-cased) token occurs in, so a new
   * combination ("Leicestershire County Cricket Club") still borrows the type of its known parts.
   */
  static long tokenKey(long lowerToken) {
    return Features.mix(0x85ebca6bL, lowerToken);
  }

  public static int count(int packed, int type) {
    return (packed >>> (7 * type)) & 0x7f;
  }

  public static int add(int packed, int type, int n) {
    int c = Math.min(127, count(packed, type) + n);
    return (packed & ~(0x7f << (7 * type))) | (c << (7 * type));
  }

  /** Counts minus another set of counts (leave-one-document-out), floored at 0. */
  static int minus(int packed, int other) {
    int out = 0;
    for (int t = 0; t < 4; t++) {
      out |= Math.max(0, count(packed, t) - count(other, t)) << (7 * t);
    }
    return out;
  }

  /** Sum of two packed counts (capped). */
  static int sum(int a, int b) {
    int r = a;
    for (int k = 0; k < 4; k++) {
      r = add(r, k, count(b, k));
    }
    return r;
  }

  /** Name key -> packed type counts of the gold names of one document (sentences of normalised words). */
  public static Map<Long, Integer> count(List<String[]> words, List<int[]> gold) {
    Map<Long, Integer> out = new HashMap<>();
    for (int s = 0; s < words.size(); s++) {
      String[] w = words.get(s);
      for (Span span : Labels.decode(gold.get(s))) {
        if (span.end() - span.start() > MAX_LENGTH) {
          continue;
        }
        long h = START;
        for (int i = span.start(); i < span.end(); i++) {
          h = phrase(h, Features.hash(Features.lowerDigits(w[i])));
          if (i + 1 < span.end()) {
            // Prefix entry with no counts, so matching can stop at the first token sequence that is no prefix.
            out.putIfAbsent(key(h), 0);
          }
        }
        int t = Labels.typeIndex(span.type());
        out.merge(key(h), add(0, t, 1), NameLexicon::sum);
        if (span.end() - span.start() > 1) {
          for (int i = span.start(); i < span.end(); i++) {
            out.merge(tokenKey(Features.hash(Features.lowerDigits(w[i]))), add(0, t, 1), NameLexicon::sum);
          }
        }
      }
    }
    return out;
  }

  /** {@link #match(WordClusters, long[], boolean[], boolean, Map, LongUnaryOperator)} on the words themselves. */
  static int[] match(WordClusters clusters, String[] w, String[] lw, boolean reversed, Map<Long, Integer> exclude,
      LongUnaryOperator keyOf) {
    long[] lowerHash = new long[w.length];
    boolean[] capitalised = new boolean[w.length];
    for (int i = 0; i < w.length; i++) {
      lowerHash[i] = Features.hash(lw[i]);
      capitalised[i] = Features.isCapitalised(w[i]);
    }
    return match(clusters, lowerHash, capitalised, reversed, exclude, keyOf);
  }

  /**
   * Longest-first matches of names: per token the packed value of the matched name (0 = none) in the low 28 bits
   * and its BILU position (0..3) above them, in the sentence's own order. Takes the hashes the feature extractor
   * has already computed, so a sentence's words are hashed once for every name source.
   *
   * @param clusters    the model's hashed table that holds the names
   * @param lowerHash   {@link Features#hash} of each lower-cased word, in the sentence's order
   * @param capitalised whether each word is capitalised, in the sentence's order
   * @param reversed    the sentence is read right to left (the reversed first stage)
   * @param exclude     entries to subtract (a training document's own names), or null
   * @param keyOf       the table key of a phrase hash, one per name source
   */
  static int[] match(WordClusters clusters, long[] lowerHash, boolean[] capitalised, boolean reversed,
      Map<Long, Integer> exclude, LongUnaryOperator keyOf) {
    int n = lowerHash.length;
    int[] out = new int[n];
    long[] lh = lowerHash;
    boolean[] cap = capitalised;
    if (reversed) {
      lh = new long[n];
      cap = new boolean[n];
      for (int i = 0; i < n; i++) {
        lh[i] = lowerHash[n - 1 - i];
        cap[i] = capitalised[n - 1 - i];
      }
    }
    int i = 0;
    while (i < n) {
      int bestLen = 0;
      int bestCounts = 0;
      if (cap[i]) {
        long h = START;
        for (int len = 1; len <= MAX_LENGTH && i + len <= n; len++) {
          h = phrase(h, lh[i + len - 1]);
          long key = keyOf.applyAsLong(h);
          int c = clusters.get(key);
          if (c < 0) {
            break; // not even the prefix of a longer name: stop early (most tokens end here)
          }
          if (c > 0 && exclude != null) {
            Integer own = exclude.get(key);
            if (own != null) {
              c = minus(c, own);
            }
          }
          if (c > 0) {
            bestLen = len;
            bestCounts = c;
          }
        }
      }
      if (bestLen == 0) {
        i++;
        continue;
      }
      for (int k = i; k < i + bestLen; k++) {
        // B=0, I=1, L=2, U=3 in reading order; a reversed sentence sees the name end first.
        int pos = bestLen == 1 ? 3 : k == i ? 0 : k == i + bestLen - 1 ? 2 : 1;
        int at = k;
        if (reversed) {
          at = n - 1 - k;
          pos = pos == 0 ? 2 : pos == 2 ? 0 : pos;
        }
        out[at] = bestCounts | (pos << 28);
      }
      i += bestLen;
    }
    return out;
  }
}
