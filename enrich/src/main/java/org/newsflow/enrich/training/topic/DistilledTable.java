package org.newsflow.enrich.training.topic;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Static word vectors distilled from a sentence-embedding model (all-MiniLM-L6-v2: each word of the corpora
 * embedded on its own, reduced by PCA), keyed by the featurizer's token hash like {@link
 * org.newsflow.enrich.tagging.topic.WordVectors}. A training input only: {@link WordVectorSource} keeps the words
 * a training set uses and weights them; the run-time model carries the result, not this table. Built by the
 * main {@code MiniLmWordTable} of the {@code minilm} Maven profile into a file (not shipped). Components are 8-bit integers with one scale.
 *
 * <p>A row marked <em>general</em> is a word of the sentence-embedding model's own vocabulary (English words known
 * before any of our corpora), not one learned from a corpus: the run-time model keeps those even when no training
 * text uses them, so a word an outlet uses and our corpora never did still has a meaning.
 *
 * @param keys    token hashes, distinct
 * @param vectors row-major components, {@code keys.length * dim}, each row of unit length
 * @param dim     components per vector
 * @param general per row, whether the word is in the general vocabulary
 */
public record DistilledTable(long[] keys, float[] vectors, int dim, boolean[] general) {

  /** Marks the per-row general flags after the components (tables written before them end without it). */
  private static final int GENERAL_MARK = 0x47454e31;

  /** Validates the shape. */
  public DistilledTable {
    if (dim < 1 || vectors.length != (long) keys.length * dim || general.length != keys.length) {
      throw new IllegalArgumentException("vectors do not match " + keys.length + " keys of dimension " + dim);
    }
  }

  /**
   * A table without general words.
   *
   * @param keys    token hashes, distinct
   * @param vectors row-major components
   * @param dim     components per vector
   */
  public DistilledTable(long[] keys, float[] vectors, int dim) {
    this(keys, vectors, dim, new boolean[keys.length]);
  }

  /**
   * @param in gzip stream written by {@link #write}
   * @return the table
   * @throws IOException when the stream is short or malformed
   */
  public static DistilledTable read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
    int n = d.readInt();
    int dim = d.readInt();
    float scale = d.readFloat();
    if (n < 0 || dim < 1 || (long) n * dim > 1L << 28) {
      throw new IOException("bad distilled table size " + n + " x " + dim);
    }
    long[] keys = new long[n];
    float[] v = new float[n * dim];
    for (int i = 0; i < n; i++) {
      keys[i] = d.readLong();
    }
    byte[] q = new byte[n * dim];
    d.readFully(q);
    for (int i = 0; i < q.length; i++) {
      v[i] = q[i] * scale;
    }
    boolean[] general = new boolean[n];
    int mark;
    try {
      mark = d.readInt();
    } catch (EOFException e) {
      return new DistilledTable(keys, v, dim, general);
    }
    if (mark != GENERAL_MARK) {
      throw new IOException("bad distilled table: unexpected bytes after the vectors");
    }
    byte[] flags = new byte[n];
    d.readFully(flags);
    for (int i = 0; i < n; i++) {
      general[i] = flags[i] != 0;
    }
    return new DistilledTable(keys, v, dim, general);
  }

  /**
   * @param out where to write (gzip; the caller closes it)
   * @throws IOException when writing fails
   */
  public void write(OutputStream out) throws IOException {
    float max = 0;
    for (float x : vectors) {
      max = Math.max(max, Math.abs(x));
    }
    float scale = max == 0 ? 1f : max / 127f;
    GZIPOutputStream gz = new GZIPOutputStream(out);
    DataOutputStream d = new DataOutputStream(gz);
    d.writeInt(keys.length);
    d.writeInt(dim);
    d.writeFloat(scale);
    for (long k : keys) {
      d.writeLong(k);
    }
    byte[] q = new byte[vectors.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = (byte) Math.round(vectors[i] / scale);
    }
    d.write(q);
    d.writeInt(GENERAL_MARK);
    for (boolean g : general) {
      d.writeByte(g ? 1 : 0);
    }
    d.flush();
    gz.finish();
  }
}
