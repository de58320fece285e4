package org.newsflow.enrich.tagging.topic;

import java.util.Arrays;

/**
 * Tokenises text and hashes its unigrams and bigrams into two fixed-size feature spaces. Thread-safe and
 * allocation-light: no token strings are built, the hash is computed while scanning characters.
 *
 * <p>Tokens are maximal runs of letters or digits, case-folded per character (locale-independent); tokens of one
 * character, pure numbers and a short list of English function words are dropped, so bigrams join content words.
 * Title tokens count {@code titleRepeats} times (once in the shipped model: counted twice, a feed item's headline
 * outweighed its one or two sentences of lead, and short texts were classified worse on outlets the model had not
 * seen, docs/BENCHMARKS.md).
 */
public final class TextFeaturizer {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long BIGRAM_SALT = 0x9e3779b97f4a7c15L;

  /** Function words that carry no topic; kept as hashes so the scan never allocates strings. */
  private static final String[] STOP_WORDS = {
      "the", "of", "and", "to", "in", "on", "at", "for", "by", "with", "from", "as", "into", "about", "over",
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
      "it", "its", "this", "that", "these", "those", "there", "here", "he", "she", "they", "we", "you", "his",
      "her", "their", "our", "your", "my", "me", "him", "them", "us", "an", "or", "but", "if", "so", "not",
      "no", "than", "then", "which", "who", "whom", "what", "when", "where", "why", "how", "would", "could",
      "should", "will", "shall", "can", "may", "might", "must", "also", "just", "all", "any", "some", "more",
      "most", "such", "other", "said", "says", "say", "up", "out", "after", "before", "while", "mr", "mrs",
      "ms", "one", "two", "new", "year", "last", "first", "being", "only", "very", "now", "s", "t",
      "de", "la", "le", "el", "et", "und", "der", "die", "das"};

  private static final int STOP_TABLE_SIZE = 512;

  /** The most times a title may count. */
  public static final int MAX_TITLE_REPEATS = 4;

  private final int level1Bits;
  private final int level2Bits;
  private final WordVectors vectors;
  private final float sparseWeight;
  private final float denseWeight;
  private final int titleRepeats;
  /** Open-addressing set of stop-word hashes (0 = empty slot): one or two probes per token. */
  private final long[] stopTable;

  /**
   * A featurizer of hashed n-grams only.
   *
   * @param level1Bits log2 of the level-1 feature space size (10..24)
   * @param level2Bits log2 of the level-2 feature space size, at most {@code level1Bits}
   */
  public TextFeaturizer(int level1Bits, int level2Bits) {
    this(level1Bits, level2Bits, WordVectors.NONE, 1f, 0f, 1);
  }

  /**
   * A featurizer that counts title tokens once.
   *
   * @param level1Bits   log2 of the level-1 feature space size (10..24)
   * @param level2Bits   log2 of the level-2 feature space size, at most {@code level1Bits}
   * @param vectors      word vectors for the dense features ({@link WordVectors#NONE} for none)
   * @param sparseWeight L2 norm of the hashed n-gram part of the level-1 features (0 leaves it out)
   * @param denseWeight  L2 norm of the dense part
   */
  public TextFeaturizer(int level1Bits, int level2Bits, WordVectors vectors, float sparseWeight,
      float denseWeight) {
    this(level1Bits, level2Bits, vectors, sparseWeight, denseWeight, 1);
  }

  /**
   * @param level1Bits   log2 of the level-1 feature space size (10..24)
   * @param level2Bits   log2 of the level-2 feature space size, at most {@code level1Bits}
   * @param vectors      word vectors whose mean becomes {@code vectors.dim()} dense level-1 features, appended
   *                     after the hashed ones (at indices {@code 2^level1Bits + j}); {@link WordVectors#NONE} for none
   * @param sparseWeight L2 norm of the hashed n-gram part of the level-1 features (0 leaves it out)
   * @param denseWeight  L2 norm of the dense part
   * @param titleRepeats how many times the title's tokens count (1..{@value #MAX_TITLE_REPEATS})
   */
  public TextFeaturizer(int level1Bits, int level2Bits, WordVectors vectors, float sparseWeight,
      float denseWeight, int titleRepeats) {
    if (level1Bits < 10 || level1Bits > 24 || level2Bits < 8 || level2Bits > level1Bits) {
      throw new IllegalArgumentException("bad feature bits " + level1Bits + "/" + level2Bits);
    }
    if (!(sparseWeight >= 0) || !(denseWeight >= 0) || sparseWeight + denseWeight == 0) {
      throw new IllegalArgumentException("bad feature weights " + sparseWeight + "/" + denseWeight);
    }
    if (titleRepeats < 1 || titleRepeats > MAX_TITLE_REPEATS) {
      throw new IllegalArgumentException("title repeats must be 1.." + MAX_TITLE_REPEATS + ": " + titleRepeats);
    }
    this.titleRepeats = titleRepeats;
    this.level1Bits = level1Bits;
    this.level2Bits = level2Bits;
    this.vectors = vectors;
    this.sparseWeight = sparseWeight;
    this.denseWeight = vectors.dim() == 0 ? 0f : denseWeight;
    this.stopTable = new long[STOP_TABLE_SIZE];
    for (String word : STOP_WORDS) {
      long h = tokenHash(word);
      int slot = (int) (h >>> 55) & (STOP_TABLE_SIZE - 1);
      while (stopTable[slot] != 0 && stopTable[slot] != h) {
        slot = (slot + 1) & (STOP_TABLE_SIZE - 1);
      }
      stopTable[slot] = h;
    }
  }

  private boolean isStopWord(long h) {
    int slot = (int) (h >>> 55) & (STOP_TABLE_SIZE - 1);
    for (long v = stopTable[slot]; v != 0; v = stopTable[slot]) {
      if (v == h) {
        return true;
      }
      slot = (slot + 1) & (STOP_TABLE_SIZE - 1);
    }
    return false;
  }

  /** @return log2 of the level-1 feature space size */
  public int level1Bits() {
    return level1Bits;
  }

  /** @return log2 of the level-2 feature space size */
  public int level2Bits() {
    return level2Bits;
  }

  /** @return the word vectors behind the dense features ({@link WordVectors#NONE} when there are none) */
  public WordVectors vectors() {
    return vectors;
  }

  /** @return L2 norm of the hashed n-gram part of the level-1 features */
  public float sparseWeight() {
    return sparseWeight;
  }

  /** @return L2 norm of the dense part of the level-1 features (0 without word vectors) */
  public float denseWeight() {
    return denseWeight;
  }

  /** @return how many times the title's tokens count */
  public int titleRepeats() {
    return titleRepeats;
  }

  /** @return size of the level-1 feature space: hashed buckets plus dense components */
  public int level1Size() {
    return (1 << level1Bits) + vectors.dim();
  }

  /** Mutable state of one featurisation; never shared between threads. */
  private static final class Scan {
    int[] keys;
    int n;
    int tokens;
    long[] hashes;
    int hashCount;
    final float[] dense;
    int found;

    Scan(int capacity, int dim, boolean keepHashes) {
      keys = new int[capacity];
      dense = new float[dim];
      hashes = keepHashes ? new long[Math.max(16, capacity / 2)] : null;
    }
  }

  /**
   * The hashes of the tokens the features are built from, in text order (stop words, numbers and one-letter
   * tokens dropped, plural -s folded): the keys of {@link WordVectors}.
   *
   * @param text plain text, may be null
   * @return token hashes
   */
  public long[] tokenHashes(String text) {
    String b = text == null ? "" : text;
    Scan scan = new Scan(Math.max(16, b.length() / 2 + 8), 0, true);
    scan(b, scan, true);
    return Arrays.copyOf(scan.hashes, scan.hashCount);
  }

  /**
   * @param title plain-text title, may be null
   * @param text  plain-text body, may be null
   * @return the article's features; empty arrays for text without content words
   */
  public TextFeatures featurize(String title, String text) {
    String t = title == null ? "" : title;
    String b = text == null ? "" : text;
    // two keys (unigram + bigram) per token at most; the title is scanned titleRepeats times
    Scan scan = new Scan(Math.max(16, 2 * titleRepeats * t.length() / 3 + b.length() / 2 + 8), vectors.dim(),
        false);
    for (int r = 0; r < titleRepeats; r++) {
      scan(t, scan, false);
    }
    int titleTokens = scan.tokens;
    scan(b, scan, false);
    Arrays.sort(scan.keys, 0, scan.n);
    return build(scan, scan.tokens - titleTokens + titleTokens / titleRepeats);
  }

  private void scan(String s, Scan out, boolean hashesOnly) {
    long prev = 0;
    boolean hasPrev = false;
    int len = s.length();
    int i = 0;
    boolean dense = vectors.dim() > 0 && !hashesOnly;
    while (i < len) {
      char c = s.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      long h = FNV_OFFSET;
      long beforeLast = h;
      char last = 0;
      char secondLast = 0;
      int chars = 0;
      boolean allDigits = true;
      while (i < len) {
        c = s.charAt(i);
        if (!isWordChar(c)) {
          break;
        }
        allDigits &= c >= '0' && c <= '9';
        secondLast = last;
        last = c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c);
        beforeLast = h;
        h = (h ^ last) * FNV_PRIME;
        chars++;
        i++;
      }
      // fold the plural -s (missiles/missile, prayers/prayer): without it the few examples a rare topic has are
      // split between two spellings of each word
      if (foldsPlural(last, secondLast, chars)) {
        h = beforeLast;
      }
      if (chars < 2 || allDigits || isStopWord(h)) {
        continue;
      }
      out.tokens++;
      if (hashesOnly) {
        if (out.hashCount == out.hashes.length) {
          out.hashes = Arrays.copyOf(out.hashes, out.hashes.length * 2);
        }
        out.hashes[out.hashCount++] = h;
        continue;
      }
      if (dense && vectors.addTo(h, out.dense)) {
        out.found++;
      }
      if (out.n + 2 > out.keys.length) {
        out.keys = Arrays.copyOf(out.keys, out.keys.length * 2);
      }
      out.keys[out.n++] = bucket(h);
      if (hasPrev) {
        out.keys[out.n++] = bucket(prev * 31 + h + BIGRAM_SALT);
      }
      prev = h;
      hasPrev = true;
    }
  }

  private int bucket(long h) {
    // murmur3 finaliser: FNV's low bits are poor, the top bits of the mixed value are uniform
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) (h >>> (64 - level1Bits));
  }

  private TextFeatures build(Scan scan, int tokens) {
    int[] keys = scan.keys;
    int n = scan.n;
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        distinct++;
      }
    }
    int dim = scan.found > 0 ? vectors.dim() : 0;
    int[] idx1 = new int[distinct + dim];
    float[] val1 = new float[distinct + dim];
    int d = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        idx1[++d] = keys[i];
      }
      val1[d] += 1f;
    }
    normaliseLogCounts(val1, distinct);
    // level-2 buckets are prefixes of level-1 buckets, so they come out sorted too
    int shift = level1Bits - level2Bits;
    int distinct2 = 0;
    for (int i = 0; i < distinct; i++) {
      if (i == 0 || (idx1[i] >>> shift) != (idx1[i - 1] >>> shift)) {
        distinct2++;
      }
    }
    int[] idx2 = new int[distinct2];
    float[] val2 = new float[distinct2];
    d = -1;
    for (int i = 0; i < distinct; i++) {
      int b = idx1[i] >>> shift;
      if (d < 0 || idx2[d] != b) {
        idx2[++d] = b;
      }
      val2[d] += val1[i];
    }
    normalise(val2, distinct2);
    if (sparseWeight != 1f) {
      for (int i = 0; i < distinct; i++) {
        val1[i] *= sparseWeight;
      }
    }
    if (dim > 0) {
      // the mean of the words' vectors, as a direction: its length would only say how many words were known
      int base = 1 << level1Bits;
      for (int j = 0; j < dim; j++) {
        idx1[distinct + j] = base + j;
        val1[distinct + j] = scan.dense[j];
      }
      normalise(val1, distinct, distinct + dim);
      for (int j = distinct; j < distinct + dim; j++) {
        val1[j] *= denseWeight;
      }
    }
    return new TextFeatures(idx1, val1, idx2, val2, tokens);
  }

  private static void normaliseLogCounts(float[] v, int n) {
    for (int i = 0; i < n; i++) {
      v[i] = 1f + (float) Math.log(v[i]);
    }
    normalise(v, n);
  }

  private static void normalise(float[] v, int n) {
    normalise(v, 0, n);
  }

  private static void normalise(float[] v, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) v[i] * v[i];
    }
    if (sum > 0) {
      float inv = (float) (1.0 / Math.sqrt(sum));
      for (int i = from; i < to; i++) {
        v[i] *= inv;
      }
    }
  }

  private static final boolean[] ASCII_WORD = new boolean[128];
  private static final char[] ASCII_LOWER = new char[128];

  static {
    // news text is mostly ASCII: a table lookup beats the general Unicode property calls
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
      ASCII_LOWER[c] = Character.toLowerCase(c);
    }
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** Hashes one token exactly as {@link #scan} does, plural folding included. */
  private static long tokenHash(String token) {
    long h = FNV_OFFSET;
    long beforeLast = h;
    char last = 0;
    char secondLast = 0;
    for (int i = 0; i < token.length(); i++) {
      secondLast = last;
      last = Character.toLowerCase(token.charAt(i));
      beforeLast = h;
      h = (h ^ last) * FNV_PRIME;
    }
    return foldsPlural(last, secondLast, token.length()) ? beforeLast : h;
  }

  private static boolean foldsPlural(char last, char secondLast, int chars) {
    return last == 's' && chars > 3 && secondLast != 's' && secondLast != 'u' && secondLast != 'i';
  }
}
