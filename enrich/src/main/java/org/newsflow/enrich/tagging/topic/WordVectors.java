package org.newsflow.enrich.tagging.topic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Dense word vectors keyed by the 64-bit hash {@link TextFeaturizer} computes for a token, so the model carries
 * learned vectors but no vocabulary text. Components are 8-bit integers with one scale for the whole table.
 * Immutable: an open-addressing table built once; a look-up is one or two probes.
 */
public final class WordVectors {

  /** No vectors: the featurizer then adds no dense features. */
  public static final WordVectors NONE = new WordVectors(new long[0], new byte[0], 0, 1f);

  private final long[] keys;
  private final byte[] vectors;
  private final int dim;
  private final float scale;
  private final long[] table;
  private final int[] rows;
  private final int mask;

  /**
   * @param keys    token hashes, one per row, distinct
   * @param vectors row-major components, {@code keys.length * dim}
   * @param dim     components per vector
   * @param scale   value of one integer step
   */
  public WordVectors(long[] keys, byte[] vectors, int dim, float scale) {
    if (vectors.length != keys.length * dim || dim < 0) {
      throw new IllegalArgumentException("vectors do not match " + keys.length + " keys of dimension " + dim);
    }
    this.keys = keys.clone();
    this.vectors = vectors.clone();
    this.dim = dim;
    this.scale = scale;
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2)) << 1;
    this.table = new long[cap];
    this.rows = new int[cap];
    Arrays.fill(rows, -1);
    this.mask = cap - 1;
    for (int i = 0; i < keys.length; i++) {
      int slot = slot(keys[i]);
      while (rows[slot] != -1) {
        slot = (slot + 1) & mask;
      }
      table[slot] = keys[i];
      rows[slot] = i;
    }
  }

  /**
   * Quantises float vectors to 8 bits with one scale.
   *
   * @param keys    token hashes
   * @param vectors row-major float components
   * @param dim     components per vector
   * @return the table
   */
  public static WordVectors quantise(long[] keys, float[] vectors, int dim) {
    float max = 0;
    for (float v : vectors) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = max == 0 ? 1f : max / 127f;
    byte[] q = new byte[vectors.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = (byte) Math.round(vectors[i] / scale);
    }
    return new WordVectors(keys, q, dim, scale);
  }

  private int slot(long h) {
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 32;
    return (int) h & mask;
  }

  /** @return components per vector, 0 for {@link #NONE} */
  public int dim() {
    return dim;
  }

  /** @return number of words */
  public int size() {
    return keys.length;
  }

  /**
   * Adds a word's vector (in integer steps; multiply by {@link #scale()}) to an accumulator.
   *
   * @param tokenHash the token's hash
   * @param acc       accumulator of length {@link #dim()}
   * @return whether the word has a vector
   */
  public boolean addTo(long tokenHash, float[] acc) {
    if (dim == 0) {
      return false;
    }
    int slot = slot(tokenHash);
    for (int r = rows[slot]; r != -1; r = rows[slot]) {
      if (table[slot] == tokenHash) {
        int base = r * dim;
        for (int j = 0; j < dim; j++) {
          acc[j] += vectors[base + j];
        }
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /** @return value of one integer step */
  public float scale() {
    return scale;
  }

  void write(DataOutputStream d) throws IOException {
    d.writeInt(keys.length);
    d.writeInt(dim);
    d.writeFloat(scale);
    for (long k : keys) {
      d.writeLong(k);
    }
    d.write(vectors);
  }

  static WordVectors read(DataInputStream d) throws IOException {
    int n = d.readInt();
    int dim = d.readInt();
    float scale = d.readFloat();
    if (n < 0 || dim < 0 || (long) n * dim > 1L << 28) {
      throw new IOException("bad word-vector table size " + n + " x " + dim);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = d.readLong();
    }
    byte[] v = new byte[n * dim];
    d.readFully(v);
    return new WordVectors(keys, v, dim, scale);
  }
}
