package org.newsflow.enrich.tagging.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Run-time weights of one stage: 16-bit weights for the hashed rows that have any, plus a row index. Most of the
 * 2^21 hashed rows are never hit in training, so storing only the used rows keeps three stages well inside the
 * 300 MB heap budget; the extra index lookup costs less than the cache misses a dense table would.
 *
 * <p>Every unused hashed row points at one shared row of zeros at the start of {@code rows}, so decoding adds a row
 * for every feature without asking whether it has weights: a branch that goes either way at random costs more than
 * adding nine zeros, and without it the processor overlaps the cache misses of consecutive lookups.
 *
 * @param index for each hashed row, the offset of its weights in {@code rows}; {@value #UNUSED} (the zero row) for
 *              rows without weights
 * @param rows  one row of zeros, then the weights of the used rows, {@link Labels#COUNT} per row
 */
public record Weights(int[] index, short[] rows) {

  /** Offset of the shared zero row: where every hashed row without weights points. */
  public static final int UNUSED = 0;

  static Weights quantise(float[] dense, int bits) {
    float max = 0;
    for (float f : dense) {
      max = Math.max(max, Math.abs(f));
    }
    float scale = max == 0 ? 1 : Short.MAX_VALUE / max;
    int lc = Labels.COUNT;
    int[] index = new int[1 << bits];
    short[] rows = new short[lc * 1024];
    int used = 1; // row 0 is the zero row
    for (int r = 0; r < index.length; r++) {
      boolean any = false;
      for (int l = 0; l < lc && !any; l++) {
        any = Math.round(dense[r * lc + l] * scale) != 0;
      }
      if (!any) {
        continue;
      }
      if ((used + 1) * lc > rows.length) {
        rows = Arrays.copyOf(rows, rows.length * 2);
      }
      for (int l = 0; l < lc; l++) {
        rows[used * lc + l] = (short) Math.round(dense[r * lc + l] * scale);
      }
      index[r] = used++ * lc;
    }
    return new Weights(index, Arrays.copyOf(rows, used * lc));
  }

  static Weights read(DataInputStream in, int bits) throws IOException {
    int lc = Labels.COUNT;
    int[] index = new int[1 << bits];
    int n = in.readInt();
    if (n < 0 || n > index.length) {
      throw new IOException("corrupt model: " + n + " weight rows");
    }
    short[] rows = new short[(n + 1) * lc];
    int row = 0;
    for (int i = 1; i <= n; i++) {
      row += in.readInt();
      if (row < 0 || row >= index.length || index[row] != UNUSED) {
        throw new IOException("corrupt model: row " + row);
      }
      index[row] = i * lc;
      for (int l = 0; l < lc; l++) {
        rows[i * lc + l] = in.readShort();
      }
    }
    return new Weights(index, rows);
  }

  void write(DataOutputStream out) throws IOException {
    int lc = Labels.COUNT;
    int n = rows.length / lc - 1;
    out.writeInt(n);
    int prev = 0;
    for (int r = 0; r < index.length; r++) {
      int offset = index[r];
      if (offset == UNUSED) {
        continue;
      }
      out.writeInt(r - prev);
      prev = r;
      for (int l = 0; l < lc; l++) {
        out.writeShort(rows[offset + l]);
      }
    }
  }
}
