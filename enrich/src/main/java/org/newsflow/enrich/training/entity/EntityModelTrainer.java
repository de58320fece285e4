package org.newsflow.enrich.training.entity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.newsflow.enrich.evaluation.entity.ConllCorpus;
import org.newsflow.enrich.evaluation.entity.NerEvaluation;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.Features;
import org.newsflow.enrich.tagging.entity.Gazetteer;
import org.newsflow.enrich.tagging.entity.Labels;
import org.newsflow.enrich.tagging.entity.NameLexicon;
import org.newsflow.enrich.tagging.entity.StackedFeatures;
import org.newsflow.enrich.tagging.entity.WordClusters;

/**
 * Trains the entity model: an averaged perceptron over hashed features, greedy BILOU decoding trained on its own
 * predicted histories, optional word clusters learned from unlabeled text. With held-out documents it reports their
 * F1 after each epoch and keeps the best epoch (cross-validation uses that on folds of the training data); without,
 * it trains each stage for exactly the epochs of its settings. Reproducible: fixed shuffling seed, deterministic
 * clustering. Progress lines go to the consumer given at construction.
 */
public final class EntityModelTrainer {

  /** Seed for shuffling documents between epochs. */
  public static final long SEED = 20240314L;

  private final Consumer<String> progress;

  /**
   * A trainer.
   *
   * @param progress receives one line per epoch, fold and stage
   */
  public EntityModelTrainer(Consumer<String> progress) {
    this.progress = progress;
  }

  /**
   * Training settings.
   *
   * @param epochs number of passes of the first stages over the training data (the most tried when held-out
   *               documents pick the epoch)
   * @param bits    log2 of the number of hashed weight rows
   * @param stacked whether to train a second, stacked stage on document-level first-stage labels
   * @param seeds   how many differently shuffled runs to average per stage (a cheap ensemble)
   * @param bidirectional whether the second stage also sees a right-to-left first stage
   * @param names   whether to learn a lexicon of the training data's names with their types (see
   *                {@link NameLexicon}) and use it as features
   * @param stage2Epochs passes of the stacked stage (0: same as {@code epochs})
   */
  public record Settings(int epochs, int bits, boolean stacked, int seeds, boolean bidirectional, boolean names,
                         int stage2Epochs) {

    /** Checks the numbers. */
    public Settings {
      if (epochs < 1 || stage2Epochs < 0 || seeds < 1 || bits < 10 || bits > 26) {
        throw new IllegalArgumentException("bad training settings: epochs " + epochs + ", stage-2 epochs "
            + stage2Epochs + ", seeds " + seeds + ", bits " + bits + " (bits must be 10..26)");
      }
    }

    /** Settings with the same epochs for every stage. */
    public Settings(int epochs, int bits, boolean stacked, int seeds, boolean bidirectional, boolean names) {
      this(epochs, bits, stacked, seeds, bidirectional, names, 0);
    }

    /** Settings without the name lexicon (the behaviour before it existed). */
    public Settings(int epochs, int bits, boolean stacked, int seeds, boolean bidirectional) {
      this(epochs, bits, stacked, seeds, bidirectional, false);
    }

    /** Epochs of the stacked stage. */
    public int secondStageEpochs() {
      return stage2Epochs == 0 ? epochs : stage2Epochs;
    }
  }

  /**
   * Word clusters and capitalisation statistics from the training sentences plus unlabeled text.
   *
   * @param train     training documents (their words only)
   * @param unlabeled sentences of unlabeled text, e.g. from {@link ClusterBuilder#readText(Path)}
   * @return the clusters
   */
  public WordClusters clusters(List<List<ConllCorpus.Sentence>> train, List<String[]> unlabeled) {
    long t0 = System.nanoTime();
    List<String[]> text = new ArrayList<>();
    for (List<ConllCorpus.Sentence> doc : train) {
      for (ConllCorpus.Sentence s : doc) {
        text.add(s.words());
      }
    }
    text.addAll(unlabeled);
    WordClusters clusters = ClusterBuilder.build(text);
    log("clusters: %d words clustered in %.1f s", clusters.size(), (System.nanoTime() - t0) / 1e9);
    return clusters;
  }

  private void log(String format, Object... args) {
    progress.accept(String.format(Locale.ROOT, format, args));
  }

  /**
   * Trains a model.
   *
   * @param train     training documents
   * @param dev       held-out documents to pick the best epoch on (may be empty: then the settings' epochs are used)
   * @param settings  epochs and hash size
   * @param clusters  word clusters to use as features
   * @param gazetteer word lists
   * @return the trained model
   */
  public EntityModel train(List<List<ConllCorpus.Sentence>> train, List<List<ConllCorpus.Sentence>> dev,
      Settings settings, WordClusters clusters, Gazetteer gazetteer) {
    return train(train, dev.isEmpty() ? null : m -> NerEvaluation.evaluate(m, dev), settings, clusters, gazetteer)
        .model();
  }

  /**
   * A trained model with the held-out F1 of each epoch of its first and second stage.
   *
   * @param model  the model
   * @param stage1 held-out F1 (0..1) after each epoch of the left-to-right first stage; empty without held-out data
   * @param stage2 the same for the stacked stage
   */
  public record Run(EntityModel model, double[] stage1, double[] stage2) {}

  /**
   * Trains a model, scoring each epoch on held-out documents when a scorer is given.
   *
   * @param train    training documents
   * @param heldOut  scores a candidate model on held-out documents (the model alone or the whole tagger), or null:
   *                 then each stage trains for the settings' epochs
   * @param settings epochs and hash size
   * @param clusters word clusters to use as features
   * @param gazetteer word lists
   * @return the model and the per-epoch scores
   */
  public Run train(List<List<ConllCorpus.Sentence>> train, Function<EntityModel, NerEvaluation.Result> heldOut,
      Settings settings, WordClusters clusters, Gazetteer gazetteer) {
    List<List<String[]>> words = new ArrayList<>();
    List<List<int[]>> golds = new ArrayList<>();
    for (List<ConllCorpus.Sentence> doc : train) {
      List<String[]> docWords = new ArrayList<>();
      List<int[]> gold = new ArrayList<>();
      for (ConllCorpus.Sentence s : doc) {
        String[] n = new String[s.words().length];
        for (int i = 0; i < n.length; i++) {
          n[i] = Features.normalise(s.words()[i]);
        }
        docWords.add(n);
        gold.add(Labels.encode(n.length, Labels.fromBio(s.tags())));
      }
      words.add(docWords);
      golds.add(gold);
    }
    // Name lexicon: per-document gold name counts, summed into hashed entries stored beside the clusters. Each
    // training document sees the lexicon without its own names (leave-one-document-out), so the weights learn how
    // reliable a name seen elsewhere is, not that every training name is in the lexicon.
    List<Map<Long, Integer>> ownNames = new ArrayList<>();
    if (settings.names()) {
      Map<Long, Integer> total = new HashMap<>();
      for (int d = 0; d < words.size(); d++) {
        Map<Long, Integer> own = NameLexicon.count(words.get(d), golds.get(d));
        ownNames.add(own);
        own.forEach((k, v) -> total.merge(k, v, (a, b) -> {
          int r = a;
          for (int t = 0; t < 4; t++) {
            r = NameLexicon.add(r, t, NameLexicon.count(b, t));
          }
          return r;
        }));
      }
      long[] ck = clusters.keys();
      int[] cv = clusters.values();
      long[] keys = java.util.Arrays.copyOf(ck, ck.length + total.size());
      int[] values = java.util.Arrays.copyOf(cv, cv.length + total.size());
      List<Long> sorted = new ArrayList<>(total.keySet());
      Collections.sort(sorted); // deterministic model file
      for (int j = 0; j < sorted.size(); j++) {
        keys[ck.length + j] = sorted.get(j);
        values[ck.length + j] = total.get(sorted.get(j));
      }
      clusters = new WordClusters(keys, values);
      log("name lexicon: %d names", total.size());
    } else {
      for (int d = 0; d < words.size(); d++) {
        ownNames.add(null);
      }
    }
    Features features = new Features(settings.bits(), gazetteer, clusters);
    StackedFeatures stacking = new StackedFeatures(features);
    // Static features do not depend on the weights: extract them once.
    List<List<Features.SentenceFeatures>> feats = new ArrayList<>();
    for (int d = 0; d < words.size(); d++) {
      feats.add(features.extract(words.get(d), false, ownNames.get(d)));
    }
    WordClusters model = clusters;
    int[] bestEpoch = new int[1];
    Function<float[], NerEvaluation.Result> dev1 = heldOut == null ? null
        : w -> heldOut.apply(new EntityModel(settings.bits(), w, null, model, gazetteer));
    List<Double> curve1 = new ArrayList<>();
    float[] stage1 = trainWeights("stage 1", features, feats, golds, settings.epochs(), dev1, bestEpoch, SEED,
        curve1);
    stage1 = ensemble("stage 1", stage1, settings.seeds(), dev1,
        seed -> trainWeights("stage 1 seed " + seed, features, feats, golds, bestEpoch[0], null, null, SEED + seed, null));
    if (!settings.stacked()) {
      return new Run(new EntityModel(settings.bits(), stage1, null, model, gazetteer), toArray(curve1),
          new double[0]);
    }
    List<List<Features.SentenceFeatures>> revFeats = new ArrayList<>();
    List<List<int[]>> revGolds = new ArrayList<>();
    float[] reverse = null;
    if (settings.bidirectional()) {
      for (int d = 0; d < words.size(); d++) {
        revFeats.add(features.extract(StackedFeatures.reversed(words.get(d)), true, ownNames.get(d)));
        List<int[]> rg = new ArrayList<>();
        for (int[] g : golds.get(d)) {
          rg.add(StackedFeatures.reverseGold(g));
        }
        revGolds.add(rg);
      }
      reverse = trainWeights("right-to-left", features, revFeats, revGolds, bestEpoch[0], null, null, SEED, null);
    }
    // Stacking: the second stage must see first-stage labels as noisy as on unseen text, so each training
    // document gets labels from a first stage trained without it (jackknife over folds).
    List<List<Features.SentenceFeatures>> stackedFeats = new ArrayList<>(feats.size());
    for (int d = 0; d < feats.size(); d++) {
      stackedFeats.add(null);
    }
    int folds = 5;
    for (int fold = 0; fold < folds; fold++) {
      List<List<Features.SentenceFeatures>> foldFeats = new ArrayList<>();
      List<List<int[]>> foldGolds = new ArrayList<>();
      for (int d = 0; d < feats.size(); d++) {
        if (d % folds != fold) {
          foldFeats.add(feats.get(d));
          foldGolds.add(golds.get(d));
        }
      }
      float[] w = trainWeights("fold " + (fold + 1), features, foldFeats, foldGolds, bestEpoch[0], null, null,
          SEED, null);
      float[] wr = null;
      if (settings.bidirectional()) {
        List<List<Features.SentenceFeatures>> rf = new ArrayList<>();
        List<List<int[]>> rg = new ArrayList<>();
        for (int d = 0; d < feats.size(); d++) {
          if (d % folds != fold) {
            rf.add(revFeats.get(d));
            rg.add(revGolds.get(d));
          }
        }
        wr = trainWeights("fold " + (fold + 1) + " right-to-left", features, rf, rg, bestEpoch[0], null, null, SEED, null);
      }
      for (int d = fold; d < feats.size(); d += folds) {
        List<int[]> labels = EntityModel.decodeDocument(features, w, null, feats.get(d));
        List<Features.SentenceFeatures> st = stacking.stack(words.get(d), feats.get(d), labels);
        if (wr != null) {
          st = stacking.addReverse(st, labels, EntityModel.reverseLabels(features, wr, null, words.get(d),
              ownNames.get(d)));
        }
        stackedFeats.set(d, st);
      }
    }
    float[] first = stage1;
    float[] rev = reverse;
    Function<float[], NerEvaluation.Result> dev2 = heldOut == null ? null
        : w -> heldOut.apply(new EntityModel(settings.bits(), first, w, rev, model, gazetteer));
    int[] bestEpoch2 = new int[1];
    List<Double> curve2 = new ArrayList<>();
    float[] stage2 = trainWeights("stage 2", features, stackedFeats, golds, settings.secondStageEpochs(), dev2,
        bestEpoch2, SEED, curve2);
    stage2 = ensemble("stage 2", stage2, settings.seeds(), dev2, seed -> trainWeights("stage 2 seed " + seed,
        features, stackedFeats, golds, bestEpoch2[0], null, null, SEED + seed, null));
    return new Run(new EntityModel(settings.bits(), stage1, stage2, reverse, model, gazetteer), toArray(curve1),
        toArray(curve2));
  }

  private static double[] toArray(List<Double> curve) {
    return curve.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Averages the weights of runs with other shuffling seeds into {@code first}; reports the dev F1 it reaches. */
  private float[] ensemble(String stage, float[] first, int seeds,
      Function<float[], NerEvaluation.Result> dev,
      IntFunction<float[]> run) {
    if (seeds <= 1) {
      return first;
    }
    float[] sum = first.clone();
    for (int seed = 1; seed < seeds; seed++) {
      float[] w = run.apply(seed);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += w[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= seeds;
    }
    if (dev != null) {
      log("%s ensemble of %d seeds: held-out F1 %.2f", stage, seeds,
          100 * dev.apply(sum).overall().f1());
    }
    return sum;
  }

  /**
   * Averaged-perceptron training of one weight set. Returns the averaged weights of the epoch with the best dev
   * F1 (or of the last epoch when there is no dev scorer).
   */
  private float[] trainWeights(String stage, Features features, List<List<Features.SentenceFeatures>> feats,
      List<List<int[]>> golds, int epochs, Function<float[], NerEvaluation.Result> dev,
      int[] bestEpochOut, long seed, List<Double> curve) {
    int lc = Labels.COUNT;
    float[] w = new float[(1 << features.bits()) * lc];
    double[] u = new double[w.length];
    long[] clock = {1};
    EntityModel.Updater updater = (rows, ns, dyn, nd, gold, pred) -> {
      long c = clock[0];
      for (int k = 0; k < ns + nd; k++) {
        int base = (k < ns ? rows[k] : dyn[k - ns]) * lc;
        w[base + gold] += 1;
        u[base + gold] += c;
        w[base + pred] -= 1;
        u[base + pred] -= c;
      }
    };
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < feats.size(); d++) {
      order.add(d);
    }
    Random random = new Random(seed);
    float[] scores = new float[lc];
    float[] best = null;
    double bestF1 = -1;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long t0 = System.nanoTime();
      Collections.shuffle(order, random);
      int mistakes = 0;
      int tokens = 0;
      for (int d : order) {
        Map<Long, int[]> history = new HashMap<>();
        List<Features.SentenceFeatures> doc = feats.get(d);
        for (int s = 0; s < doc.size(); s++) {
          int[] gold = golds.get(d).get(s);
          int[] pred = EntityModel.decode(features, w, null, doc.get(s), history, gold, updater, scores);
          for (int i = 0; i < gold.length; i++) {
            if (gold[i] != pred[i]) {
              mistakes++;
            }
            clock[0]++;
          }
          tokens += gold.length;
          EntityModel.remember(history, doc.get(s), pred);
        }
      }
      if (dev == null && epoch < epochs) {
        continue;
      }
      float[] avg = new float[w.length];
      double c = clock[0];
      for (int i = 0; i < w.length; i++) {
        avg[i] = (float) (w[i] - u[i] / c);
      }
      String devReport = "";
      double f1 = epoch;
      if (dev != null) {
        NerEvaluation.Result r = dev.apply(avg);
        f1 = r.overall().f1();
        if (curve != null) {
          curve.add(f1);
        }
        devReport = String.format(Locale.ROOT, " held-out F1 %.2f (PER %.2f ORG %.2f LOC %.2f MISC %.2f)", 100 * f1,
            100 * r.perType().get("PER").f1(), 100 * r.perType().get("ORG").f1(),
            100 * r.perType().get("LOC").f1(), 100 * r.perType().get("MISC").f1());
      }
      log("%s epoch %d: train token errors %.2f%%%s (%.1f s)", stage, epoch,
          100.0 * mistakes / Math.max(1, tokens), devReport, (System.nanoTime() - t0) / 1e9);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = avg;
        if (bestEpochOut != null) {
          bestEpochOut[0] = epoch;
        }
      }
    }
    return best;
  }
}
