package org.newsflow.enrich.tagging.entity;

import java.util.Arrays;

/**
 * Word-cluster ids keyed by a 64-bit hash of the word form, so the model carries learned cluster ids but no
 * vocabulary text. Each word has up to three ids at growing granularity, packed in one int (10 bits each).
 * Immutable: an open-addressing table built once.
 */
public final class WordClusters {

  /** No entries. */
  public static final WordClusters EMPTY = new WordClusters(new long[0], new int[0]);

  private final long[] keys;
  private final int[] values;
  private final long[] table;
  private final int[] tableValues;
  private final int mask;

  /** A table of the given entries (same length). */
  public WordClusters(long[] keys, int[] values) {
    this.keys = keys.clone();
    this.values = values.clone();
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2)) << 1;
    table = new long[cap];
    tableValues = new int[cap];
    Arrays.fill(tableValues, -1);
    mask = cap - 1;
    for (int i = 0; i < keys.length; i++) {
      int slot = (int) (Features.finish(keys[i]) & mask);
      while (tableValues[slot] != -1 && table[slot] != keys[i]) {
        slot = (slot + 1) & mask;
      }
      table[slot] = keys[i];
      tableValues[slot] = values[i];
    }
  }

  /** Key of a word's capitalisation-prior entry (lower-cased form), distinct from any cluster key. */
  public static long capKey(String lower) {
    return Features.mix(0x5bd1e995L, Features.hash(lower));
  }

  /** The keys, in the order given. */
  public long[] keys() {
    return keys.clone();
  }

  /** The packed values, in the order of {@link #keys()}. */
  public int[] values() {
    return values.clone();
  }

  /** Number of entries. */
  public int size() {
    return keys.length;
  }

  /** Packed cluster ids of a word hash, or -1 when the word was not clustered. */
  int get(long key) {
    int slot = (int) (Features.finish(key) & mask);
    while (true) {
      int v = tableValues[slot];
      if (v == -1) {
        return -1;
      }
      if (table[slot] == key) {
        return v;
      }
      slot = (slot + 1) & mask;
    }
  }
}
