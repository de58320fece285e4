package org.newsflow.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.runtime.ServiceRunner;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow up}: the whole pipeline in one process on an embedded Kafka broker and OpenSearch node, with its
 * data under one directory that survives restarts.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run everything in one process on an embedded Kafka broker and OpenSearch node (Ctrl-C stops).")
public final class UpCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions configOptions;

  @Option(names = "--feeds", paramLabel = "FILE", description = "Feeds file; default: a small bundled sample feed.")
  Path feedsFile;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Where Kafka, OpenSearch and Streams keep their data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--opensearch-port", defaultValue = "9200",
      description = "OpenSearch HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int openSearchPort;

  @Option(names = "--admin-port", defaultValue = "8080", description = "Admin HTTP port (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    long t0 = System.nanoTime();
    Path data = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(data);
    out.println("newsflow up: data in " + data);
    List<FeedDefinition> feeds = feeds(data);
    out.println("newsflow up: starting Kafka on 127.0.0.1:" + kafkaPort + " and OpenSearch on 127.0.0.1:" + openSearchPort + " ...");

    try (Telemetry telemetry = new Telemetry("up"); ServiceRunner runner = new ServiceRunner()) {
      runner.closeOnShutdown();
      runner.afterClose(() -> out.println("newsflow up: stopped cleanly."));
      EmbeddedKafka kafka = new EmbeddedKafka(data.resolve("kafka"), kafkaPort);
      EmbeddedOpenSearch openSearch = new EmbeddedOpenSearch(data.resolve("opensearch"), openSearchPort);
      runner.startTogether(List.of(kafka, openSearch));

      Map<String, String> settings = new LinkedHashMap<>();
      settings.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
      settings.put("opensearch.urls", openSearch.url());
      settings.put(CommonSettings.DATA_DIR.key(), data.toString());
      settings.put(CommonSettings.ADMIN_PORT.key(), String.valueOf(adminPort));
      Config config = configOptions.load(Services.allSettings(), settings);
      ServiceCommand.logEffective(config);
      Services.ensureTopics(config);

      out.println("newsflow up: starting enrich, sink and ingest (" + feeds.size() + " feeds) ...");
      for (Service s : List.of(Services.enrich(config, Services.enricher(), telemetry.registry()), Services.sink(config, telemetry.registry()),
          Services.ingest(config, feeds, telemetry.registry()))) {
        runner.start(s);
      }
      try (AdminServer admin = Services.admin(config, adminPort, runner, telemetry)) {
        awaitReady(runner, Duration.ofSeconds(120));
        out.printf("newsflow up: ready in %.1f s. Kafka %s, OpenSearch %s, health http://127.0.0.1:%d/health/ready%n",
            (System.nanoTime() - t0) / 1e9, kafka.bootstrapServers(), openSearch.url(), admin.port());
        out.println("newsflow up: try `./newsflow search <words>` in another terminal; Ctrl-C stops.");
        runner.awaitShutdown();
      }
    }
    return 0;
  }

  private List<FeedDefinition> feeds(Path data) throws IOException {
    if (feedsFile != null) {
      List<FeedDefinition> feeds = FeedsFile.read(feedsFile);
      System.out.println("newsflow up: feeds from " + feedsFile.toAbsolutePath());
      return feeds;
    }
    Path sample = data.resolve("sample").resolve("sample-feed.xml");
    Files.createDirectories(sample.getParent());
    try (InputStream in = UpCommand.class.getResourceAsStream("/sample/sample-feed.xml")) {
      Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println("newsflow up: no --feeds given, ingesting the bundled sample feed " + sample);
    return List.of(FeedDefinition.of(sample.toString()));
  }

  private static void awaitReady(ServiceRunner runner, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (runner.services().stream().allMatch(s -> s.health().ready())) {
        return;
      }
      Thread.sleep(100);
    }
    runner.services().stream().filter(s -> !s.health().ready())
        .forEach(s -> System.out.println("newsflow up: " + s.name() + " not ready yet: " + s.health().detail()));
  }
}
