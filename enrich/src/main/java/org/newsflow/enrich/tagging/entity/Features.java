package org.newsflow.enrich.tagging.entity;

import static org.newsflow.enrich.tagging.entity.FeatureTemplate.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature extraction with feature hashing: each feature is a 64-bit hash of (template id, values) folded into a
 * weight row, so no feature strings are built or stored. Static features (word, shape, affixes, context window,
 * clusters, gazetteers, document-level capitalisation evidence) are computed once per document; tag-history
 * features are added while decoding. Thread-safe: holds only immutable lists.
 */
public final class Features {

  /** Per-sentence precomputed data that decoding needs. */
  public record SentenceFeatures(int[][] rows, long[] lower, long[] shape, boolean[] capitalised) {}

  /** Cluster templates of the previous, current and next word. */
  private static final FeatureTemplate[] CLUSTER_AT = {CLUSTER_PREV, CLUSTER, CLUSTER_NEXT};
  /** Word-list templates of the previous, current and next word. */
  private static final FeatureTemplate[] GAZ_FLAG_AT = {GAZ_FLAG_PREV, GAZ_FLAG, GAZ_FLAG_NEXT};

  private final int bits;
  private final Gazetteer gazetteer;
  private final WordClusters clusters;

  public Features(int bits, Gazetteer gazetteer, WordClusters clusters) {
    this.bits = bits;
    this.gazetteer = gazetteer;
    this.clusters = clusters;
  }

  public int bits() {
    return bits;
  }

  // ---- hashing ----

  public static long mix(long h, long v) {
    h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
    return h * 0xff51afd7ed558ccdL;
  }

  public static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  public static long hash(CharSequence s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  public static long hash(CharSequence s) {
    return hash(s, 0, s.length());
  }

  int row(long h) {
    return (int) (finish(h) >>> (64 - bits));
  }

  int row(FeatureTemplate template, long a) {
    return row(mix(template.seed(), a));
  }

  int row(FeatureTemplate template, long a, long b) {
    return row(mix(mix(template.seed(), a), b));
  }

  int row(FeatureTemplate template, long a, long b, long c) {
    return row(mix(mix(mix(template.seed(), a), b), c));
  }

  // ---- word normalisation ----

  /** Maps typographic variants to the ASCII forms of the training data. */
  public static String normalise(String w) {
    boolean plain = true;
    for (int i = 0; i < w.length() && plain; i++) {
      char c = w.charAt(i);
      plain = c < 0x2000 || c > 0x206f;
    }
    if (plain) {
      return w;
    }
    return w.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
        .replace('\u2013', '-').replace('\u2014', '-').replace('\u2010', '-');
  }

  /** Lower-cases per char (locale-free) and maps digits to 0 so numbers share features. */
  public static String lowerDigits(String w) {
    char[] out = new char[w.length()];
    for (int i = 0; i < out.length; i++) {
      char c = w.charAt(i);
      out[i] = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
    }
    return new String(out);
  }

  public static String shape(String w, boolean collapse) {
    StringBuilder sb = new StringBuilder(Math.min(w.length(), 12));
    char last = 0;
    for (int i = 0; i < w.length() && sb.length() < 12; i++) {
      char c = w.charAt(i);
      char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
          : Character.isLetter(c) ? 'l' : c;
      if (!collapse || s != last) {
        sb.append(s);
      }
      last = s;
    }
    return sb.toString();
  }

  static boolean isCapitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  static boolean isAllCapsSentence(String[] words) {
    int letters = 0;
    int upper = 0;
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            upper++;
          }
        }
      }
    }
    return letters >= 4 && upper == letters;
  }

  // ---- extraction ----

  /**
   * Computes static features for a whole document.
   *
   * @param doc sentences of (already normalised) token texts
   * @return per-sentence features
   */
  List<SentenceFeatures> extract(List<String[]> doc) {
    return extract(doc, false, null);
  }

  /**
   * Computes static features for a whole document.
   *
   * @param doc      sentences of (already normalised) token texts
   * @param reversed whether every sentence is in reverse token order (the right-to-left stage), so names are
   *                 looked up in the lexicon in their reading order
   * @param exclude  training only: this document's own name counts, left out of the name lexicon so the model
   *                 learns how much to trust names seen in <em>other</em> documents, as on unseen text; or null
   * @return per-sentence features
   */
  public List<SentenceFeatures> extract(List<String[]> doc, boolean reversed, Map<Long, Integer> exclude) {
    // Document-level evidence: how each word (lower-cased) is written elsewhere in the document, so a
    // sentence-initial or headline word borrows the case it has mid-sentence.
    Map<String, Integer> seen = new HashMap<>();
    List<String[]> lowers = new ArrayList<>(doc.size());
    for (String[] words : doc) {
      String[] lw = new String[words.length];
      boolean caps = isAllCapsSentence(words);
      for (int i = 0; i < words.length; i++) {
        lw[i] = lowerDigits(words[i]);
        if (caps || i == 0 || words[i].isEmpty() || !Character.isLetter(words[i].charAt(0))) {
          continue;
        }
        int bit = isCapitalised(words[i]) ? 1 : 2;
        seen.merge(lw[i], bit, (a, b) -> a | b);
      }
      lowers.add(lw);
    }
    List<SentenceFeatures> out = new ArrayList<>(doc.size());
    for (int s = 0; s < doc.size(); s++) {
      out.add(sentence(doc.get(s), lowers.get(s), seen, reversed, exclude));
    }
    return out;
  }

  private SentenceFeatures sentence(String[] w, String[] lw, Map<String, Integer> seen, boolean reversed,
      Map<Long, Integer> exclude) {
    int n = w.length;
    long[] word = new long[n];
    long[] lower = new long[n];
    long[] shape = new long[n];
    long[] shortShape = new long[n];
    int[] cluster = new int[n];
    int[] flags = new int[n];
    boolean[] cap = new boolean[n];
    int[] capPrior = new int[n];
    boolean allCaps = isAllCapsSentence(w);
    for (int i = 0; i < n; i++) {
      word[i] = hash(w[i]);
      lower[i] = hash(lw[i]);
      shape[i] = hash(shape(w[i], false));
      shortShape[i] = hash(shape(w[i], true));
      int c = clusters.get(word[i]);
      cluster[i] = c >= 0 ? c : clusters.get(lower[i]);
      flags[i] = gazetteer.wordFlags(w[i]);
      capPrior[i] = clusters.get(WordClusters.capKey(lw[i]));
      cap[i] = isCapitalised(w[i]);
    }
    int[] lex = NameLexicon.match(clusters, lower, cap, reversed, exclude, NameLexicon::key);
    int[] ext = NameLexicon.match(clusters, lower, cap, reversed, null, ExternalNames::key);
    int[] phrases = gazetteer.matchPhrases(w);
    int[][] rows = new int[n][];
    int[] buf = new int[192];
    for (int i = 0; i < n; i++) {
      int k = 0;
      String lwi = lw[i];
      buf[k++] = row(BIAS, 0);
      buf[k++] = row(WORD, word[i]);
      buf[k++] = row(LOWER, lower[i]);
      buf[k++] = row(SHAPE, shape[i]);
      buf[k++] = row(SHORT_SHAPE, shortShape[i]);
      int len = lwi.length();
      for (int a = 1; a <= 4 && a <= len; a++) {
        buf[k++] = row(PREFIX, a, hash(lwi, 0, a));
        buf[k++] = row(SUFFIX, a, hash(lwi, len - a, len));
      }
      buf[k++] = row(FIRST_IN_SENTENCE_SHAPE, i == 0 ? 1 : 0, shortShape[i]);
      buf[k++] = row(ALL_CAPS_SENTENCE_SHAPE, allCaps ? 1 : 0, shortShape[i]);
      buf[k++] = row(LENGTH, Math.min(len, 8));
      // Context window +-2.
      long lm1 = i > 0 ? lower[i - 1] : 1;
      long lm2 = i > 1 ? lower[i - 2] : 1;
      long lp1 = i + 1 < n ? lower[i + 1] : 2;
      long lp2 = i + 2 < n ? lower[i + 2] : 2;
      long sm1 = i > 0 ? shortShape[i - 1] : 1;
      long sp1 = i + 1 < n ? shortShape[i + 1] : 2;
      buf[k++] = row(LOWER_PREV, lm1);
      buf[k++] = row(LOWER_NEXT, lp1);
      buf[k++] = row(LOWER_PREV2, lm2);
      buf[k++] = row(LOWER_NEXT2, lp2);
      buf[k++] = row(LOWER_BIGRAM_PREV, lm1, lower[i]);
      buf[k++] = row(LOWER_BIGRAM_NEXT, lower[i], lp1);
      buf[k++] = row(SHAPE_PREV, sm1);
      buf[k++] = row(SHAPE_NEXT, sp1);
      buf[k++] = row(SHAPE_TRIGRAM, sm1, shortShape[i], sp1);
      buf[k++] = row(LOWER_PREV_SHAPE, lm1, shortShape[i]);
      buf[k++] = row(SHAPE_LOWER_NEXT, shortShape[i], lp1);
      buf[k++] = row(LOWER_PREV2_PREV, lm2, lm1);
      buf[k++] = row(LOWER_NEXT_NEXT2, lp1, lp2);
      buf[k++] = row(WORD_BIGRAM_PREV, i > 0 ? word[i - 1] : 1, word[i]);
      // Word clusters, three granularities, for the word and its neighbours.
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        int c = j < 0 || j >= n ? -2 : cluster[j];
        for (int level = 0; level < 3; level++) {
          long id = c < 0 ? c : (c >>> (10 * level)) & 0x3ff;
          buf[k++] = row(CLUSTER_AT[d + 1], level, id);
        }
      }
      if (cluster[i] >= 0) {
        buf[k++] = row(CLUSTER_SHAPE, cluster[i] & 0x3ff, shortShape[i]);
      }
      for (int d = -2; d <= 2; d += 4) {
        int j = i + d;
        int c = j < 0 || j >= n ? -2 : cluster[j];
        buf[k++] = row(CLUSTER_MID_PLUS_MINUS_2, d, c < 0 ? c : (c >>> 10) & 0x3ff);
      }
      if (i > 0) {
        int c0 = cluster[i] < 0 ? -1 : (cluster[i] >>> 10) & 0x3ff;
        int c1 = cluster[i - 1] < 0 ? -1 : (cluster[i - 1] >>> 10) & 0x3ff;
        buf[k++] = row(CLUSTER_MID_BIGRAM, c1, c0);
      }
      buf[k++] = row(CAP_PRIOR_CASE, capPrior[i], cap[i] ? 1 : 0, (i == 0 || allCaps) ? 1 : 0);
      buf[k++] = row(CAP_PRIOR_SHAPE, capPrior[i], shortShape[i]);
      // Gazetteers: word lists for the word and neighbours, phrase matches with their BILOU position.
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        int f = j < 0 || j >= n ? 0 : flags[j];
        for (int b = 0; b < Gazetteer.FLAG_COUNT; b++) {
          if ((f & (1 << b)) != 0) {
            buf[k++] = row(GAZ_FLAG_AT[d + 1], b);
            if (d == 0) {
              buf[k++] = row(GAZ_FLAG_CASE, b, cap[i] ? 1 : 0);
            }
          }
        }
      }
      if (i > 1 && (flags[i - 2] & Gazetteer.TITLE) != 0 && cap[i - 1]) {
        buf[k++] = row(TITLE_TWO_BACK, 1);
      }
      int ph = phrases[i];
      if (ph != 0) {
        int pos = ph & 3;
        int pf = ph >>> 2;
        for (int b = 0; b < Gazetteer.FLAG_COUNT; b++) {
          if ((pf & (1 << b)) != 0) {
            buf[k++] = row(PHRASE, b, pos);
            buf[k++] = row(PHRASE_CASE, b, pos, cap[i] ? 1 : 0);
          }
        }
      }
      // Document-level case evidence.
      Integer ev = seen.get(lwi);
      int evidence = ev == null ? 0 : ev;
      buf[k++] = row(DOC_CASE, evidence, cap[i] ? 1 : 0, (i == 0 || allCaps) ? 1 : 0);
      buf[k++] = row(DOC_CASE_SHAPE, evidence, shortShape[i]);
      // Names from the training data: the usual type of the name this token is part of, how dominant that type
      // is, and which types it has had at all (sports clubs named after places are ORG and LOC, mostly ORG).
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        int lx = j < 0 || j >= n ? 0 : lex[j];
        int counts = lx & 0x0fffffff;
        if (counts == 0) {
          continue;
        }
        int total = 0;
        int maj = 0;
        int typeMask = 0;
        for (int t = 0; t < 4; t++) {
          int c = NameLexicon.count(counts, t);
          total += c;
          if (c > 0) {
            typeMask |= 1 << t;
          }
          if (c > NameLexicon.count(counts, maj)) {
            maj = t;
          }
        }
        int share = 10 * NameLexicon.count(counts, maj) / total;
        int dominance = share >= 9 ? 2 : share >= 6 ? 1 : 0;
        int pos = lx >>> 28;
        if (d == 0) {
          int freq = total >= 8 ? 2 : total >= 2 ? 1 : 0;
          buf[k++] = row(LEXICON_POSITION, maj, pos, dominance);
          buf[k++] = row(LEXICON_TYPES, typeMask, pos);
          buf[k++] = row(LEXICON_FREQUENCY, maj, dominance, freq);
          buf[k++] = row(LEXICON_SHAPE, maj, shortShape[i]);
        } else {
          buf[k++] = row(d < 0 ? LEXICON_PREV : LEXICON_NEXT, maj, dominance);
        }
      }
      if (cap[i]) {
        long key = NameLexicon.tokenKey(lower[i]);
        int counts = clusters.get(key);
        if (counts > 0 && exclude != null) {
          Integer own = exclude.get(key);
          if (own != null) {
            counts = NameLexicon.minus(counts, own);
          }
        }
        if (counts > 0) {
          int total = 0;
          int maj = 0;
          for (int t = 0; t < 4; t++) {
            total += NameLexicon.count(counts, t);
            if (NameLexicon.count(counts, t) > NameLexicon.count(counts, maj)) {
              maj = t;
            }
          }
          int share = 10 * NameLexicon.count(counts, maj) / total;
          buf[k++] = row(LEXICON_TOKEN, maj, share >= 9 ? 2 : share >= 6 ? 1 : 0, (lex[i] & 0x0fffffff) == 0 ? 0 : 1);
        }
      }
      k = ExternalNames.rows(this, ext, i, cap[i], shortShape[i], buf, k);
      rows[i] = java.util.Arrays.copyOf(buf, k);
    }
    return new SentenceFeatures(rows, lower, shortShape, cap);
  }
}
