package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
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
import org.newsflow.testsupport.Await;

/**
 * Summary-only feed entries get their article's text on the real broker and node: a feed served on 127.0.0.1 whose
 * items carry one-sentence summaries, with their pages beside it (one allowed, one disallowed by robots.txt, one
 * paywalled, one that times out, one that fails once and then answers).
 */
class FullTextIT {

  private static final String PREFIX = "ft";
  private static final String[] SLUGS = {"news/harbour", "private/memo", "news/paid", "news/slow", "news/flaky"};

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  static HttpServer http;
  static ServiceRunner servers;
  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    servers = new ServiceRunner();
    servers.startTogether(List.of(kafka, openSearch));
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
    // the slow page holds its handler: the others must not wait behind it
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/", FullTextIT::serve);
    http.start();
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    servers.close();
  }

  private static void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    switch (path) {
      case "/feed.xml" -> send(ex, 200, "application/rss+xml; charset=utf-8", feed(base));
      case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      case "/news/harbour", "/private/memo" -> send(ex, 200, "text/html; charset=utf-8", page("harbour", false));
      case "/news/paid" -> send(ex, 200, "text/html; charset=utf-8", page("budget", true));
      case "/news/flaky" -> {
        if (n == 1) {
          send(ex, 503, "text/plain", "busy");
        } else {
          send(ex, 200, "text/html; charset=utf-8", page("bridge", false));
        }
      }
      case "/news/slow" -> {
        try {
          Thread.sleep(15_000); // longer than ingest.http.timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(ex, 200, "text/html; charset=utf-8", page("slow", false));
      }
      default -> send(ex, 404, "text/plain", "not found");
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    try {
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
    } catch (IOException e) {
      // the client gave up (the slow page): nothing to answer
    }
    ex.close();
  }

  private static String feed(String base) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Summaries only</title><link>" + base + "</link><language>en</language>");
    for (int i = 0; i < SLUGS.length; i++) {
      sb.append("<item><title>Story ").append(i).append(" from the coast</title><link>").append(base)
          .append(SLUGS[i]).append("</link><guid>").append(SLUGS[i]).append("</guid><pubDate>Mon, 30 Nov 2026 0")
          .append(i).append(":00:00 GMT</pubDate><description>A one-line summary of story ").append(i)
          .append(".</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** An article page whose paragraphs all carry the word {@code topic}. */
  private static String page(String topic, boolean paywalled) {
    StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>" + topic + "</title>");
    if (paywalled) {
      sb.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
          + "\"headline\":\"").append(topic).append("\",\"isAccessibleForFree\":false}</script>");
    }
    sb.append("</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>")
        .append(topic).append("</h1>");
    for (int p = 0; p < 6; p++) {
      sb.append("<p>In paragraph ").append(p).append(" the ").append(topic).append(" correspondent reports that the ")
          .append("council in Portsmouth met on Monday, heard from engineers and residents, and agreed that the ")
          .append(topic).append(" plan would go ahead in the spring, with a review after the first year.</p>");
    }
    return sb.append("</article><footer>© Coast News</footer></body></html>").toString();
  }

  @Test
  void shouldPublishFullTextForSummaryOnlyEntriesWithFlagsAndCountsAndLoseNothing() throws Exception {
    String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    Config config = config(Map.of("ingest.poll.interval", "1s", "ingest.poll.adaptive", "false",
        "ingest.http.timeout", "4s", "ingest.backoff.initial", "200ms", "ingest.host.delay", "0s", "ingest.fulltext.retry.delay", "100ms",
        "ingest.fulltext.attempts", "2"));
    Services.ensureTopics(config);
    List<FeedDefinition> feeds = List.of(FeedDefinition.of(base + "feed.xml"));
    ArticleJson json = new ArticleJson();
    try (OpenSearchConnection os = new OpenSearchConnection(List.of(openSearch.url()), null, null, null);
         ServiceRunner runner = new ServiceRunner()) {
      ArticleSearch search = new ArticleSearch(os, PREFIX + "-articles", json.mapper());
      var metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      runner.start(Services.enrich(config, Services.enricher(), metrics));
      runner.start(Services.sink(config, metrics));
      runner.start(Services.ingest(config, feeds, metrics));

      Map<String, JsonNode> docs = new HashMap<>();
      Await.until("all five articles indexed, the flaky one with its page's text", Duration.ofSeconds(240), () -> {
        docs.clear();
        docs.putAll(indexed(search));
        JsonNode flaky = docs.get(base + "news/flaky");
        return docs.size() == SLUGS.length && flaky != null && flaky.path("text").asText().contains("bridge plan");
      }, () -> docs.keySet());
      Map<String, JsonNode> status = new HashMap<>();
      Await.until("feed status counting every page, none pending", Duration.ofSeconds(60), () -> {
        JsonNode s = lastStatus();
        status.put("last", s);
        return s != null && s.path("pages").path("pending").asInt(-1) == 0
            && s.path("pages").path("failed").asInt() >= 3;
      }, () -> status.get("last"));

      JsonNode harbour = docs.get(base + "news/harbour");
      assertThat(harbour.path("text").asText()).contains("In paragraph 0 the harbour correspondent")
          .contains("In paragraph 5").doesNotContain("Home").doesNotContain("Coast News");
      assertThat(harbour.path("summary").asText()).isEqualTo("A one-line summary of story 0.");
      assertThat(flags(harbour)).contains("full-text");
      assertThat(names(harbour.path("entities"))).contains("Portsmouth");

      JsonNode memo = docs.get(base + "private/memo");
      assertThat(memo.path("text").asText()).isEqualTo("A one-line summary of story 1.");
      assertThat(flags(memo)).doesNotContain("full-text");

      JsonNode paid = docs.get(base + "news/paid");
      assertThat(paid.path("text").asText()).isEqualTo("A one-line summary of story 2.");
      assertThat(flags(paid)).contains("paywalled").doesNotContain("full-text");

      JsonNode slow = docs.get(base + "news/slow");
      assertThat(slow.path("text").asText()).isEqualTo("A one-line summary of story 3.");
      assertThat(flags(slow)).doesNotContain("full-text");

      JsonNode flaky = docs.get(base + "news/flaky");
      assertThat(flags(flaky)).contains("full-text");
      assertThat(flaky.path("summary").asText()).isEqualTo("A one-line summary of story 4.");

      // counts: harbour, paid and flaky (second try) fetched; memo refused; slow twice and flaky once failed
      JsonNode pages = status.get("last").path("pages");
      assertThat(pages.path("fetched").asInt()).isEqualTo(3);
      assertThat(pages.path("refused").asInt()).isEqualTo(1);
      assertThat(pages.path("failed").asInt()).isEqualTo(3);

      // bounded work: each page once per revision however often the feed is polled, robots.txt once per host
      int polls = hits.get("/feed.xml").get();
      Await.until("two more feed polls", Duration.ofSeconds(30), () -> hits.get("/feed.xml").get() >= polls + 2);
      assertThat(hits.get("/news/harbour").get()).isEqualTo(1);
      assertThat(hits.get("/news/paid").get()).isEqualTo(1);
      assertThat(hits.get("/news/flaky").get()).isEqualTo(2);
      assertThat(hits.get("/news/slow").get()).isEqualTo(2);
      assertThat(hits.get("/robots.txt").get()).isEqualTo(1);
      assertThat(hits.get("/private/memo")).isNull();

      // the enriched topic holds every article; the flaky one twice (summary, then its page as a revision)
      Map<String, List<JsonNode>> enriched = records(new Topics(PREFIX).articlesEnriched().name(), json);
      assertThat(enriched).hasSize(SLUGS.length);
      List<JsonNode> flakyRecords = enriched.get(flaky.path("id").asText());
      assertThat(flakyRecords).hasSize(2);
      assertThat(flags(flakyRecords.getLast())).contains("full-text");
      assertThat(flakyRecords.getLast().path("updated").asText())
          .isGreaterThan(flakyRecords.getFirst().path("updated").asText());
      JsonNode harbourEnriched = enriched.get(harbour.path("id").asText()).getLast();
      assertThat(flags(harbourEnriched)).contains("full-text");
      assertThat(harbourEnriched.path("contentHtml").asText()).contains("<p>In paragraph 0").doesNotContain("<nav");
    }
  }

  private static Config config(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    settings.put("opensearch.urls", openSearch.url());
    settings.put("data.dir", dir.resolve(PREFIX + "-data").toString());
    settings.put("topics.prefix", PREFIX);
    settings.put("opensearch.index.alias", PREFIX + "-articles");
    settings.put("ingest.allowed.internal.addresses", "127.0.0.1");
    settings.putAll(extra);
    return Config.load(Services.allSettings(), null, Map.of(), settings);
  }

  /** Indexed articles by URL (empty while the index is not there yet). */
  private static Map<String, JsonNode> indexed(ArticleSearch search) {
    Map<String, JsonNode> out = new HashMap<>();
    try {
      search.refresh();
      for (JsonNode hit : search.search(new SearchQuery(null, null, null, null, null, null, 20)).hits()) {
        out.put(hit.path("url").asText(), hit);
      }
    } catch (Exception e) {
      // the index is created with the first document
    }
    return out;
  }

  private static List<String> flags(JsonNode article) {
    List<String> out = new ArrayList<>();
    article.path("flags").forEach(f -> out.add(f.asText()));
    return out;
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("name").asText()));
    return out;
  }

  /** The newest feed-status record, null when there is none yet. */
  private static JsonNode lastStatus() {
    List<JsonNode> all = new ArrayList<>();
    records(new Topics(PREFIX).feedStatus().name(), new ArticleJson()).values().forEach(all::addAll);
    return all.isEmpty() ? null : all.getLast();
  }

  /** Every record of a topic by key, in offset order. */
  private static Map<String, List<JsonNode>> records(String topic, ArticleJson json) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<JsonNode>> out = new HashMap<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < end) {
        for (var r : c.poll(Duration.ofMillis(200))) {
          try {
            out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(json.mapper().readTree(r.value()));
          } catch (IOException e) {
            throw new IllegalStateException("unreadable record in " + topic, e);
          }
        }
      }
    }
    return out;
  }
}
