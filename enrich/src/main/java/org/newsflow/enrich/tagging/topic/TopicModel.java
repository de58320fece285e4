package org.newsflow.enrich.tagging.topic;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained multi-label topic model: one-vs-rest logistic regressions over hashed unigram+bigram features and the
 * mean of the article's word vectors, one per IPTC level-1 topic, each followed by a calibration (Platt scaling fit
 * on held-out folds) so its score is a probability; and one regression per level-2 topic, consulted only under its
 * parent. Weights are stored as 8-bit integers with one scale per class (the dot product is scaled once, so scoring
 * is exact for the stored weights). Immutable and thread-safe.
 */
public final class TopicModel {

  /** Classpath location of the bundled model. */
  public static final String RESOURCE = "models/topics.bin";

  private static final int MAGIC = 0x4e46544d; // "NFTM"
  /** Version 3 stores how many times the title counts; version 2 (title twice) is still read. */
  private static final int VERSION = 3;

  private final TextFeaturizer featurizer;
  private final List<String> level1Ids;
  private final byte[] w1;
  private final float[] scale1;
  private final float[] bias1;
  private final float[] calibSlope;
  private final float[] calibIntercept;
  private final List<List<String>> childIds;
  private final byte[][] w2;
  private final float[][] scale2;
  private final float[][] bias2;
  private final float threshold1;
  private final float threshold2;
  private final TopicLabels labels;

  private TopicModel(TextFeaturizer featurizer, List<String> level1Ids, byte[] w1, float[] scale1, float[] bias1,
      float[] calibSlope, float[] calibIntercept, List<List<String>> childIds, byte[][] w2, float[][] scale2, float[][] bias2, float threshold1,
      float threshold2, TopicLabels labels) {
    this.featurizer = featurizer;
    this.level1Ids = List.copyOf(level1Ids);
    this.w1 = w1;
    this.scale1 = scale1;
    this.bias1 = bias1;
    this.calibSlope = calibSlope;
    this.calibIntercept = calibIntercept;
    this.childIds = childIds.stream().map(List::copyOf).toList();
    this.w2 = w2;
    this.scale2 = scale2;
    this.bias2 = bias2;
    this.threshold1 = threshold1;
    this.threshold2 = threshold2;
    this.labels = labels;
  }

  /**
   * Builds a model from float weights by quantising them.
   *
   * @param featurizer the feature extractor the weights were trained with
   * @param level1Ids  level-1 qcodes, one per class
   * @param w1         level-1 weights, feature-major: {@code w1[feature * K + k]} over
   *                   {@link TextFeaturizer#level1Size()} features
   * @param b1         level-1 biases
   * @param calibration per level-1 class, the slope and intercept that map its raw score to a probability
   * @param childIds   for each level-1 class, its level-2 child qcodes (may be empty)
   * @param w2         for each level-1 class, its children's weights, feature-major over the level-2 space
   * @param b2         for each level-1 class, its children's biases
   * @param threshold1 probability from which a level-1 topic is assigned
   * @param threshold2 probability from which a level-2 topic is assigned under an assigned parent
   * @param labels     label table
   * @return the quantised model
   */
  public static TopicModel quantise(TextFeaturizer featurizer, List<String> level1Ids, float[] w1, float[] b1,
      float[][] calibration, List<List<String>> childIds, float[][] w2, float[][] b2, float threshold1, float threshold2,
      TopicLabels labels) {
    int k1 = level1Ids.size();
    float[] s1 = new float[k1];
    byte[] q1 = quantise(w1, k1, s1);
    byte[][] q2 = new byte[k1][];
    float[][] s2 = new float[k1][];
    for (int p = 0; p < k1; p++) {
      s2[p] = new float[childIds.get(p).size()];
      q2[p] = quantise(w2[p], s2[p].length, s2[p]);
    }
    return new TopicModel(featurizer, level1Ids, q1, s1, b1.clone(), calibration[0].clone(),
        calibration[1].clone(), childIds, q2, s2, deepCopy(b2), threshold1,
        threshold2, labels);
  }

  private static byte[] quantise(float[] w, int k, float[] scaleOut) {
    if (k == 0) {
      return new byte[0];
    }
    float[] max = new float[k];
    for (int i = 0; i < w.length; i++) {
      max[i % k] = Math.max(max[i % k], Math.abs(w[i]));
    }
    for (int c = 0; c < k; c++) {
      scaleOut[c] = max[c] == 0 ? 1f : max[c] / 127f;
    }
    byte[] q = new byte[w.length];
    for (int i = 0; i < w.length; i++) {
      q[i] = (byte) Math.round(w[i] / scaleOut[i % k]);
    }
    return q;
  }

  private static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** @return the model bundled on the classpath ({@value #RESOURCE}) with its label table */
  public static TopicModel loadDefault() {
    try (InputStream in = TopicModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return read(in, TopicLabels.loadDefault());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param in     a model written by {@link #write(OutputStream)}
   * @param labels the label table to name its topics with
   * @return the model
   * @throws IOException when the stream is not a readable model
   */
  public static TopicModel read(InputStream in, TopicLabels labels) throws IOException {
    DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16));
    int version = d.readInt() == MAGIC ? d.readInt() : -1;
    if (version != VERSION && version != 2) {
      throw new IOException("not a newsflow topic model (version 2 or " + VERSION + ")");
    }
    int bits1 = d.readInt();
    int bits2 = d.readInt();
    float sparseWeight = d.readFloat();
    float denseWeight = d.readFloat();
    int titleRepeats = version == 2 ? 2 : d.readInt();
    TextFeaturizer f = new TextFeaturizer(bits1, bits2, WordVectors.read(d), sparseWeight, denseWeight,
        titleRepeats);
    float t1 = d.readFloat();
    float t2 = d.readFloat();
    int k1 = d.readInt();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < k1; i++) {
      ids.add(d.readUTF());
    }
    float[] s1 = readFloats(d, k1);
    float[] b1 = readFloats(d, k1);
    float[] ca = readFloats(d, k1);
    float[] cb = readFloats(d, k1);
    byte[] q1 = new byte[k1 * f.level1Size()];
    d.readFully(q1);
    List<List<String>> children = new ArrayList<>();
    byte[][] q2 = new byte[k1][];
    float[][] s2 = new float[k1][];
    float[][] b2 = new float[k1][];
    for (int p = 0; p < k1; p++) {
      int kc = d.readInt();
      List<String> c = new ArrayList<>();
      for (int i = 0; i < kc; i++) {
        c.add(d.readUTF());
      }
      children.add(c);
      s2[p] = readFloats(d, kc);
      b2[p] = readFloats(d, kc);
      q2[p] = new byte[kc << f.level2Bits()];
      d.readFully(q2[p]);
    }
    return new TopicModel(f, ids, q1, s1, b1, ca, cb, children, q2, s2, b2, t1, t2, labels);
  }

  private static float[] readFloats(DataInputStream d, int n) throws IOException {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = d.readFloat();
    }
    return a;
  }

  /**
   * Writes the model, gzip-compressed.
   *
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream d = new DataOutputStream(gz);
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(featurizer.level1Bits());
    d.writeInt(featurizer.level2Bits());
    d.writeFloat(featurizer.sparseWeight());
    d.writeFloat(featurizer.denseWeight());
    d.writeInt(featurizer.titleRepeats());
    featurizer.vectors().write(d);
    d.writeFloat(threshold1);
    d.writeFloat(threshold2);
    d.writeInt(level1Ids.size());
    for (String id : level1Ids) {
      d.writeUTF(id);
    }
    writeFloats(d, scale1);
    writeFloats(d, bias1);
    writeFloats(d, calibSlope);
    writeFloats(d, calibIntercept);
    d.write(w1);
    for (int p = 0; p < level1Ids.size(); p++) {
      d.writeInt(childIds.get(p).size());
      for (String id : childIds.get(p)) {
        d.writeUTF(id);
      }
      writeFloats(d, scale2[p]);
      writeFloats(d, bias2[p]);
      d.write(w2[p]);
    }
    d.flush();
    gz.finish();
  }

  private static void writeFloats(DataOutputStream d, float[] a) throws IOException {
    for (float v : a) {
      d.writeFloat(v);
    }
  }

  /** @return the feature extractor this model was trained with */
  public TextFeaturizer featurizer() {
    return featurizer;
  }

  /** @return level-1 qcodes, in class order */
  public List<String> level1Ids() {
    return level1Ids;
  }

  /**
   * @param parent level-1 class index
   * @return the qcodes of its level-2 children that have a classifier
   */
  public List<String> childIds(int parent) {
    return childIds.get(parent);
  }

  /** @return probability from which a level-1 topic is assigned */
  public float threshold1() {
    return threshold1;
  }

  /** @return probability from which a level-2 topic is assigned (under an assigned parent) */
  public float threshold2() {
    return threshold2;
  }

  /** @return the label table */
  public TopicLabels labels() {
    return labels;
  }

  /**
   * @param f features from {@link #featurizer()}
   * @return independent, calibrated probabilities of each level-1 topic, in class order
   */
  public double[] level1Probabilities(TextFeatures f) {
    double[] z = level1Scores(f);
    for (int c = 0; c < z.length; c++) {
      z[c] = sigmoid(calibSlope[c] * z[c] + calibIntercept[c]);
    }
    return z;
  }

  /**
   * @param f features from {@link #featurizer()}
   * @return the raw (uncalibrated) log-odds of each level-1 topic, in class order, as calibration is fit on
   */
  public double[] level1Scores(TextFeatures f) {
    return margins(w1, scale1, bias1, f.level1Index(), f.level1Value());
  }

  /**
   * @param f      features from {@link #featurizer()}
   * @param parent level-1 class index
   * @return probabilities of the parent's level-2 children, in {@link #childIds(int)} order
   */
  public double[] level2Probabilities(TextFeatures f, int parent) {
    double[] z = margins(w2[parent], scale2[parent], bias2[parent], f.level2Index(), f.level2Value());
    for (int c = 0; c < z.length; c++) {
      z[c] = sigmoid(z[c]);
    }
    return z;
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  private static double[] margins(byte[] w, float[] scale, float[] bias, int[] idx, float[] val) {
    int k = scale.length;
    double[] z = new double[k];
    if (k == 0) {
      return z;
    }
    float[] acc = new float[k];
    for (int i = 0; i < idx.length; i++) {
      int base = idx[i] * k;
      float v = val[i];
      for (int c = 0; c < k; c++) {
        acc[c] += v * w[base + c];
      }
    }
    for (int c = 0; c < k; c++) {
      z[c] = acc[c] * scale[c] + bias[c];
    }
    return z;
  }

  @Override
  public String toString() {
    return "TopicModel[" + level1Ids.size() + " level-1, "
        + childIds.stream().mapToInt(List::size).sum() + " level-2, features 2^" + featurizer.level1Bits()
        + "/2^" + featurizer.level2Bits() + " + " + featurizer.vectors().dim() + " dense ("
        + featurizer.vectors().size() + " word vectors), thresholds " + threshold1 + "/" + threshold2 + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicModel m && level1Ids.equals(m.level1Ids) && Arrays.equals(w1, m.w1)
        && Arrays.equals(bias1, m.bias1) && Arrays.deepEquals(w2, m.w2);
  }

  @Override
  public int hashCode() {
    return level1Ids.hashCode() * 31 + Arrays.hashCode(w1);
  }
}
