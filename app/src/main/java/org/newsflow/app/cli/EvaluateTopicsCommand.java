package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.enrich.tagging.topic.TopicLabels;
import org.newsflow.enrich.training.topic.Corpora;
import org.newsflow.enrich.training.topic.TopicEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow evaluate topics}: the cross-corpus table (train on all corpora but one, test on that one) and
 * in-corpus cross-validation, as Markdown on stdout; progress on stderr.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Measure the topic model: cross-corpus top-1 accuracy, macro-F1 and calibration error (each of "
        + "BBC, HuffPost, Reuters held out in turn), then in-corpus k-fold cross-validation.")
public final class EvaluateTopicsCommand implements Callable<Integer> {

  @Mixin
  TopicDataOptions data;

  @Option(names = "--held-out", paramLabel = "CORPUS", split = ",", defaultValue = "bbc,huffpost,reuters",
      description = "Corpora to hold out in turn (default: ${DEFAULT-VALUE}).")
  List<String> heldOut;

  @Option(names = "--folds", paramLabel = "N", defaultValue = "5",
      description = "Folds of the in-corpus cross-validation, 0 to skip it (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--skip-cross-corpus", description = "Only the in-corpus cross-validation.")
  boolean skipCrossCorpus;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (String c : heldOut) {
      if (!Corpora.NAMES.contains(c)) {
        throw new IllegalArgumentException("unknown corpus '" + c + "' (expected one of " + Corpora.NAMES + ")");
      }
    }
    if (folds == 1 || folds < 0) {
      throw new IllegalArgumentException("--folds must be 0 or at least 2");
    }
    PrintWriter out = spec.commandLine().getOut();
    Corpora corpora = data.corpora();
    TopicEvaluation evaluation = new TopicEvaluation(data.vocabulary(), TopicLabels.loadDefault(), data.options(),
        data.embeddings(), spec.commandLine().getErr());
    if (!skipCrossCorpus) {
      List<List<TopicEvaluation.Row>> tables = evaluation.crossCorpusCalibrations(corpora, heldOut);
      TopicEvaluation.print("Cross-corpus: trained on the other corpora, tested on the held-out one (calibration: "
          + "in-corpus folds, as --calibration folds)", tables.get(0), out);
      if (heldOut.size() >= 2) {
        TopicEvaluation.print("Cross-corpus, calibration: in-corpus folds + out-of-corpus temperature "
            + "sigmoid(t*logit) (shipped, --calibration corpora; fit on the other held-out corpora's predictions)",
            tables.get(2), out);
        TopicEvaluation.print("Cross-corpus, calibration: in-corpus folds + out-of-corpus shift sigmoid(t*logit+u) "
            + "(measured, not shipped; fit on the other held-out corpora's predictions)", tables.get(1), out);
      }
    }
    if (folds >= 2) {
      TopicEvaluation.print(folds + "-fold cross-validation over all corpora pooled",
          evaluation.crossValidation(corpora, folds), out);
    }
    return 0;
  }
}
