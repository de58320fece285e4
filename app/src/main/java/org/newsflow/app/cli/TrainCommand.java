package org.newsflow.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.enrich.tagging.entity.EntityModelTrainer;
import org.newsflow.enrich.tagging.entity.NerEvaluation;
import org.newsflow.enrich.tagging.topic.TopicCrossValidation;
import org.newsflow.enrich.tagging.topic.TopicModelTrainer;
import org.newsflow.ingest.extract.ExtractionEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code newsflow train} and {@code newsflow evaluate}: the trainers and measurements of the shipped models, with
 * their own arguments passed through. Progress (per epoch or fold) is printed to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model: `train entities --train FILE --dev FILE --out MODEL [--unlabeled DIR] ...` "
        + "or `train topics --bbc DIR --iptc FILE --out MODEL` (see docs/entities.md, docs/topics.md).")
public final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "entities|topics", description = "Which model to train.")
  String model;

  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    return dispatch(model, args, EntityModelTrainer::main, TopicModelTrainer::main);
  }

  /** A tool's main method. */
  @FunctionalInterface
  interface Tool {
    void main(String[] args) throws Exception;
  }

  /** Runs the entity or the topic tool with the pass-through arguments. */
  static int dispatch(String model, List<String> args, Tool entities, Tool topics) throws Exception {
    String[] a = args.toArray(String[]::new);
    switch (model) {
      case "entities" -> entities.main(a);
      case "topics" -> topics.main(a);
      default -> throw new IllegalArgumentException("unknown model '" + model + "' (expected entities or topics)");
    }
    return 0;
  }

  /**
   * {@code newsflow evaluate}: dev-set F1 of the entity model, cross-validated macro-F1 of the topic model, or
   * main-text F1 of the article extractor.
   */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Measure a model: `evaluate entities --data DEV [--model FILE]` (strict span F1 per type) or "
          + "`evaluate topics --bbc DIR --iptc FILE [--folds 5]` (cross-validated macro-F1) or "
          + "`evaluate extraction --data DIR [--pages]` (main-text F1 over word 4-gram shingles, docs/ingest.md).")
  public static final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "entities|topics|extraction", description = "What to measure.")
    String model;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (model.equals("extraction")) {
        ExtractionEvaluation.main(args.toArray(String[]::new));
        return 0;
      }
      return dispatch(model, args, NerEvaluation::main, TopicCrossValidation::main);
    }
  }
}
