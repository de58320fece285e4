package org.newsflow.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.enrich.tagging.topic.TopicCrossValidation;
import org.newsflow.enrich.tagging.topic.TopicModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code newsflow train} and {@code newsflow evaluate}: the trainers and measurements of the shipped models, one
 * subcommand per model. Progress (per epoch or fold) is printed to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model (see docs/entities.md, docs/topics.md).",
    subcommands = {TrainEntitiesCommand.class, TrainPlacesCommand.class, TrainCommand.TrainTopics.class})
public final class TrainCommand {

  /** {@code newsflow train topics}: the topic trainer with its own arguments passed through. */
  @Command(name = "topics", mixinStandardHelpOptions = true,
      description = "Train the topic model: `train topics --bbc DIR --iptc FILE --out MODEL`.")
  static final class TrainTopics implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      TopicModelTrainer.main(args.toArray(String[]::new));
      return 0;
    }
  }

  /** {@code newsflow evaluate}: strict span F1 of the entity tagger, or cross-validated macro-F1 of the topics. */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Measure a model.",
      subcommands = {EvaluateEntitiesCommand.class, EvaluateCommand.EvaluateTopics.class})
  public static final class EvaluateCommand {

    /** {@code newsflow evaluate topics}: the topic cross-validation with its own arguments passed through. */
    @Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Cross-validated macro-F1 of the topic model: `evaluate topics --bbc DIR --iptc FILE "
            + "[--folds 5]`.")
    static final class EvaluateTopics implements Callable<Integer> {

      @Unmatched
      List<String> args = new ArrayList<>();

      @Override
      public Integer call() throws Exception {
        TopicCrossValidation.main(args.toArray(String[]::new));
        return 0;
      }
    }
  }
}
