package org.newsflow.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.enrich.tagging.entity.EntityModelTrainer;
import org.newsflow.enrich.tagging.entity.NerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code newsflow train} and {@code newsflow evaluate}: the trainers and measurements of the shipped models, with
 * their own arguments passed through. Progress (per epoch or fold) is printed to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true, subcommands = TrainTopicsCommand.class,
    description = "Train a model: `train entities --train FILE --dev FILE --out MODEL [--unlabeled DIR] ...` "
        + "or `train topics [OPTIONS]` (see docs/entities.md, docs/iptc-topics.md).")
public final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "entities", description = "Which model to train.")
  String model;

  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    return dispatch(model, args, EntityModelTrainer::main);
  }

  /** A tool's main method. */
  @FunctionalInterface
  interface Tool {
    void main(String[] args) throws Exception;
  }

  /** Runs the entity tool with the pass-through arguments (topics are a subcommand of their own). */
  static int dispatch(String model, List<String> args, Tool entities) throws Exception {
    if (!"entities".equals(model)) {
      throw new IllegalArgumentException("unknown model '" + model + "' (expected entities or topics)");
    }
    entities.main(args.toArray(String[]::new));
    return 0;
  }

  /**
   * {@code newsflow evaluate}: dev-set F1 of the entity model, the topic model's cross-corpus table, or main-text F1
   * of the article extractor.
   */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      subcommands = {EvaluateTopicsCommand.class, EvaluateExtractionCommand.class},
      description = "Measure a model: `evaluate entities --data DEV [--model FILE]` (strict span F1 per type), "
          + "`evaluate topics [OPTIONS]` (cross-corpus table and cross-validation) or "
          + "`evaluate extraction --data DIR [--pages]` (main-text F1, docs/ingest.md).")
  public static final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "entities", description = "Which model to measure.")
    String model;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      return dispatch(model, args, NerEvaluation::main);
    }
  }
}
