package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.newsflow.app.wiring.Telemetry;
import org.newsflow.common.runtime.AdminServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.Config;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.runtime.ServiceRunner;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.search.ArticleSearch;
import org.newsflow.sink.search.SearchQuery;
import org.newsflow.sink.search.SearchResult;
import org.newsflow.testsupport.Await;

/** The whole pipeline on the real in-process broker and node: a feed served over HTTP becomes searchable. */
class PipelineIT {

  static final String FEED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <title>Test wire</title><link>https://wire.test.invalid/</link><language>en</language>
      <item><title>Leaders meet in Berlin to discuss the war in Ukraine</title>
      <link>https://wire.test.invalid/berlin-summit?utm_source=rss&amp;utm_medium=feed</link>
      <pubDate>Mon, 03 Feb 2025 10:00:00 +0000</pubDate>
      <content:encoded><![CDATA[<p>Chancellor Olaf Scholz hosted President Emmanuel Macron in Berlin on Monday for a summit on the war in
      Ukraine. The two leaders said the European Union would keep sending weapons and money to Kyiv, and Scholz
      told parliament that the government would put the plan to a vote.</p>]]></content:encoded></item>
      <item><title>Parliament passes budget after long debate</title>
      <link>https://wire.test.invalid/budget-vote</link>
      <pubDate>Tue, 04 Feb 2025 10:00:00 +0000</pubDate>
      <description>The Bundestag approved the federal budget on Tuesday after a summit of coalition leaders, with the
      opposition voting against the government's spending plans in the election year.</description></item>
      </channel></rss>""";

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  static HttpServer http;
  static ServiceRunner servers;

  @BeforeAll
  static void start() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    servers = new ServiceRunner();
    servers.startTogether(List.of(kafka, openSearch));
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    http.createContext("/feed.xml", ex -> {
      byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.createContext("/broken.xml", ex -> {
      ex.sendResponseHeaders(500, -1);
      ex.close();
    });
    http.createContext("/garbage", ex -> {
      byte[] body = "this is not a feed at all".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
    http.stop(0);
    servers.close();
  }

  @Test
  void shouldMakeAFeedSearchableWithEntitiesAndTopicsAndNeitherLoseNorDuplicateAcrossARestart() throws Exception {
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    Config config = config("e2e", Map.of("ingest.poll.interval", "1s"));
    Services.ensureTopics(config);
    List<FeedDefinition> feeds = List.of(FeedDefinition.of(base + "/broken.xml"), FeedDefinition.of(base + "/garbage"),
        FeedDefinition.of(base + "/feed.xml"));

    ArticleJson json = new ArticleJson();
    try (OpenSearchConnection os = new OpenSearchConnection(List.of(openSearch.url()), null, null, null)) {
      ArticleSearch search = new ArticleSearch(os, "e2e-articles", json.mapper());
      SearchQuery all = new SearchQuery(null, null, null, null, null, null, 10);

      runPipelineUntil(config, feeds, () -> total(search, all) == 2);
      SearchResult summit = search.search(new SearchQuery("Berlin summit", null, null, null, null, null, 10));
      JsonNode doc = summit.hits().getFirst();
      assertThat(doc.path("url").asText()).isEqualTo("https://wire.test.invalid/berlin-summit");
      assertThat(doc.path("published").asText()).isEqualTo("2025-02-03T10:00:00Z");
      assertThat(doc.path("language").asText()).isEqualTo("en");
      assertThat(names(doc.path("entities"))).contains("Berlin", "Ukraine");
      assertThat(names(doc.path("topics"))).isNotEmpty();
      assertThat(search.search(new SearchQuery(null, "Berlin", null, null, null, null, 10)).total()).isGreaterThanOrEqualTo(1);

      // a second run polls the same feed again: nothing may be lost or published twice
      java.time.Instant restart = java.time.Instant.now();
      runPipelineUntil(config, feeds, () -> polledSince(config, base + "/feed.xml", restart));
      assertThat(total(search, all)).isEqualTo(2);
      assertThat(enrichedRecordsPerKey(config).values()).hasSize(2).allMatch(n -> n == 1);
    }
  }

  /** The pipeline with its admin server that the console tests look at, started once for them. */
  private static ConsolePipeline console;

  private record ConsolePipeline(Telemetry telemetry, ServiceRunner runner, AdminServer admin, String url)
      implements AutoCloseable {
    @Override
    public void close() {
      admin.close();
      runner.close();
      telemetry.close();
    }
  }

  /** Starts the console's pipeline on first use and waits until the article and the feed reach the console. */
  private static synchronized ConsolePipeline consolePipeline() throws Exception {
    if (console != null) {
      return console;
    }
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    Config config = config("console", Map.of("enrich.application.id", "console-enrich", "sink.group.id", "console-sink",
        "admin.port", "0"));
    Services.ensureTopics(config);
    Telemetry telemetry = new Telemetry("up");
    ServiceRunner runner = new ServiceRunner();
    runner.start(Services.enrich(config, Services.enricher(), telemetry.registry()));
    runner.start(Services.sink(config, telemetry.registry()));
    runner.start(Services.ingest(config, List.of(FeedDefinition.of(base + "/feed.xml")), telemetry.registry()));
    AdminServer admin = Services.admin(config, 0, runner, telemetry);
    console = new ConsolePipeline(telemetry, runner, admin, "http://127.0.0.1:" + admin.port());
    HttpClient client = HttpClient.newHttpClient();
    Await.until("the article and the feed's status on the console", Duration.ofSeconds(90),
        () -> get(client, console.url() + "/api/search").contains("Leaders meet in Berlin")
            && get(client, console.url() + "/api/feeds").contains("feed.xml"));
    return console;
  }

  @Test
  void shouldServeHealthAndMetricsOfARunningPipeline() throws Exception {
    String url = consolePipeline().url();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    String metrics = get(client, url + "/metrics");
    assertThat(metrics).containsPattern("newsflow_sink_documents_written_total\\{[^}]*\\} [1-9]")
        .contains("jvm_memory_used_bytes").contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void shouldRenderAConsoleThatShowsTheFeedAndTheArticleInABrowser() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(chromium), "headless Chromium is not installed (.ci/run installs it)");
    String url = consolePipeline().url();
    List<String> flags = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + dir.resolve("chromium-profile"), "--virtual-time-budget=8000", "--window-size=1280,1000");
    List<String> dumpDom = new java.util.ArrayList<>(List.of(chromium.toString()));
    dumpDom.addAll(flags);
    dumpDom.addAll(List.of("--dump-dom", url + "/"));
    String dom = run(dumpDom);
    assertThat(dom).contains("/feed.xml").contains("Leaders meet in Berlin to discuss the war in Ukraine")
        .contains("ready");
    Path png = dir.resolve("console.png");
    List<String> screenshot = new java.util.ArrayList<>(List.of(chromium.toString()));
    screenshot.addAll(flags);
    screenshot.addAll(List.of("--screenshot=" + png, url + "/"));
    run(screenshot);
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(20_000);
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "console-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String get(HttpClient client, String url) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      return "(" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return out;
  }

  /** Settings for a pipeline on the test's servers, with its own topic prefix, index and data directory. */
  private static Config config(String prefix, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    settings.put("opensearch.urls", openSearch.url());
    settings.put("data.dir", dir.resolve(prefix + "-data").toString());
    settings.put("topics.prefix", prefix);
    settings.put("opensearch.index.alias", prefix + "-articles");
    settings.put("ingest.allowed.internal.addresses", "127.0.0.1");
    settings.putAll(extra);
    return Config.load(Services.allSettings(), null, Map.of(), settings);
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.has("name") ? n.path("name").asText() : n.path("label").asText()));
    return out;
  }

  private static long total(ArticleSearch search, SearchQuery q) {
    try {
      search.refresh();
      return search.search(q).total();
    } catch (Exception e) {
      return -1;
    }
  }

  /** True once the feed-status topic records a successful poll of the feed that started after the given time. */
  private static boolean polledSince(Config config, String feedUrl, java.time.Instant since) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "status-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ArticleJson json = new ArticleJson();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(new Topics("e2e").feedStatus().name()));
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < end) {
        for (var r : c.poll(Duration.ofMillis(200))) {
          try {
            JsonNode status = json.mapper().readTree(r.value());
            if (feedUrl.equals(status.path("url").asText()) && status.path("error").isMissingNode()
                && java.time.Instant.parse(status.path("lastAttempt").asText()).isAfter(since)) {
              return true;
            }
          } catch (Exception e) {
            // not a status record
          }
        }
      }
    }
    return false;
  }

  private static Map<String, Integer> enrichedRecordsPerKey(Config config) {
    return countRecords(config, new Topics("e2e").articlesEnriched().name());
  }

  private static Map<String, Integer> countRecords(Config config, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "counter-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < end) {
        c.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
      }
    }
    return counts;
  }

  private static void runPipelineUntil(Config config, List<FeedDefinition> feeds, java.util.function.BooleanSupplier done)
      throws Exception {
    try (ServiceRunner runner = new ServiceRunner()) {
      runner.start(Services.enrich(config, Services.enricher(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
      runner.start(Services.sink(config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
      runner.start(Services.ingest(config, feeds, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
      Await.until("the pipeline's expected state", Duration.ofSeconds(90), done);
    }
  }
}
