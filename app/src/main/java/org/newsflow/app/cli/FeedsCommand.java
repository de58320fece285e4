package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.SettingType;
import org.newsflow.common.kafka.KafkaClients;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedRegistryClient;
import org.newsflow.ingest.registry.FeedsFile;
import org.newsflow.ingest.registry.Opml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow feeds add|remove|list|status|import-opml|import}: reads and changes the feed registry (the
 * compacted news.feeds topic). Running ingest instances pick the changes up without a restart.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "Manage the feed registry (topic news.feeds) and show feed health (news.feed-status).",
    subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListFeeds.class,
        FeedsCommand.Status.class, FeedsCommand.ImportOpml.class, FeedsCommand.ImportFile.class})
public final class FeedsCommand {

  /** Shared plumbing: config, topics, a registry client. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    abstract int run(FeedRegistryClient client, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
      Config config = configOptions.load(Services.allSettings(), Map.of());
      Services.ensureTopics(config);
      try (FeedRegistryClient client = new FeedRegistryClient(KafkaClients.baseProperties(config, "newsflow-feeds"),
          Services.topics(config))) {
        return run(client, spec.commandLine().getOut());
      }
    }

    void report(List<String> problems) {
      problems.forEach(p -> spec.commandLine().getErr().println("warning: " + p));
    }
  }

  /** {@code feeds add URL}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a feed (or change a registered one).")
  static final class Add extends Sub {
    @Parameters(paramLabel = "URL", description = "Feed URL (http, https, file: or a local path).")
    String url;

    @Option(names = "--id", description = "Feed id (default: derived from the URL).")
    String id;

    @Option(names = "--name", description = "Display name.")
    String name;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Poll interval, e.g. 10m (default: adaptive).")
    String interval;

    @Option(names = "--tag", paramLabel = "TAG", description = "A label; repeat for several.")
    List<String> tags = new ArrayList<>();

    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      Duration every = interval == null ? null : SettingType.DURATION.parse().apply(interval);
      FeedDefinition f = new FeedDefinition(id, url, name, every, tags);
      client.put(List.of(f));
      out.println("registered " + f.id() + " " + f.url());
      return 0;
    }
  }

  /** {@code feeds remove ID|URL}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unregister a feed by id or URL.")
  static final class Remove extends Sub {
    @Parameters(paramLabel = "ID|URL", description = "Feed id, or the URL it was registered with.")
    String feed;

    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      List<String> problems = new ArrayList<>();
      Map<String, FeedDefinition> feeds = client.list(problems);
      report(problems);
      String id = feeds.containsKey(feed) ? feed : feeds.values().stream().filter(f -> f.url().equals(feed.strip()))
          .map(FeedDefinition::id).findFirst().orElse(null);
      if (id == null) {
        spec.commandLine().getErr().println("newsflow feeds remove: no registered feed has id or URL " + feed);
        return 1;
      }
      client.remove(id);
      out.println("removed " + id + " " + feeds.get(id).url());
      return 0;
    }
  }

  /** {@code feeds list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered feeds.")
  static final class ListFeeds extends Sub {
    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      List<String> problems = new ArrayList<>();
      Map<String, FeedDefinition> feeds = client.list(problems);
      report(problems);
      for (FeedDefinition f : feeds.values()) {
        out.println(f.id() + "  " + f.url() + (f.name() == null ? "" : "  \"" + f.name() + "\"")
            + (f.interval() == null ? "" : "  every " + f.interval().toString().substring(2).toLowerCase(java.util.Locale.ROOT))
            + (f.tags().isEmpty() ? "" : "  " + f.tags()));
      }
      out.println(feeds.size() + " feed" + (feeds.size() == 1 ? "" : "s"));
      return 0;
    }
  }

  /** {@code feeds status}. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show each feed's last poll.")
  static final class Status extends Sub {
    @Option(names = "--failing", description = "Only feeds whose last poll failed.")
    boolean failing;

    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      List<String> problems = new ArrayList<>();
      Map<String, FeedDefinition> feeds = client.list(problems);
      Map<String, FeedHealth> statuses = client.statuses(problems);
      report(problems);
      int shown = 0;
      for (FeedDefinition f : feeds.values()) {
        FeedHealth s = statuses.get(f.id());
        if (failing && (s == null || s.consecutiveFailures() == 0)) {
          continue;
        }
        shown++;
        if (s == null) {
          out.println(f.id() + "  " + f.url() + "  never polled");
          continue;
        }
        out.println(f.id() + "  " + s.url() + "  HTTP " + s.httpStatus() + "  items " + s.itemsSeen() + "/" + s.itemsNew()
            + " new  last " + s.lastAttempt() + "  next " + s.nextPoll()
            + (s.consecutiveFailures() > 0 ? "  failures " + s.consecutiveFailures() + "  " + s.error() : ""));
      }
      out.println(shown + " feed" + (shown == 1 ? "" : "s"));
      return 0;
    }
  }

  /** {@code feeds import-opml FILE}. */
  @Command(name = "import-opml", mixinStandardHelpOptions = true, description = "Register every feed of an OPML file.")
  static final class ImportOpml extends Sub {
    @Parameters(paramLabel = "FILE", description = "OPML file; folder names become tags.")
    Path file;

    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      List<FeedDefinition> feeds = Opml.read(file);
      client.put(feeds);
      out.println("registered " + feeds.size() + " feeds from " + file);
      return 0;
    }
  }

  /** {@code feeds import FILE}. */
  @Command(name = "import", mixinStandardHelpOptions = true, description = "Register every feed of a feeds file (YAML or one URL per line).")
  static final class ImportFile extends Sub {
    @Parameters(paramLabel = "FILE", description = "Feeds file.")
    Path file;

    @Override
    int run(FeedRegistryClient client, PrintWriter out) {
      List<FeedDefinition> feeds = FeedsFile.read(file);
      client.put(feeds);
      out.println("registered " + feeds.size() + " feeds from " + file);
      return 0;
    }
  }
}
