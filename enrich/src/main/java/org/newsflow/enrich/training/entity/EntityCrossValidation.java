package org.newsflow.enrich.training.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.newsflow.enrich.evaluation.entity.ConllCorpus;
import org.newsflow.enrich.evaluation.entity.ProductPathEvaluation;
import org.newsflow.enrich.tagging.entity.Gazetteer;
import org.newsflow.enrich.tagging.entity.PerceptronEntityTagger;
import org.newsflow.enrich.tagging.entity.PlaceIndex;
import org.newsflow.enrich.tagging.entity.WordClusters;

/**
 * Chooses the epochs of each stage by document-level k-fold cross-validation over the training data, scoring every
 * epoch of every fold through the whole tagger (the product path), so no choice is made on the development set.
 * Documents are dealt to folds round-robin in file order, which is deterministic and spreads the file's topics.
 */
public final class EntityCrossValidation {

  private final EntityModelTrainer trainer;
  private final Consumer<String> progress;

  /**
   * @param trainer  the trainer to run on each fold
   * @param progress receives one line per fold and the summary
   */
  public EntityCrossValidation(EntityModelTrainer trainer, Consumer<String> progress) {
    this.trainer = trainer;
    this.progress = progress;
  }

  /**
   * The outcome.
   *
   * @param stage1Epochs first-stage epochs with the best mean held-out F1
   * @param stage2Epochs second-stage epochs with the best mean held-out F1, or 0 when the folds trained the first
   *                     stage only
   * @param f1           mean held-out product-path F1 (0..1) of the folds at the chosen epochs
   * @param foldF1       each fold's held-out F1 at the chosen epochs
   */
  public record Result(int stage1Epochs, int stage2Epochs, double f1, double[] foldF1) {}

  /**
   * Runs the folds.
   *
   * @param docs      training documents
   * @param folds     number of folds (at least 2)
   * @param settings  the most epochs to try per stage, and every other setting; with {@code stacked} false the
   *                  folds train and score the first stage alone (about a fifth of the work)
   * @param clusters  word clusters (learned without labels, so shared by the folds)
   * @param gazetteer word lists
   * @return the chosen epochs and the cross-validated F1
   */
  public Result run(List<List<ConllCorpus.Sentence>> docs, int folds, EntityModelTrainer.Settings settings,
      WordClusters clusters, Gazetteer gazetteer) {
    if (folds < 2 || folds > docs.size()) {
      throw new IllegalArgumentException("need 2.." + docs.size() + " folds, got " + folds);
    }
    PlaceIndex places = PlaceIndex.loadDefault();
    List<double[]> curves1 = new ArrayList<>();
    List<double[]> curves2 = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      List<List<ConllCorpus.Sentence>> train = new ArrayList<>();
      List<List<ConllCorpus.Sentence>> heldOut = new ArrayList<>();
      for (int d = 0; d < docs.size(); d++) {
        (d % folds == fold ? heldOut : train).add(docs.get(d));
      }
      EntityModelTrainer.Run run = trainer.train(train,
          m -> ProductPathEvaluation.evaluate(new PerceptronEntityTagger(m, places), heldOut), settings, clusters,
          gazetteer);
      if (run.stage1().length == 0) {
        throw new IllegalStateException("no held-out scores for fold " + (fold + 1));
      }
      curves1.add(run.stage1());
      curves2.add(run.stage2());
      progress.accept(String.format(Locale.ROOT, "fold %d/%d: best held-out F1 %.2f", fold + 1, folds,
          100 * max(run.stage2().length > 0 ? run.stage2() : run.stage1())));
    }
    int e1 = argmax(mean(curves1));
    boolean stacked = curves2.getFirst().length > 0;
    int e2 = stacked ? argmax(mean(curves2)) : -1;
    List<double[]> last = stacked ? curves2 : curves1;
    int chosen = stacked ? e2 : e1;
    double[] foldF1 = new double[folds];
    double sum = 0;
    for (int f = 0; f < folds; f++) {
      foldF1[f] = last.get(f)[chosen];
      sum += foldF1[f];
    }
    Result result = new Result(e1 + 1, stacked ? e2 + 1 : 0, sum / folds, foldF1);
    progress.accept(String.format(Locale.ROOT, "cross-validation: stage-1 epochs %d, stage-2 epochs %d, mean "
        + "held-out F1 %.2f", result.stage1Epochs(), result.stage2Epochs(), 100 * result.f1()));
    return result;
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double[] mean(List<double[]> curves) {
    int n = Integer.MAX_VALUE;
    for (double[] c : curves) {
      n = Math.min(n, c.length);
    }
    double[] out = new double[n];
    for (double[] c : curves) {
      for (int i = 0; i < n; i++) {
        out[i] += c[i] / curves.size();
      }
    }
    return out;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
