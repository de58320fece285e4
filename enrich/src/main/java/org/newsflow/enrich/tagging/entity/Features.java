package org.newsflow.enrich.tagging.entity;

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

  int row(int template, long a) {
    return row(mix(template * 0x9E3779B97F4A7C15L, a));
  }

  int row(int template, long a, long b) {
    return row(mix(mix(template * 0x9E3779B97F4A7C15L, a), b));
  }

  int row(int template, long a, long b, long c) {
    return row(mix(mix(mix(template * 0x9E3779B97F4A7C15L, a), b), c));
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

  /**
   * Computes static features for a whole document, with the first-stage labels as extra evidence when given
   * (stacking): the label the first stage gave each token and its neighbours, and how the first stage labelled the
   * same word and the same name elsewhere in the document, so the second stage can make mentions agree.
   *
   * @param doc    sentences of (already normalised) token texts
   * @param base   the document's first-stage features from {@link #extract(List)}
   * @param stage1 first-stage BILOU labels per sentence
   * @return per-sentence features
   */
  public List<SentenceFeatures> stack(List<String[]> doc, List<SentenceFeatures> base, List<int[]> stage1) {
    List<String[]> lowers = new ArrayList<>(doc.size());
    for (String[] words : doc) {
      String[] lw = new String[words.length];
      for (int i = 0; i < words.length; i++) {
        lw[i] = lowerDigits(words[i]);
      }
      lowers.add(lw);
    }
    Map<String, int[]> tokenTypes = new HashMap<>();
    Map<String, int[]> nameTypes = new HashMap<>();
    Map<String, int[]> insideTypes = new HashMap<>();
    {
      for (int s = 0; s < doc.size(); s++) {
        String[] words = doc.get(s);
        String[] lw = lowers.get(s);
        int[] labels = stage1.get(s);
        for (int i = 0; i < words.length; i++) {
          if (isCapitalised(words[i])) {
            int t = Labels.type(labels[i]);
            tokenTypes.computeIfAbsent(lw[i], k -> new int[5])[t < 0 ? 4 : t]++;
          }
        }
        for (Span span : Labels.decode(labels)) {
          int t = Labels.typeIndex(span.type());
          nameTypes.computeIfAbsent(nameKey(lw, span.start(), span.end()), k -> new int[5])[t]++;
          if (span.end() - span.start() > 1) {
            for (int i = span.start(); i < span.end(); i++) {
              insideTypes.computeIfAbsent(lw[i], k -> new int[5])[t]++;
            }
          }
        }
      }
    }
    List<SentenceFeatures> out = new ArrayList<>(doc.size());
    for (int s = 0; s < doc.size(); s++) {
      out.add(stacked(base.get(s), doc.get(s), lowers.get(s), stage1.get(s), tokenTypes, nameTypes, insideTypes));
    }
    return out;
  }

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
      out.add(sentence(doc.get(s), lowers.get(s), seen, lexicon(doc.get(s), lowers.get(s), reversed, exclude),
          exclude));
    }
    return out;
  }

  /**
   * Longest-first matches of names from the training-data lexicon: per token the packed type counts of the
   * matched name (0 = none) in the low 28 bits and its BILU position (0..3) above them.
   */
  private int[] lexicon(String[] w, String[] lw, boolean reversed, Map<Long, Integer> exclude) {
    int n = w.length;
    int[] out = new int[n];
    long[] lh = new long[n];
    boolean[] cap = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = reversed ? n - 1 - i : i;
      lh[i] = hash(lw[j]);
      cap[i] = isCapitalised(w[j]);
    }
    int i = 0;
    while (i < n) {
      int bestLen = 0;
      int bestCounts = 0;
      if (cap[i]) {
        long h = NameLexicon.START;
        for (int len = 1; len <= NameLexicon.MAX_LENGTH && i + len <= n; len++) {
          h = NameLexicon.phrase(h, lh[i + len - 1]);
          long key = NameLexicon.key(h);
          int c = clusters.get(key);
          if (c < 0) {
            break; // not even the prefix of a longer name: stop early (most tokens end here)
          }
          if (c > 0 && exclude != null) {
            Integer own = exclude.get(key);
            if (own != null) {
              c = NameLexicon.minus(c, own);
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

  /**
   * Adds the labels of a right-to-left first stage to stacked features, so the second stage sees a decision
   * made with the right context already fixed, and where the two directions disagree.
   */
  public List<SentenceFeatures> addReverse(List<SentenceFeatures> stacked, List<int[]> forward, List<int[]> reverse) {
    // Document-level votes of both directions for each capitalised word: two differently-biased taggers agreeing
    // elsewhere in the document is stronger evidence for a consistent type than either alone.
    Map<Long, int[]> votes = new HashMap<>();
    for (int s = 0; s < stacked.size(); s++) {
      SentenceFeatures sf = stacked.get(s);
      for (int i = 0; i < sf.lower().length; i++) {
        if (sf.capitalised()[i]) {
          int[] c = votes.computeIfAbsent(sf.lower()[i], k -> new int[5]);
          int tf = Labels.type(forward.get(s)[i]);
          int tr = Labels.type(reverse.get(s)[i]);
          c[tf < 0 ? 4 : tf]++;
          c[tr < 0 ? 4 : tr]++;
        }
      }
    }
    List<SentenceFeatures> out = new ArrayList<>(stacked.size());
    for (int s = 0; s < stacked.size(); s++) {
      SentenceFeatures sf = stacked.get(s);
      int[] f = forward.get(s);
      int[] r = reverse.get(s);
      int n = r.length;
      int[][] rows = new int[n][];
      for (int i = 0; i < n; i++) {
        int[] base = sf.rows()[i];
        int[] c = sf.capitalised()[i] ? votes.get(sf.lower()[i]) : null;
        int[] all = java.util.Arrays.copyOf(base, base.length + (c == null ? 4 : 6));
        all[base.length] = row(80, r[i]);
        all[base.length + 1] = row(81, i > 0 ? r[i - 1] : -1, r[i]);
        all[base.length + 2] = row(82, r[i], i + 1 < n ? r[i + 1] : -1);
        all[base.length + 3] = row(83, f[i], r[i]);
        if (c != null) {
          int total = 0;
          for (int v : c) {
            total += v;
          }
          int maj = majority(c);
          int share = 10 * c[maj] / total;
          all[base.length + 4] = row(84, maj, share >= 9 ? 2 : share >= 6 ? 1 : 0, Math.min(total, 6));
          all[base.length + 5] = row(85, maj, f[i], r[i]);
        }
        rows[i] = all;
      }
      out.add(new SentenceFeatures(rows, sf.lower(), sf.shape(), sf.capitalised()));
    }
    return out;
  }

  /** The document with every sentence's tokens in reverse order, for the right-to-left stage. */
  public static List<String[]> reversed(List<String[]> doc) {
    List<String[]> out = new ArrayList<>(doc.size());
    for (String[] w : doc) {
      String[] r = new String[w.length];
      for (int i = 0; i < w.length; i++) {
        r[i] = w[w.length - 1 - i];
      }
      out.add(r);
    }
    return out;
  }

  /** BILOU labels of a reversed sentence mapped back to left-to-right order. */
  static int[] unreverse(int[] reversedLabels) {
    int n = reversedLabels.length;
    List<Span> spans = new ArrayList<>();
    for (Span sp : Labels.decode(reversedLabels)) {
      spans.add(new Span(n - sp.end(), n - sp.start(), sp.type()));
    }
    return Labels.encode(n, spans);
  }

  /** BILOU labels of a sentence for its reversed token order. */
  public static int[] reverseGold(int[] labels) {
    return unreverse(labels);
  }

  private static String nameKey(String[] lw, int from, int to) {
    return String.join(" ", java.util.Arrays.asList(lw).subList(from, to));
  }

  private static int majority(int[] counts) {
    int best = 0;
    for (int t = 1; t < counts.length; t++) {
      if (counts[t] > counts[best]) {
        best = t;
      }
    }
    return best;
  }

  private SentenceFeatures stacked(SentenceFeatures sf, String[] w, String[] lw, int[] labels,
      Map<String, int[]> tokenTypes, Map<String, int[]> nameTypes, Map<String, int[]> insideTypes) {
    int n = w.length;
    int[][] rows = new int[n][];
    // Name spans of the first stage, to look up how the same name was typed elsewhere.
    int[] spanMajority = new int[n];
    java.util.Arrays.fill(spanMajority, -1);
    for (Span span : Labels.decode(labels)) {
      int[] c = nameTypes.get(nameKey(lw, span.start(), span.end()));
      if (c != null) {
        for (int i = span.start(); i < span.end(); i++) {
          spanMajority[i] = majority(c);
        }
      }
    }
    int[] buf = new int[32];
    for (int i = 0; i < n; i++) {
      int k = 0;
      buf[k++] = row(60, labels[i]);
      buf[k++] = row(61, i > 0 ? labels[i - 1] : -1, labels[i]);
      buf[k++] = row(62, labels[i], i + 1 < n ? labels[i + 1] : -1);
      buf[k++] = row(63, labels[i], sf.shape()[i]);
      if (sf.capitalised()[i]) {
        int[] c = tokenTypes.get(lw[i]);
        if (c != null) {
          for (int t = 0; t < 5; t++) {
            if (c[t] > 0) {
              buf[k++] = row(64, t);
            }
          }
          buf[k++] = row(65, majority(c), labels[i]);
        }
        int[] inside = insideTypes.get(lw[i]);
        if (inside != null) {
          buf[k++] = row(66, majority(inside));
        }
      }
      if (spanMajority[i] >= 0) {
        buf[k++] = row(67, spanMajority[i]);
      }
      int[] base = sf.rows()[i];
      int[] all = java.util.Arrays.copyOf(base, base.length + k);
      System.arraycopy(buf, 0, all, base.length, k);
      rows[i] = all;
    }
    return new SentenceFeatures(rows, sf.lower(), sf.shape(), sf.capitalised());
  }

  private SentenceFeatures sentence(String[] w, String[] lw, Map<String, Integer> seen, int[] lex,
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
    int[] phrases = gazetteer.matchPhrases(w);
    int[][] rows = new int[n][];
    int[] buf = new int[160];
    for (int i = 0; i < n; i++) {
      int k = 0;
      String lwi = lw[i];
      buf[k++] = row(1, 0);
      buf[k++] = row(2, word[i]);
      buf[k++] = row(3, lower[i]);
      buf[k++] = row(4, shape[i]);
      buf[k++] = row(5, shortShape[i]);
      int len = lwi.length();
      for (int a = 1; a <= 4 && a <= len; a++) {
        buf[k++] = row(6, a, hash(lwi, 0, a));
        buf[k++] = row(7, a, hash(lwi, len - a, len));
      }
      buf[k++] = row(8, i == 0 ? 1 : 0, shortShape[i]);
      buf[k++] = row(9, allCaps ? 1 : 0, shortShape[i]);
      buf[k++] = row(10, Math.min(len, 8));
      // Context window +-2.
      long lm1 = i > 0 ? lower[i - 1] : 1;
      long lm2 = i > 1 ? lower[i - 2] : 1;
      long lp1 = i + 1 < n ? lower[i + 1] : 2;
      long lp2 = i + 2 < n ? lower[i + 2] : 2;
      long sm1 = i > 0 ? shortShape[i - 1] : 1;
      long sp1 = i + 1 < n ? shortShape[i + 1] : 2;
      buf[k++] = row(11, lm1);
      buf[k++] = row(12, lp1);
      buf[k++] = row(13, lm2);
      buf[k++] = row(14, lp2);
      buf[k++] = row(15, lm1, lower[i]);
      buf[k++] = row(16, lower[i], lp1);
      buf[k++] = row(17, sm1);
      buf[k++] = row(18, sp1);
      buf[k++] = row(19, sm1, shortShape[i], sp1);
      buf[k++] = row(20, lm1, shortShape[i]);
      buf[k++] = row(21, shortShape[i], lp1);
      buf[k++] = row(22, lm2, lm1);
      buf[k++] = row(23, lp1, lp2);
      buf[k++] = row(24, i > 0 ? word[i - 1] : 1, word[i]);
      // Word clusters, three granularities, for the word and its neighbours.
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        int c = j < 0 || j >= n ? -2 : cluster[j];
        for (int level = 0; level < 3; level++) {
          long id = c < 0 ? c : (c >>> (10 * level)) & 0x3ff;
          buf[k++] = row(25 + d, level, id);
        }
      }
      if (cluster[i] >= 0) {
        buf[k++] = row(28, cluster[i] & 0x3ff, shortShape[i]);
      }
      for (int d = -2; d <= 2; d += 4) {
        int j = i + d;
        int c = j < 0 || j >= n ? -2 : cluster[j];
        buf[k++] = row(29, d, c < 0 ? c : (c >>> 10) & 0x3ff);
      }
      if (i > 0) {
        int c0 = cluster[i] < 0 ? -1 : (cluster[i] >>> 10) & 0x3ff;
        int c1 = cluster[i - 1] < 0 ? -1 : (cluster[i - 1] >>> 10) & 0x3ff;
        buf[k++] = row(39, c1, c0);
      }
      buf[k++] = row(40, capPrior[i], cap[i] ? 1 : 0, (i == 0 || allCaps) ? 1 : 0);
      buf[k++] = row(41, capPrior[i], shortShape[i]);
      // Gazetteers: word lists for the word and neighbours, phrase matches with their BILOU position.
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        int f = j < 0 || j >= n ? 0 : flags[j];
        for (int b = 0; b < Gazetteer.FLAG_COUNT; b++) {
          if ((f & (1 << b)) != 0) {
            buf[k++] = row(30 + d, b);
            if (d == 0) {
              buf[k++] = row(33, b, cap[i] ? 1 : 0);
            }
          }
        }
      }
      if (i > 1 && (flags[i - 2] & Gazetteer.TITLE) != 0 && cap[i - 1]) {
        buf[k++] = row(34, 1);
      }
      int ph = phrases[i];
      if (ph != 0) {
        int pos = ph & 3;
        int pf = ph >>> 2;
        for (int b = 0; b < Gazetteer.FLAG_COUNT; b++) {
          if ((pf & (1 << b)) != 0) {
            buf[k++] = row(35, b, pos);
            buf[k++] = row(36, b, pos, cap[i] ? 1 : 0);
          }
        }
      }
      // Document-level case evidence.
      Integer ev = seen.get(lwi);
      int evidence = ev == null ? 0 : ev;
      buf[k++] = row(37, evidence, cap[i] ? 1 : 0, (i == 0 || allCaps) ? 1 : 0);
      buf[k++] = row(38, evidence, shortShape[i]);
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
          buf[k++] = row(90, maj, pos, dominance);
          buf[k++] = row(91, typeMask, pos);
          buf[k++] = row(92, maj, dominance, freq);
          buf[k++] = row(93, maj, shortShape[i]);
        } else {
          buf[k++] = row(95 + (d + 1) / 2, maj, dominance);
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
          buf[k++] = row(97, maj, share >= 9 ? 2 : share >= 6 ? 1 : 0, (lex[i] & 0x0fffffff) == 0 ? 0 : 1);
        }
      }
      rows[i] = java.util.Arrays.copyOf(buf, k);
    }
    return new SentenceFeatures(rows, lower, shortShape, cap);
  }
}
