package org.newsflow.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code newsflow train} and {@code newsflow evaluate}: the trainers and measurements of the shipped models, one
 * subcommand per model, each with its declared options and {@code --help}. Progress goes to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model (see docs/entities.md, docs/iptc-topics.md).",
    subcommands = {TrainEntitiesCommand.class, TrainPlacesCommand.class, TrainTopicsCommand.class})
public final class TrainCommand {

  /** {@code newsflow evaluate}: the entity tagger, the topic model or the article extractor, measured. */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Measure a model: entities (strict span F1, product path and model alone), topics (cross-corpus "
          + "table and cross-validation) or extraction (main-text F1 over word 4-gram shingles).",
      subcommands = {EvaluateEntitiesCommand.class, EvaluateTopicsCommand.class, EvaluateExtractionCommand.class})
  public static final class EvaluateCommand {
  }
}
