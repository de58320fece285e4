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
 * @param index for each hashed row, its position in {@code rows} divided by the label count, or -1
 * @param rows  the weights of the used rows, {@link Labels#COUNT} per row
 */
public record Weights(int[] index, short[] rows) {

  static Weights quantise(float[] dense, int bits) {
    float max = 0;
    for (float f : dense) {
      max = Math.max(max, Math.abs(f));
    }
    float scale = max == 0 ? 1 : Short.MAX_VALUE / max;
    int lc = Labels.COUNT;
    int[] index = new int[1 << bits];
    Arrays.fill(index, -1);
    short[] rows = new short[lc * 1024];
    int used = 0;
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
      index[r] = used++;
    }
    return new Weights(index, Arrays.copyOf(rows, used * lc));
  }

  static Weights read(DataInputStream in, int bits) throws IOException {
    int lc = Labels.COUNT;
    int[] index = new int[1 << bits];
    Arrays.fill(index, -1);
    int n = in.readInt();
    if (n < 0 || n > index.length) {
      throw new IOException("corrupt model: " + n + " weight rows");
    }
    short[] rows = new short[n * lc];
    int row = 0;
    for (int i = 0; i < n; i++) {
      row += in.readInt();
      if (row < 0 || row >= index.length) {
        throw new IOException("corrupt model: row " + row);
      }
      index[row] = i;
      for (int l = 0; l < lc; l++) {
        rows[i * lc + l] = in.readShort();
      }
    }
    return new Weights(index, rows);
  }

  void write(DataOutputStream out) throws IOException {
    int lc = Labels.COUNT;
    int n = rows.length / lc;
    out.writeInt(n);
    int prev = 0;
    for (int r = 0; r < index.length; r++) {
      int i = index[r];
      if (i < 0) {
        continue;
      }
      out.writeInt(r - prev);
      prev = r;
      for (int l = 0; l < lc; l++) {
        out.writeShort(rows[i * lc + l]);
      }
    }
  }
}
