package org.newsflow.enrich.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code size} seeded hash functions, the minimum hash over a set of shingles. The
 * fraction of equal positions in two signatures estimates the Jaccard similarity of the two shingle sets, at a cost
 * independent of how many articles have been seen. Thread-safe (immutable).
 */
public final class MinHash {

  private final long[] multipliers;
  private final long[] addends;

  /**
   * @param size number of hash functions (signature length)
   * @param seed seed of the hash family; signatures are only comparable under the same size and seed
   */
  public MinHash(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("signature size must be positive");
    }
    SplittableRandom random = new SplittableRandom(seed);
    this.multipliers = new long[size];
    this.addends = new long[size];
    for (int i = 0; i < size; i++) {
      multipliers[i] = random.nextLong() | 1;
      addends[i] = random.nextLong();
    }
  }

  /** Signature length. */
  public int size() {
    return multipliers.length;
  }

  /** The signature of a shingle set; all {@code Integer.MAX_VALUE} for an empty set. */
  public int[] signature(long[] shingles) {
    int[] sig = new int[multipliers.length];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long s : shingles) {
      // shingle hashes are already well mixed, so one multiply-add-shift per hash function (a multiply-shift
      // universal family) suffices; about three times cheaper than re-mixing, and this loop is the clusterer's cost
      for (int i = 0; i < sig.length; i++) {
        // the upper 31 bits: non-negative, so Integer.MAX_VALUE stays the "empty" marker
        int v = (int) ((multipliers[i] * s + addends[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /** Estimated Jaccard similarity: the fraction of positions where two signatures agree. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of different sizes: " + a.length + " and " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** SplitMix64's finaliser: a cheap 64-bit mixer with good avalanche, used for every hash here. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
