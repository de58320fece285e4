package org.newsflow.enrich.training.topic;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;
import org.newsflow.enrich.tagging.topic.TextFeatures;
import org.newsflow.enrich.tagging.topic.TopicLabels;
import org.newsflow.enrich.tagging.topic.TopicModel;
import org.newsflow.enrich.tagging.topic.WordVectors;
import org.newsflow.enrich.training.topic.TrainingOptions.CalibrationSplit;

/**
 * Fits the topic model: level-1 one-vs-rest logistic regressions by stochastic gradient descent on the examples of
 * {@link ExampleBuilder}, a calibration per level-1 class (Platt scaling on held-out folds of the labelled texts,
 * then by default one temperature fit on each corpus scored by a model trained on the others), and the level-2
 * classifiers. Deterministic for a given seed and input order.
 */
public final class TopicTraining {

  private static final int LEVEL2_EPOCH_FACTOR = 4;

  private final IptcVocabulary vocabulary;
  private final TrainingOptions options;
  private final TextFeaturizer featurizer;
  private final ExampleBuilder builder;

  /**
   * @param vocabulary the IPTC vocabulary
   * @param vectors    word vectors for the dense features ({@link WordVectors#NONE} for none)
   * @param options    settings
   */
  public TopicTraining(IptcVocabulary vocabulary, WordVectors vectors, TrainingOptions options) {
    this.vocabulary = vocabulary;
    this.options = options;
    this.featurizer = new TextFeaturizer(options.level1Bits(), options.level2Bits(), vectors,
        options.sparseWeight(), options.denseWeight(), options.titleRepeats());
    this.builder = new ExampleBuilder(vocabulary, featurizer, options);
  }

  /** @return the featurizer the model is trained with */
  public TextFeaturizer featurizer() {
    return featurizer;
  }

  /** @return level-1 qcodes in class order */
  public List<String> level1Ids() {
    return builder.level1Ids();
  }

  /** Level-1 weights and biases before calibration. */
  record Level1(float[] w, float[] b) {

    double[] scores(TextFeatures f, int k) {
      double[] z = new double[k];
      for (int c = 0; c < k; c++) {
        z[c] = b[c];
      }
      int[] idx = f.level1Index();
      float[] val = f.level1Value();
      for (int i = 0; i < idx.length; i++) {
        int base = idx[i] * k;
        for (int c = 0; c < k; c++) {
          z[c] += val[i] * w[base + c];
        }
      }
      return z;
    }
  }

  /**
   * Trains the whole model: calibration from held-out scores (in-corpus folds, then the out-of-corpus temperature
   * if the options say so), then level 1 and level 2 on everything.
   *
   * @param texts  labelled texts
   * @param labels the label table the model names topics with
   * @param log    progress
   * @return the quantised model
   */
  public TopicModel train(List<LabelledText> texts, TopicLabels labels, PrintWriter log) {
    long t0 = System.nanoTime();
    int k1 = level1Ids().size();
    float[][] calibration = {new float[k1], new float[k1]};
    Arrays.fill(calibration[0], 1f);
    if (options.calibrationFolds() >= 2) {
      calibration = calibrate(texts, options.calibrationSplit(), log);
    }
    List<Example> examples = examples(texts, new Random(options.seed()));
    Level1 level1 = fitLevel1(examples);
    log.printf(Locale.ROOT, "trained %d level-1 classifiers on %d examples (%.1f s)%n", k1, examples.size(),
        (System.nanoTime() - t0) / 1e9);
    List<List<String>> childIds = new ArrayList<>();
    float[][] w2 = new float[k1][];
    float[][] b2 = new float[k1][];
    int dim2 = 1 << options.level2Bits();
    for (int p = 0; p < k1; p++) {
      List<IptcConcept> kids = options.trainLevel2() ? builder.children().get(p) : List.of();
      childIds.add(kids.stream().map(IptcConcept::id).toList());
      int kc = kids.size();
      w2[p] = new float[dim2 * kc];
      b2[p] = new float[kc];
      if (kc == 0) {
        continue;
      }
      final int parent = p;
      List<Example> own = examples.stream().filter(e -> e.parent() == parent).toList();
      int[][] i2 = new int[own.size()][];
      float[][] v2 = new float[own.size()][];
      byte[][] y2 = new byte[own.size()][];
      float[] wt = new float[own.size()];
      for (int i = 0; i < own.size(); i++) {
        Example e = own.get(i);
        i2[i] = e.features().level2Index();
        v2[i] = e.features().level2Value();
        y2[i] = new byte[kc];
        y2[i][e.child()] = 1;
        wt[i] = 1f;
      }
      // a parent's few hundred synthetic articles are a small set: more passes make up for it
      sgd(i2, v2, y2, wt, kc, w2[p], b2[p], options.seed() + p + 1, LEVEL2_EPOCH_FACTOR * options.epochs());
    }
    if (options.trainLevel2()) {
      log.printf(Locale.ROOT, "trained %d level-2 classifiers (%.1f s)%n",
          childIds.stream().mapToInt(List::size).sum(), (System.nanoTime() - t0) / 1e9);
    }
    return TopicModel.quantise(featurizer, level1Ids(), level1.w(), level1.b(), calibration, childIds, w2, b2,
        options.threshold1(), options.threshold2(), labels);
  }

  private List<Example> examples(List<LabelledText> texts, Random rnd) {
    List<Example> examples = new ArrayList<>(builder.labelled(texts));
    examples.addAll(builder.definitions());
    examples.addAll(builder.synthetic(texts, rnd));
    examples.addAll(builder.shortSynthetic(texts, options.shortInjectionsPerTopic(), rnd));
    return examples;
  }

  /**
   * Out-of-fold raw scores of labelled texts, full and as title plus first sentence.
   *
   * @param texts labelled texts
   * @param folds number of folds (texts are dealt to folds after a seeded shuffle)
   * @param log   progress
   * @return per text, its raw scores on the full text ({@code [i][0]}) and on the lead ({@code [i][1]})
   */
  public double[][][] outOfFoldScores(List<LabelledText> texts, int folds, PrintWriter log) {
    int[] fold = new int[texts.size()];
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    java.util.Collections.shuffle(Arrays.asList(order), new Random(options.seed() + 17));
    for (int i = 0; i < order.length; i++) {
      fold[order[i]] = i % folds;
    }
    return heldOutScores(texts, fold, folds, log);
  }

  private double[][][] heldOutScores(List<LabelledText> texts, int[] fold, int folds, PrintWriter log) {
    double[][][] out = new double[texts.size()][2][];
    int k1 = level1Ids().size();
    for (int f = 0; f < folds; f++) {
      long t0 = System.nanoTime();
      List<LabelledText> train = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        if (fold[i] != f) {
          train.add(texts.get(i));
        }
      }
      Level1 model = fitLevel1(examples(train, new Random(options.seed() + f)));
      for (int i = 0; i < texts.size(); i++) {
        if (fold[i] == f) {
          LabelledText t = texts.get(i);
          LabelledText lead = t.lead();
          out[i][0] = model.scores(featurizer.featurize(t.title(), t.text()), k1);
          out[i][1] = model.scores(featurizer.featurize(lead.title(), lead.text()), k1);
        }
      }
      log.printf(Locale.ROOT, "  fold %d/%d trained on %d texts (%.1f s)%n", f + 1, folds, train.size(),
          (System.nanoTime() - t0) / 1e9);
    }
    return out;
  }

  private float[][] calibrate(List<LabelledText> texts, CalibrationSplit split, PrintWriter log) {
    Calibration cal = inCorpus(texts, log);
    List<String> corpora = texts.stream().map(LabelledText::corpus).distinct().sorted().toList();
    if (split == CalibrationSplit.CORPORA && corpora.size() >= 2) {
      // a temperature alone: a shift with its own intercept tempered some held-out corpora and spoilt others
      // (docs/BENCHMARKS.md), and without one 0.5 stays where the in-corpus calibration put it
      double[] tu = Calibration.fitTemperature(outOfCorpusPoints(texts, corpora, log));
      cal = cal.shifted(tu[0], tu[1]);
      log.printf(Locale.ROOT, "out-of-corpus temperature: t = %.3f%n", tu[0]);
    }
    return new float[][] {cal.slope(), cal.intercept()};
  }

  /** Per-topic Platt scaling on random held-out folds (in-corpus: every held-out text's outlet is in training). */
  private Calibration inCorpus(List<LabelledText> texts, PrintWriter log) {
    double[][][] scores = outOfFoldScores(texts, options.calibrationFolds(), log);
    Calibration cal = Calibration.fit(texts, scores, level1Ids(), builder, options.calibrateOnLeads());
    log.printf(Locale.ROOT, "in-corpus calibration fit on %d held-out scores per form%n", texts.size());
    return cal;
  }

  /**
   * Leave one corpus out: each corpus's texts scored by a model trained on the other corpora and calibrated
   * in-corpus on them (as the final model is on all), as points for the shared out-of-corpus temperature.
   */
  private List<double[]> outOfCorpusPoints(List<LabelledText> texts, List<String> corpora, PrintWriter log) {
    Map<String, Set<Integer>> covered = builder.coverage(texts);
    float[] weights = builder.weights(texts);
    int k1 = level1Ids().size();
    List<double[]> points = new ArrayList<>();
    for (int h = 0; h < corpora.size(); h++) {
      String held = corpora.get(h);
      List<LabelledText> train = texts.stream().filter(t -> !t.corpus().equals(held)).toList();
      Set<Integer> elsewhere = new HashSet<>();
      builder.coverage(train).values().forEach(elsewhere::addAll);
      Calibration own = inCorpus(train, log);
      // the same draw as train() on these texts: the models the cross-corpus evaluation measures, up to word vectors
      Level1 model = fitLevel1(examples(train, new Random(options.seed())));
      for (int i = 0; i < texts.size(); i++) {
        LabelledText t = texts.get(i);
        if (!t.corpus().equals(held)) {
          continue;
        }
        for (LabelledText x : List.of(t, t.lead())) {
          double[] z = model.scores(featurizer.featurize(x.title(), x.text()), k1);
          for (int c = 0; c < k1; c++) {
            z[c] = own.slope()[c] * z[c] + own.intercept()[c];
          }
          Calibration.addShiftPoints(points, t, z, weights[i], covered.get(held), elsewhere, level1Ids());
        }
      }
      log.printf(Locale.ROOT, "  %s scored by a model of the other corpora: %d shift points so far%n", held,
          points.size());
    }
    return points;
  }

  Level1 fitLevel1(List<Example> examples) {
    int k1 = level1Ids().size();
    float[] w = new float[featurizer.level1Size() * k1];
    float[] b = new float[k1];
    int n = examples.size();
    int[][] idx = new int[n][];
    float[][] val = new float[n][];
    byte[][] y = new byte[n][];
    float[] wt = new float[n];
    for (int i = 0; i < n; i++) {
      idx[i] = examples.get(i).features().level1Index();
      val[i] = examples.get(i).features().level1Value();
      y[i] = examples.get(i).targets();
      wt[i] = examples.get(i).weight();
    }
    sgd(idx, val, y, wt, k1, w, b, options.seed(), options.epochs());
    return new Level1(w, b);
  }

  /**
   * One-vs-rest logistic regression by stochastic gradient descent, all classes sharing one pass over the data.
   * Targets of -1 leave the example out of that class's loss.
   */
  private void sgd(int[][] idx, float[][] val, byte[][] y, float[] weight, int k, float[] w, float[] b, long seed,
      int epochs) {
    int n = idx.length;
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random rnd = new Random(seed);
    double[] g = new double[k];
    double weightSum = 0;
    for (float x : weight) {
      weightSum += x;
    }
    // the weights returned are the mean of those at the end of each epoch of the second half (tail averaging): the
    // last epoch's weights alone depend on the order of its last few thousand examples, so four seeds gave models
    // whose mean cross-corpus top-1 spanned 2.4 points, three averaged ones 0.4 (docs/BENCHMARKS.md, "Seeds")
    double[] sumW = null;
    double[] sumB = null;
    int snapshots = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lr = options.learningRate() / (1 + 0.3 * epoch);
      for (int e : order) {
        int[] fi = idx[e];
        float[] fv = val[e];
        byte[] ye = y[e];
        for (int c = 0; c < k; c++) {
          g[c] = b[c];
        }
        for (int f = 0; f < fi.length; f++) {
          int base = fi[f] * k;
          float v = fv[f];
          for (int c = 0; c < k; c++) {
            g[c] += v * w[base + c];
          }
        }
        for (int c = 0; c < k; c++) {
          if (ye[c] < 0) {
            g[c] = 0;
            continue;
          }
          double p = 1.0 / (1.0 + Math.exp(-g[c]));
          double wc = weight[e] * (ye[c] == 1 ? options.positiveWeight() : 1.0);
          g[c] = lr * wc * (p - ye[c]);
          b[c] -= (float) g[c];
        }
        for (int f = 0; f < fi.length; f++) {
          int base = fi[f] * k;
          float v = fv[f];
          for (int c = 0; c < k; c++) {
            w[base + c] -= (float) (g[c] * v);
          }
        }
      }
      // L2 shrinkage once per epoch: the per-step equivalent would touch every weight on every example
      float shrink = (float) Math.max(0, 1 - lr * options.l2() * weightSum);
      for (int i = 0; i < w.length; i++) {
        w[i] *= shrink;
      }
      if (epoch >= epochs / 2) {
        if (sumW == null) {
          sumW = new double[w.length];
          sumB = new double[b.length];
        }
        for (int i = 0; i < w.length; i++) {
          sumW[i] += w[i];
        }
        for (int i = 0; i < b.length; i++) {
          sumB[i] += b[i];
        }
        snapshots++;
      }
    }
    if (snapshots > 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (sumW[i] / snapshots);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) (sumB[i] / snapshots);
      }
    }
  }

  /** @return the example builder (targets of labelled texts, for calibration and evaluation) */
  ExampleBuilder builder() {
    return builder;
  }

  /** @return the vocabulary */
  IptcVocabulary vocabulary() {
    return vocabulary;
  }
}
