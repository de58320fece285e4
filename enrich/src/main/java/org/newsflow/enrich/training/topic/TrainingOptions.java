package org.newsflow.enrich.training.topic;

import org.newsflow.enrich.tagging.topic.TextFeaturizer;

/**
 * Settings of topic-model training.
 *
 * @param level1Bits         log2 of the hashed level-1 feature space
 * @param level2Bits         log2 of the hashed level-2 feature space
 * @param sparseWeight       L2 norm of the hashed n-gram features (0: word vectors only)
 * @param denseWeight        L2 norm of the mean word vector (0: n-grams only)
 * @param titleRepeats       how many times a title's tokens count (1 shipped; 2 before 2026-12-01, night)
 * @param injectionsPerTopic synthetic articles per level-1 topic (IPTC definitions and lexicon in real text)
 * @param shortInjectionsPerTopic synthetic feed items per level-1 topic (a real title and first sentence followed
 *                           by a sentence of the topic's words)
 * @param categoryCap        a source category's examples weigh at most this many in all (Reuters' 3,987 earnings
 *                           reports would otherwise drown the rest)
 * @param epochs             passes of stochastic gradient descent
 * @param learningRate       initial step size (features are L2-normalised)
 * @param l2                 L2 penalty per example
 * @param positiveWeight     loss weight of a positive example (every topic is rare among the examples)
 * @param calibrationFolds   random folds whose held-out scores the per-topic calibration is fit on (0: none)
 * @param calibrationSplit   in-corpus calibration only, or followed by an out-of-corpus temperature
 * @param calibrateOnLeads   fit the per-topic calibration on the title-plus-first-sentence scores of full articles
 *                           (the form feeds deliver) instead of on both their forms; short texts give both anyway
 * @param definitionWeight   loss weight of each IPTC concept's label-and-definition example
 * @param seed               random seed
 * @param threshold1         calibrated probability from which a level-1 topic is assigned
 * @param threshold2         probability from which a level-2 topic is assigned under an assigned parent
 * @param trainLevel2        false to skip level-2 classifiers (evaluations measure level 1 only)
 */
public record TrainingOptions(int level1Bits, int level2Bits, float sparseWeight, float denseWeight,
    int titleRepeats, int injectionsPerTopic, int shortInjectionsPerTopic, int categoryCap, int epochs,
    double learningRate, double l2, double positiveWeight, int calibrationFolds, CalibrationSplit calibrationSplit,
    boolean calibrateOnLeads, float definitionWeight, long seed, float threshold1, float threshold2,
    boolean trainLevel2) {

  /** How the texts whose held-out scores the calibration is fit on are dealt. */
  public enum CalibrationSplit {
    /**
     * Per-topic Platt scaling on random folds as {@link #FOLDS}, followed by one temperature shared by all topics,
     * {@code sigmoid(t * logit)}, fit on leave-one-corpus-out predictions (each corpus scored by a model trained
     * and calibrated on the others), so a probability says how far to trust a score on an outlet the model has
     * not seen, while 0.5 stays where it was; none when the texts come from one corpus only.
     */
    CORPORA,
    /** Random folds over all texts pooled (in-corpus: every held-out text's outlet is in training). */
    FOLDS
  }

  /** Validates ranges. */
  public TrainingOptions {
    if (level1Bits < 10 || level1Bits > 24 || level2Bits < 8 || level2Bits > level1Bits) {
      throw new IllegalArgumentException("feature bits must be 10..24 and 8..level-1 bits");
    }
    if (sparseWeight < 0 || denseWeight < 0 || sparseWeight + denseWeight == 0) {
      throw new IllegalArgumentException("feature weights must be >= 0 and not both 0");
    }
    if (titleRepeats < 1 || titleRepeats > TextFeaturizer.MAX_TITLE_REPEATS) {
      throw new IllegalArgumentException("title repeats must be 1.." + TextFeaturizer.MAX_TITLE_REPEATS);
    }
    if (injectionsPerTopic < 0 || shortInjectionsPerTopic < 0 || categoryCap < 1 || epochs < 1
        || calibrationFolds < 0 || calibrationFolds == 1) {
      throw new IllegalArgumentException("bad training counts: synthetic articles and feed items must be >= 0, "
          + "category cap and epochs >= 1, calibration folds 0 or >= 2");
    }
    if (calibrationSplit == null) {
      throw new IllegalArgumentException("calibration split is required");
    }
    if (!(definitionWeight >= 0) || !(l2 >= 0) || !(positiveWeight > 0)) {
      throw new IllegalArgumentException("definition weight and L2 must be >= 0, positive weight > 0");
    }
  }

  /** @return the settings the shipped model is trained with */
  public static TrainingOptions defaults() {
    return new TrainingOptions(17, 14, 1f, 0.5f, 1, 400, 400, 600, 12, 1.0, 5e-5, 3.0, 3,
        CalibrationSplit.CORPORA, true, 0.3f, 20240314L, 0.5f, 0.5f, true);
  }

  /** @return the same settings without level-2 classifiers */
  public TrainingOptions withoutLevel2() {
    return new TrainingOptions(level1Bits, level2Bits, sparseWeight, denseWeight, titleRepeats,
        injectionsPerTopic, shortInjectionsPerTopic, categoryCap, epochs, learningRate, l2, positiveWeight,
        calibrationFolds, calibrationSplit, calibrateOnLeads, definitionWeight, seed, threshold1, threshold2, false);
  }

  /**
   * @param sparse L2 norm of the n-gram features
   * @param dense  L2 norm of the mean word vector
   * @return the same settings with other feature weights
   */
  public TrainingOptions withFeatureWeights(float sparse, float dense) {
    return new TrainingOptions(level1Bits, level2Bits, sparse, dense, titleRepeats, injectionsPerTopic,
        shortInjectionsPerTopic, categoryCap, epochs, learningRate, l2, positiveWeight, calibrationFolds,
        calibrationSplit, calibrateOnLeads, definitionWeight, seed, threshold1, threshold2, trainLevel2);
  }

  /**
   * @param split how the calibration's held-out texts are dealt
   * @return the same settings with that split
   */
  public TrainingOptions withCalibrationSplit(CalibrationSplit split) {
    return new TrainingOptions(level1Bits, level2Bits, sparseWeight, denseWeight, titleRepeats,
        injectionsPerTopic, shortInjectionsPerTopic, categoryCap, epochs, learningRate, l2, positiveWeight,
        calibrationFolds, split, calibrateOnLeads, definitionWeight, seed, threshold1, threshold2, trainLevel2);
  }
}
