package org.newsflow.enrich.training.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Platt scaling per level-1 class: {@code p = sigmoid(slope * z + intercept)} on the raw score {@code z}, fit by
 * Newton's method on held-out scores (of full articles, optionally only of their title and first sentence)
 * against real labels only (a text's mapped topic is a positive, the other
 * topics its corpus labels are negatives; "any of" topics and topics its corpus never labels are left out), with
 * Platt's smoothed targets, each text weighted as in training (so a corpus's own mix of subjects is not taken
 * for the prior). A class with fewer than {@value #MIN_POSITIVES} (weighted) held-out positives (conflict, disaster,
 * weather, human interest: no corpus labels them on their own) takes the mean slope and intercept of the others.
 *
 * @param slope     per class
 * @param intercept per class
 */
public record Calibration(float[] slope, float[] intercept) {

  static final int MIN_POSITIVES = 30;

  static Calibration fit(List<LabelledText> texts, double[][][] scores, List<String> level1Ids,
      ExampleBuilder builder, boolean leadsOnly) {
    int k1 = level1Ids.size();
    Map<String, Set<Integer>> covered = builder.coverage(texts);
    float[] weights = builder.weights(texts);
    float[] slope = new float[k1];
    float[] intercept = new float[k1];
    boolean[] fitted = new boolean[k1];
    for (int c = 0; c < k1; c++) {
      List<double[]> points = new ArrayList<>();
      double positives = 0;
      for (int i = 0; i < texts.size(); i++) {
        LabelledText t = texts.get(i);
        boolean gold = t.topics().contains(level1Ids.get(c));
        if (gold && t.anyOf() || !gold && !covered.get(t.corpus()).contains(c)) {
          continue;
        }
        // form 0 is the full text, form 1 its title and first sentence
        int first = leadsOnly && ExampleBuilder.isArticle(t) ? 1 : 0;
        for (int form = first; form < scores[i].length; form++) {
          points.add(new double[] {scores[i][form][c], gold ? 1 : 0, weights[i]});
          positives += gold ? weights[i] : 0;
        }
      }
      double total = points.stream().mapToDouble(p -> p[2]).sum();
      if (positives >= MIN_POSITIVES && positives < total) {
        double[] ab = platt(points, positives, total - positives);
        slope[c] = (float) ab[0];
        intercept[c] = (float) ab[1];
        fitted[c] = true;
      }
    }
    double sa = 0;
    double sb = 0;
    int n = 0;
    for (int c = 0; c < k1; c++) {
      if (fitted[c]) {
        sa += slope[c];
        sb += intercept[c];
        n++;
      }
    }
    for (int c = 0; c < k1; c++) {
      if (!fitted[c]) {
        slope[c] = n == 0 ? 1f : (float) (sa / n);
        intercept[c] = n == 0 ? 0f : (float) (sb / n);
      }
    }
    return new Calibration(slope, intercept);
  }

  /** @return this calibration followed by {@code sigmoid(t * logit + u)}, the same shape */
  Calibration shifted(double t, double u) {
    float[] a = new float[slope.length];
    float[] b = new float[slope.length];
    for (int c = 0; c < a.length; c++) {
      a[c] = (float) (t * slope[c]);
      b[c] = (float) (t * intercept[c] + u);
    }
    return new Calibration(a, b);
  }

  /**
   * Adds the points one text gives the out-of-corpus shift: per topic, its calibrated log-odds by a model trained
   * on other corpora, and whether it is right. A topic counts when the text's corpus labels it (or it is the text's
   * own, not "any of", topic) and one of the scoring model's corpora labels it too: otherwise that model never saw
   * the topic labelled, and its scores say nothing about the final model's.
   *
   * @param out       points {log-odds, target, weight}
   * @param t         the text
   * @param logits    its calibrated log-odds per topic
   * @param weight    its training weight
   * @param covered   the topics its corpus labels
   * @param elsewhere the topics the scoring model's corpora label
   * @param level1Ids level-1 qcodes in class order
   */
  static void addShiftPoints(List<double[]> out, LabelledText t, double[] logits, float weight,
      Set<Integer> covered, Set<Integer> elsewhere, List<String> level1Ids) {
    for (int c = 0; c < logits.length; c++) {
      boolean gold = t.topics().contains(level1Ids.get(c));
      if (gold && t.anyOf() || !gold && !covered.contains(c) || !elsewhere.contains(c)) {
        continue;
      }
      out.add(new double[] {logits[c], gold ? 1 : 0, weight});
    }
  }

  /**
   * @param points {log-odds, target, weight}
   * @return the weighted {positives, negatives}, or null when either is below {@value #MIN_POSITIVES}: too few to
   *         fit on
   */
  private static double[] weightedCounts(List<double[]> points) {
    double positives = 0;
    double total = 0;
    for (double[] p : points) {
      positives += p[1] > 0 ? p[2] : 0;
      total += p[2];
    }
    double negatives = total - positives;
    return positives < MIN_POSITIVES || negatives < MIN_POSITIVES ? null : new double[] {positives, negatives};
  }

  /**
   * Fits the shared shift {@code sigmoid(t * logit + u)} on out-of-corpus points.
   *
   * @param points {log-odds, target, weight}
   * @return {t, u}; {1, 0} (no shift) when the points cannot support a fit or it would invert the scores
   */
  static double[] fitShift(List<double[]> points) {
    double[] counts = weightedCounts(points);
    if (counts == null) {
      return new double[] {1, 0};
    }
    double[] tu = platt(points, counts[0], counts[1]);
    return tu[0] > 0 ? tu : new double[] {1, 0};
  }

  /**
   * Fits a temperature alone, {@code sigmoid(t * logit)}: it spreads or tempers probabilities but keeps 0.5 where
   * it was.
   *
   * @param points {log-odds, target, weight}
   * @return {t, 0}; {1, 0} when the points cannot support a fit
   */
  static double[] fitTemperature(List<double[]> points) {
    if (weightedCounts(points) == null) {
      return new double[] {1, 0};
    }
    double t = 1;
    for (int iter = 0; iter < 50; iter++) {
      double g = 0;
      double h = 1e-9;
      for (double[] p : points) {
        double q = 1 / (1 + Math.exp(-t * p[0]));
        g += (q - p[1]) * p[0] * p[2];
        h += q * (1 - q) * p[0] * p[0] * p[2];
      }
      double next = Math.max(0.05, Math.min(20, t - g / h));
      if (Math.abs(next - t) < 1e-9) {
        break;
      }
      t = next;
    }
    return new double[] {t, 0};
  }

  /**
   * Platt (1999) with weighted points {score, target, weight}: Newton steps with step halving (as Lin, Lin and Weng
   * 2007 advise: plain Newton steps can diverge when the points are nearly separable) and a tiny ridge.
   */
  static double[] platt(List<double[]> points, double positives, double negatives) {
    double hi = (positives + 1.0) / (positives + 2.0);
    double lo = 1.0 / (negatives + 2.0);
    double a = 1;
    double b = 0;
    double loss = loss(points, a, b, hi, lo);
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-6;
      for (double[] p : points) {
        double t = p[1] > 0 ? hi : lo;
        double q = 1 / (1 + Math.exp(-(a * p[0] + b)));
        double d = (q - t) * p[2];
        double h = q * (1 - q) * p[2];
        ga += d * p[0];
        gb += d;
        haa += h * p[0] * p[0];
        hab += h * p[0];
        hbb += h;
      }
      double det = haa * hbb - hab * hab;
      if (det <= 0) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(points, a - da, b - db, hi, lo);
      while (next > loss + 1e-12 * Math.abs(loss) && step > 1e-10) {
        step /= 2;
        next = loss(points, a - step * da, b - step * db, hi, lo);
      }
      if (step <= 1e-10) {
        break;
      }
      a -= step * da;
      b -= step * db;
      loss = next;
      if (step * (Math.abs(da) + Math.abs(db)) < 1e-9) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** Weighted cross-entropy against Platt's smoothed targets, computed without overflow. */
  private static double loss(List<double[]> points, double a, double b, double hi, double lo) {
    double sum = 0;
    for (double[] p : points) {
      double t = p[1] > 0 ? hi : lo;
      double z = a * p[0] + b;
      // -t*log(sigmoid z) - (1-t)*log(1 - sigmoid z) = log(1 + e^z) - t*z
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += p[2] * (softplus - t * z);
    }
    return sum;
  }

  /**
   * Expected calibration error of top-1 answers: the gap between confidence and accuracy, averaged over ten
   * equal-width confidence bins weighted by their size.
   *
   * @param confidence the probability of each top-1 answer
   * @param correct    whether each was right
   * @return the ECE, in [0, 1]
   */
  public static double expectedCalibrationError(double[] confidence, boolean[] correct) {
    int bins = 10;
    double[] conf = new double[bins];
    double[] acc = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < confidence.length; i++) {
      int bin = Math.min(bins - 1, (int) (confidence[i] * bins));
      conf[bin] += confidence[i];
      acc[bin] += correct[i] ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(conf[b] - acc[b]) / confidence.length;
      }
    }
    return ece;
  }
}
