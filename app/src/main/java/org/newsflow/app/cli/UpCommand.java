package org.newsflow.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.app.wiring.Telemetry;
import org.newsflow.app.wiring.UpSettings;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.runtime.ServiceRunner;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedsFile;
import org.newsflow.ingest.service.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow up}: the whole pipeline in one process on an embedded Kafka broker and OpenSearch node, with its
 * data under one directory that survives restarts.
 *
 * <p>Its flags have no defaults of their own: a flag the user gave is a command-line setting, and one the user
 * did not give leaves the config file, the environment and the declared default in charge.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run everything in one process on an embedded Kafka broker and OpenSearch node (Ctrl-C stops).")
public final class UpCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions configOptions;

  @Spec
  CommandSpec spec;

  @Option(names = "--feeds", paramLabel = "FILE",
      description = "Feeds file (setting ingest.feeds.file); without one, a small bundled sample feed.")
  Path feedsFile;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where Kafka, OpenSearch and Streams keep their data (setting data.dir, default: data).")
  Path dataDir;

  @Option(names = "--kafka-port", paramLabel = "PORT",
      description = "Kafka port on 127.0.0.1 (setting up.kafka.port, default: 9092).")
  Integer kafkaPort;

  @Option(names = "--opensearch-port", paramLabel = "PORT",
      description = "OpenSearch HTTP port on 127.0.0.1 (setting up.opensearch.port, default: 9200).")
  Integer openSearchPort;

  @Option(names = "--admin-port", paramLabel = "PORT",
      description = "Admin HTTP port: console, health, metrics (setting admin.port, default: 8080).")
  Integer adminPort;

  /** The settings the user gave as flags; nothing for a flag that was not given. */
  Map<String, String> flagSettings() {
    Map<String, String> given = new LinkedHashMap<>();
    putIfGiven(given, IngestSettings.FEEDS_FILE, feedsFile);
    putIfGiven(given, CommonSettings.DATA_DIR, dataDir);
    putIfGiven(given, UpSettings.KAFKA_PORT, kafkaPort);
    putIfGiven(given, UpSettings.OPENSEARCH_PORT, openSearchPort);
    putIfGiven(given, CommonSettings.ADMIN_PORT, adminPort);
    return given;
  }

  private static void putIfGiven(Map<String, String> settings, Setting<?> setting, Object flagValue) {
    if (flagValue != null) {
      settings.put(setting.key(), flagValue.toString());
    }
  }

  /** The effective configuration before the embedded servers exist (their addresses are added once started). */
  Config configuration(Map<String, String> environment) {
    return configOptions.load(Services.allSettings(), flagSettings(), environment);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    Config base = configuration(System.getenv());
    UpPorts ports = UpPorts.of(base);
    ports.requireFree();
    Path data = base.get(CommonSettings.DATA_DIR).toAbsolutePath().normalize();
    Files.createDirectories(data);
    say(out, "data in " + data);
    List<FeedDefinition> feeds = feeds(out, base.get(IngestSettings.FEEDS_FILE), data);
    say(out, "starting Kafka on 127.0.0.1:" + ports.kafka() + " and OpenSearch on 127.0.0.1:" + ports.openSearch()
        + " ...");

    try (Telemetry telemetry = new Telemetry("up"); ServiceRunner runner = new ServiceRunner()) {
      runner.closeOnShutdown();
      runner.afterClose(() -> say(out, "stopped cleanly."));
      EmbeddedKafka kafka = new EmbeddedKafka(data.resolve("kafka"), ports.kafka());
      EmbeddedOpenSearch openSearch = new EmbeddedOpenSearch(data.resolve("opensearch"), ports.openSearch());
      runner.startTogether(List.of(kafka, openSearch));

      Config config = base.with(Map.of(
          CommonSettings.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
          "opensearch.urls", openSearch.url(),
          CommonSettings.DATA_DIR.key(), data.toString()));
      ServiceCommand.logEffective(config);
      Services.ensureTopics(config);

      say(out, "starting enrich, sink and ingest (" + feeds.size() + " feeds) ...");
      for (Service s : List.of(Services.enrich(config, Services.enricher(), telemetry.registry()),
          Services.sink(config, telemetry.registry()), Services.ingest(config, feeds, telemetry.registry()))) {
        runner.start(s);
      }
      try (AdminServer admin = Services.admin(config, UpSettings.DEFAULT_ADMIN_PORT, runner, telemetry)) {
        awaitReady(out, runner, Duration.ofSeconds(120));
        say(out, String.format("ready in %.1f s. Kafka %s, OpenSearch %s, console http://127.0.0.1:%d/",
            (System.nanoTime() - t0) / 1e9, kafka.bootstrapServers(), openSearch.url(), admin.port()));
        say(out, "try `./newsflow search <words>` in another terminal; Ctrl-C stops.");
        runner.awaitShutdown();
      }
    }
    return 0;
  }

  private static void say(PrintWriter out, String line) {
    out.println("newsflow up: " + line);
    out.flush();
  }

  private static List<FeedDefinition> feeds(PrintWriter out, Path feedsFile, Path data) throws IOException {
    if (feedsFile != null) {
      List<FeedDefinition> feeds = FeedsFile.read(feedsFile);
      say(out, "feeds from " + feedsFile.toAbsolutePath());
      return feeds;
    }
    Path sample = data.resolve("sample").resolve("sample-feed.xml");
    Files.createDirectories(sample.getParent());
    try (InputStream in = UpCommand.class.getResourceAsStream("/sample/sample-feed.xml")) {
      Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
    }
    say(out, "no feeds file given, ingesting the bundled sample feed " + sample);
    return List.of(FeedDefinition.of(sample.toString()));
  }

  private static void awaitReady(PrintWriter out, ServiceRunner runner, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (runner.services().stream().allMatch(s -> s.health().ready())) {
        return;
      }
      Thread.sleep(100);
    }
    runner.services().stream().filter(s -> !s.health().ready())
        .forEach(s -> say(out, s.name() + " not ready yet: " + s.health().detail()));
  }
}
