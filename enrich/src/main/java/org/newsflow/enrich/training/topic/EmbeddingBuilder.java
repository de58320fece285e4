package org.newsflow.enrich.training.topic;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;
import org.newsflow.enrich.tagging.topic.WordVectors;

/**
 * Learns word vectors from unlabeled news text: counts of each frequent word's neighbours within a window, turned
 * into positive pointwise mutual information (context counts smoothed by the power 0.75), factorised by a truncated
 * SVD (randomised range finder with one power iteration; eigenvalue weighting 0.5). Words used in the same
 * contexts get near vectors, so an article's mean vector carries its subject to words no labelled example used.
 * Each vector is scaled by a/(a + p(word)) (smooth inverse frequency) so frequent words weigh less in the mean.
 * Tokens are the featurizer's own hashes, so the vectors carry no text. Deterministic for a given input.
 *
 * @param dim        vector dimension
 * @param maxWords   vocabulary size at most (most frequent first)
 * @param minCount   occurrences a word needs
 * @param contexts   context words (the most frequent)
 * @param window     neighbours on each side
 * @param sifA       the smooth-inverse-frequency constant
 * @param seed       random seed of the range finder
 */
public record EmbeddingBuilder(int dim, int maxWords, int minCount, int contexts, int window, double sifA,
    long seed) {

  /** @return the settings the shipped model uses */
  public static EmbeddingBuilder defaults() {
    return new EmbeddingBuilder(96, 40_000, 3, 2_000, 5, 1e-3, 20240314L);
  }

  /**
   * @param texts      unlabeled documents
   * @param featurizer tokenises and hashes as the run-time featurizer will
   * @param log        progress
   * @return the vectors
   */
  public WordVectors build(List<String> texts, TextFeaturizer featurizer, PrintWriter log) {
    Table t = table(texts, featurizer, log);
    return WordVectors.quantise(t.keys(), t.vectors(), t.dim());
  }

  /**
   * Vectors before quantisation.
   *
   * @param keys    the vocabulary's token hashes, most frequent first
   * @param vectors row-major, SIF weight included ({@code dim} 0: none)
   * @param dim     components per vector
   * @param sif     each word's smooth-inverse-frequency weight
   */
  record Table(long[] keys, float[] vectors, int dim, double[] sif) {
  }

  /** The vocabulary (as {@link #table}) and its SIF weights, without vectors. */
  Table counts(List<String> texts, TextFeaturizer featurizer) {
    Map<Long, int[]> counts = new HashMap<>();
    long total = 0;
    for (String text : texts) {
      long[] doc = featurizer.tokenHashes(text);
      for (long h : doc) {
        counts.computeIfAbsent(h, k -> new int[1])[0]++;
      }
      total += doc.length;
    }
    Long[] byCount = vocabulary(counts);
    long[] keys = new long[byCount.length];
    double[] sif = new double[byCount.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = byCount[i];
      sif[i] = sifA / (sifA + counts.get(byCount[i])[0] / (double) total);
    }
    return new Table(keys, new float[0], 0, sif);
  }

  private Long[] vocabulary(Map<Long, int[]> counts) {
    return counts.entrySet().stream().filter(e -> e.getValue()[0] >= minCount)
        .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
            : Long.compare(a.getKey(), b.getKey()))
        .limit(maxWords).map(Map.Entry::getKey).toArray(Long[]::new);
  }

  /** The PPMI vectors as floats, with the SIF weights. */
  Table table(List<String> texts, TextFeaturizer featurizer, PrintWriter log) {
    long t0 = System.nanoTime();
    long[][] docs = new long[texts.size()][];
    Map<Long, int[]> counts = new HashMap<>();
    long total = 0;
    for (int i = 0; i < docs.length; i++) {
      docs[i] = featurizer.tokenHashes(texts.get(i));
      for (long h : docs[i]) {
        counts.computeIfAbsent(h, k -> new int[1])[0]++;
      }
      total += docs[i].length;
    }
    Long[] byCount = vocabulary(counts);
    int v = byCount.length;
    int c = Math.min(contexts, v);
    Map<Long, Integer> row = new HashMap<>();
    for (int i = 0; i < v; i++) {
      row.put(byCount[i], i);
    }
    // co-occurrence counts, dense over the context words (v x c floats: ~300 MB at the defaults)
    float[] co = new float[v * c];
    int[] ids = new int[0];
    for (long[] doc : docs) {
      if (ids.length < doc.length) {
        ids = new int[doc.length];
      }
      for (int i = 0; i < doc.length; i++) {
        Integer r = row.get(doc[i]);
        ids[i] = r == null ? -1 : r;
      }
      for (int i = 0; i < doc.length; i++) {
        if (ids[i] < 0) {
          continue;
        }
        int base = ids[i] * c;
        for (int j = Math.max(0, i - window); j <= Math.min(doc.length - 1, i + window); j++) {
          if (j != i && ids[j] >= 0 && ids[j] < c) {
            co[base + ids[j]]++;
          }
        }
      }
    }
    Csr ppmi = ppmi(co, v, c);
    log.printf(Locale.ROOT, "word vectors: %d documents, %d tokens, %d words x %d contexts, %.1f%% non-zero "
        + "(%.1f s)%n", docs.length, total, v, c, 100.0 * ppmi.values.length / ((double) v * c),
        (System.nanoTime() - t0) / 1e9);
    co = null;
    double[][] u = svd(ppmi, v, c);
    float[] out = new float[v * dim];
    double[] sif = new double[v];
    for (int i = 0; i < v; i++) {
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        norm += u[k][i] * u[k][i];
      }
      double p = counts.get(byCount[i])[0] / (double) total;
      sif[i] = sifA / (sifA + p);
      double w = norm == 0 ? 0 : sif[i] / Math.sqrt(norm);
      for (int k = 0; k < dim; k++) {
        out[i * dim + k] = (float) (u[k][i] * w);
      }
    }
    long[] keys = new long[v];
    for (int i = 0; i < v; i++) {
      keys[i] = byCount[i];
    }
    log.printf(Locale.ROOT, "word vectors: %d x %d in %.1f s%n", v, dim, (System.nanoTime() - t0) / 1e9);
    return new Table(keys, out, dim, sif);
  }

  /** A sparse matrix in compressed rows. */
  private record Csr(int[] rowStart, int[] cols, float[] values) {
  }

  private static Csr ppmi(float[] co, int v, int c) {
    double[] rowSum = new double[v];
    double[] colSum = new double[c];
    double total = 0;
    int nonZero = 0;
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < c; j++) {
        float x = co[i * c + j];
        rowSum[i] += x;
        colSum[j] += x;
        total += x;
        nonZero += x > 0 ? 1 : 0;
      }
    }
    double smoothTotal = 0;
    double[] colSmooth = new double[c];
    for (int j = 0; j < c; j++) {
      colSmooth[j] = Math.pow(colSum[j], 0.75);
      smoothTotal += colSmooth[j];
    }
    int[] start = new int[v + 1];
    int[] cols = new int[nonZero];
    float[] vals = new float[nonZero];
    int n = 0;
    for (int i = 0; i < v; i++) {
      start[i] = n;
      for (int j = 0; j < c; j++) {
        float x = co[i * c + j];
        if (x <= 0) {
          continue;
        }
        double pmi = Math.log((x / total) / ((rowSum[i] / total) * (colSmooth[j] / smoothTotal)));
        if (pmi > 0) {
          cols[n] = j;
          vals[n++] = (float) pmi;
        }
      }
    }
    start[v] = n;
    return new Csr(start, Arrays.copyOf(cols, n), Arrays.copyOf(vals, n));
  }

  /** @return the top {@link #dim} left singular vectors scaled by the square roots of their singular values */
  private double[][] svd(Csr a, int v, int c) {
    int l = Math.min(dim + 20, c);
    Random rnd = new Random(seed);
    double[][] omega = new double[l][c];
    for (double[] col : omega) {
      for (int j = 0; j < c; j++) {
        col[j] = rnd.nextGaussian();
      }
    }
    double[][] y = times(a, omega, v);
    orthonormalise(y);
    double[][] z = transposeTimes(a, y, c);
    orthonormalise(z);
    double[][] q = times(a, z, v);
    orthonormalise(q);
    double[][] b = transposeTimes(a, q, c); // b[k] = (A^T q_k): B = Q^T A has rows b[k]
    double[][] m = new double[l][l];
    for (int i = 0; i < l; i++) {
      for (int j = i; j < l; j++) {
        double s = 0;
        for (int x = 0; x < c; x++) {
          s += b[i][x] * b[j][x];
        }
        m[i][j] = s;
        m[j][i] = s;
      }
    }
    double[][] eigvec = new double[l][l];
    double[] eig = jacobi(m, eigvec);
    Integer[] order = new Integer[l];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (i, j) -> Double.compare(eig[j], eig[i]));
    double[][] u = new double[dim][v];
    for (int k = 0; k < dim; k++) {
      int e = order[k];
      double weight = Math.pow(Math.max(0, eig[e]), 0.25); // sqrt of the singular value sqrt(eig)
      for (int i = 0; i < l; i++) {
        double f = eigvec[i][e] * weight;
        if (f != 0) {
          for (int r = 0; r < v; r++) {
            u[k][r] += q[i][r] * f;
          }
        }
      }
    }
    return u;
  }

  /** @return A X for X given as columns over the c context dimensions; the result as columns over rows */
  private static double[][] times(Csr a, double[][] x, int v) {
    double[][] out = new double[x.length][v];
    for (int r = 0; r < v; r++) {
      for (int p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
        int col = a.cols[p];
        double val = a.values[p];
        for (int k = 0; k < x.length; k++) {
          out[k][r] += val * x[k][col];
        }
      }
    }
    return out;
  }

  /** @return A^T Y for Y given as columns over the v rows */
  private static double[][] transposeTimes(Csr a, double[][] y, int c) {
    double[][] out = new double[y.length][c];
    for (int r = 0; r < a.rowStart.length - 1; r++) {
      for (int p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
        int col = a.cols[p];
        double val = a.values[p];
        for (int k = 0; k < y.length; k++) {
          out[k][col] += val * y[k][r];
        }
      }
    }
    return out;
  }

  /** Modified Gram-Schmidt over columns, twice for stability. */
  private static void orthonormalise(double[][] cols) {
    for (int pass = 0; pass < 2; pass++) {
      for (int k = 0; k < cols.length; k++) {
        for (int j = 0; j < k; j++) {
          double dot = 0;
          for (int i = 0; i < cols[k].length; i++) {
            dot += cols[k][i] * cols[j][i];
          }
          for (int i = 0; i < cols[k].length; i++) {
            cols[k][i] -= dot * cols[j][i];
          }
        }
        double norm = 0;
        for (double x : cols[k]) {
          norm += x * x;
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int i = 0; i < cols[k].length; i++) {
          cols[k][i] *= inv;
        }
      }
    }
  }

  /** Cyclic Jacobi eigen-decomposition of a small symmetric matrix (destroyed); eigenvectors in columns. */
  static double[] jacobi(double[][] a, double[][] vectors) {
    int n = a.length;
    for (int i = 0; i < n; i++) {
      vectors[i][i] = 1;
    }
    for (int sweep = 0; sweep < 60; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off < 1e-22) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (Math.abs(a[p][q]) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double cs = 1 / Math.sqrt(t * t + 1);
          double sn = t * cs;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = cs * akp - sn * akq;
            a[k][q] = sn * akp + cs * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = cs * apk - sn * aqk;
            a[q][k] = sn * apk + cs * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = vectors[k][p];
            double vkq = vectors[k][q];
            vectors[k][p] = cs * vkp - sn * vkq;
            vectors[k][q] = sn * vkp + cs * vkq;
          }
        }
      }
    }
    double[] eig = new double[n];
    for (int i = 0; i < n; i++) {
      eig[i] = a[i][i];
    }
    return eig;
  }
}
