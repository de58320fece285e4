package org.newsflow.app;

import org.newsflow.app.cli.ConfigDocsCommand;
import org.newsflow.app.cli.EnrichCommand;
import org.newsflow.app.cli.ExtractCommand;
import org.newsflow.app.cli.FeedsCommand;
import org.newsflow.app.cli.IngestCommand;
import org.newsflow.app.cli.ParseCommand;
import org.newsflow.app.cli.SearchCommand;
import org.newsflow.app.cli.SinkCommand;
import org.newsflow.app.cli.StatusCommand;
import org.newsflow.app.cli.StoryCommand;
import org.newsflow.app.cli.TagCommand;
import org.newsflow.app.cli.TrainCommand;
import org.newsflow.app.cli.UpCommand;
import org.newsflow.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command: services, the all-in-one mode and tools as subcommands. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
    description = "Streaming news ingestion: feeds to Kafka, enrichment with Kafka Streams, search in OpenSearch.",
    subcommands = {UpCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class, SearchCommand.class,
        StoryCommand.class, ParseCommand.class, ExtractCommand.class, TagCommand.class, FeedsCommand.class, StatusCommand.class,
        TrainCommand.class, TrainCommand.EvaluateCommand.class,
        ConfigDocsCommand.class})
public final class Newsflow {

  private Newsflow() {
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests call {@code execute} on it). */
  public static CommandLine commandLine() {
    return new CommandLine(new Newsflow())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof ConfigException) {
            cmd.getErr().println("newsflow: bad configuration:\n" + e.getMessage());
            return 78;
          }
          cmd.getErr().println("newsflow " + cmd.getCommandName() + ": " + e.getMessage());
          return 1;
        });
  }
}
