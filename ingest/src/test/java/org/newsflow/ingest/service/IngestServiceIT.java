package org.newsflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.FeedRegistryClient;
import org.newsflow.ingest.registry.FeedSource;
import org.newsflow.ingest.registry.KafkaFeedRegistry;
import org.newsflow.ingest.registry.PollerState;
import org.newsflow.ingest.registry.TopicReader;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.testsupport.Await;

/**
 * Ingest against a real Kafka broker and a local HTTP server whose feeds misbehave in every way the issue lists;
 * each feed's outcome is read back from news.feed-status, its poller's memory from news.feed-poller-state.
 */
class IngestServiceIT {

  @TempDir
  static Path dir;
  private static EmbeddedKafka kafka;
  private static HttpServer http;
  private static final Map<String, List<Long>> HITS = new ConcurrentHashMap<>();
  private static final Map<String, String> CONTENT = new ConcurrentHashMap<>();
  private Topics topics;

  @BeforeAll
  static void startServers() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/", IngestServiceIT::handle);
    http.start();
  }

  @AfterAll
  static void stopServers() {
    http.stop(0);
    kafka.close();
  }

  private static int counter;

  @BeforeEach
  void freshTopics() {
    // each test gets its own topics, so statuses and registries of other tests do not leak in
    topics = new Topics("t" + (++counter));
    TopicAdmin.ensureTopics(props(), topics.all(), 2, 1, Duration.ofSeconds(30));
  }

  private static void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    HITS.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    try (ex) {
      switch (path) {
        case "/ratelimited" -> {
          ex.getResponseHeaders().add("Retry-After", "2");
          ex.sendResponseHeaders(429, -1);
        }
        case "/error" -> ex.sendResponseHeaders(500, -1);
        case "/slow" -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, rss("slow", 1));
        }
        case "/huge" -> {
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) ' ');
          ex.sendResponseHeaders(200, 0);
          for (int i = 0; i < 32; i++) {
            ex.getResponseBody().write(chunk);
          }
        }
        case "/loop-a" -> redirect(ex, "/loop-b");
        case "/loop-b" -> redirect(ex, "/loop-a");
        case "/moved" -> redirect301(ex, "/etag-moved");
        default -> {
          String body = CONTENT.getOrDefault(path, rss(path, 2));
          String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          ex.getResponseHeaders().add("ETag", etag);
          send(ex, body);
        }
      }
    }
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(302, -1);
  }

  private static void redirect301(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(301, -1);
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
  }

  static String rss(String name, int items) {
    return rss(name, items, "body");
  }

  static String rss(String name, int items, String text) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>" + name + "</title>");
    for (int i = 1; i <= items; i++) {
      sb.append("<item><title>").append(name).append(" item ").append(i).append("</title><link>https://example.org")
          .append(name.startsWith("/") ? name : "/" + name).append('/').append(i).append("</link><description>")
          .append(text).append("</description><pubDate>Thu, 14 Mar 2024 0").append(i).append(":00:00 +0000</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return p;
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  private static FeedFetcher fetcher() {
    return new FeedFetcher(new FetchOptions(Duration.ofSeconds(1), Duration.ofMillis(700), 256 * 1024, "newsflow-test",
        false, List.of("127.0.0.1")));
  }

  private IngestService service(FeedSource source) {
    ArticlePublisher publisher = new ArticlePublisher(props(), topics, new ArticleJson());
    PollPolicy policy = new PollPolicy(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5),
        Duration.ofMillis(100), Duration.ofSeconds(2), false);
    return new IngestService(source, fetcher(), publisher, policy, new HostLimiter(16, Duration.ZERO),
        Clock.systemUTC(), publisher);
  }

  private Map<String, FeedHealth> statuses() {
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics)) {
      return client.statuses(new ArrayList<>());
    }
  }

  private Map<String, PollerState> states() {
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics)) {
      return client.states(new ArrayList<>());
    }
  }

  private int articleCount() {
    return TopicReader.latestCount(props(), topics.articlesRaw().name(), Duration.ofSeconds(30));
  }

  /** Waits for a condition, failing the test with what was awaited when it does not hold in time. */
  private static void await(String what, BooleanSupplier condition, Duration max) throws InterruptedException {
    Await.until(what, max, condition);
  }

  /** Articles the last recorded poll of /restart published, -1 before any. */
  private int restartStatusNew() {
    FeedHealth st = statuses().get(FeedDefinition.idFor(url("/restart")));
    return st == null ? -1 : st.itemsNew();
  }

  private static List<Long> hits(String path) {
    return HITS.getOrDefault(path, List.of());
  }

  @Test
  void shouldRecordEachMisbehavingFeedAndKeepTheOthersPolling() throws Exception {
    HITS.clear();
    List<FeedDefinition> feeds = List.of(FeedDefinition.of(url("/etag")), FeedDefinition.of(url("/ratelimited")),
        FeedDefinition.of(url("/error")), FeedDefinition.of(url("/slow")), FeedDefinition.of(url("/huge")),
        FeedDefinition.of(url("/loop-a")), FeedDefinition.of(url("/moved")));
    try (IngestService service = service(FeedSource.of(feeds))) {
      service.start();
      await("five polls of /error, two of /ratelimited and five of /etag", () -> hits("/error").size() >= 5 && hits("/ratelimited").size() >= 2 && hits("/etag").size() >= 5,
          Duration.ofSeconds(15));
    }
    Map<String, FeedHealth> s = statuses();

    FeedHealth etag = s.get(FeedDefinition.idFor(url("/etag")));
    assertThat(etag.httpStatus()).as("later polls are conditional").isEqualTo(304);
    assertThat(etag.error()).isNull();
    assertThat(etag.consecutiveFailures()).isZero();
    assertThat(states().get(FeedDefinition.idFor(url("/etag"))).etag()).as("the ETag remembered").isNotNull();
    assertThat(etag.itemsNew()).isZero();

    FeedHealth limited = s.get(FeedDefinition.idFor(url("/ratelimited")));
    assertThat(limited.httpStatus()).isEqualTo(429);
    assertThat(limited.error()).contains("Retry-After 2 s");
    List<Long> lh = hits("/ratelimited");
    assertThat(Duration.ofNanos(lh.get(1) - lh.get(0))).as("Retry-After respected").isGreaterThanOrEqualTo(Duration.ofMillis(1900));

    FeedHealth error = s.get(FeedDefinition.idFor(url("/error")));
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(error.consecutiveFailures()).isGreaterThanOrEqualTo(3);
    List<Long> eh = hits("/error");
    // the wait after the 4th failure is drawn from [400, 800] ms (100 ms initial backoff doubled three times, half
    // of it jitter); without growth it would be at most 100 ms. A lower bound holds on a loaded machine, where a
    // poll's own time (HTTP, the status write) only adds to the gap; comparing two gaps did not.
    long fourth = eh.get(4) - eh.get(3);
    assertThat(Duration.ofNanos(fourth)).as("backoff grows").isGreaterThanOrEqualTo(Duration.ofMillis(400));

    FeedHealth slow = s.get(FeedDefinition.idFor(url("/slow")));
    assertThat(slow.error()).startsWith("TIMEOUT");
    FeedHealth huge = s.get(FeedDefinition.idFor(url("/huge")));
    assertThat(huge.error()).startsWith("TOO_LARGE");
    FeedHealth loop = s.get(FeedDefinition.idFor(url("/loop-a")));
    assertThat(loop.error()).startsWith("REDIRECT_LOOP");
    FeedHealth moved = s.get(FeedDefinition.idFor(url("/moved")));
    assertThat(moved.url()).as("permanent redirect updates the feed URL").isEqualTo(url("/etag-moved"));
    assertThat(moved.error()).isNull();

    assertThat(articleCount()).as("each entry published once").isEqualTo(4);
  }

  @Test
  void shouldRememberEtagAndPublishedEntriesAcrossRestarts() throws Exception {
    HITS.clear();
    CONTENT.put("/restart", rss("restart", 3));
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics)) {
      client.put(List.of(FeedDefinition.of(url("/restart"))));
    }
    try (IngestService first = service(registry())) {
      first.start();
      await("the first instance's poll of /restart", () -> hits("/restart").size() >= 1, Duration.ofSeconds(20));
      await("the first poll's three articles recorded", () -> restartStatusNew() == 3, Duration.ofSeconds(20));
    }
    assertThat(articleCount()).isEqualTo(3);
    int before = hits("/restart").size();
    // the second instance starts with a changed ETag source: the same bytes must still yield 304, and a new
    // document with one revised entry must publish exactly that entry again
    try (IngestService second = service(registry())) {
      second.start();
      await("the second instance's poll of /restart", () -> hits("/restart").size() >= before + 1, Duration.ofSeconds(20));
      await("the second instance's status of /restart", () -> {
        FeedHealth st = statuses().get(FeedDefinition.idFor(url("/restart")));
        return st != null && st.httpStatus() == 304;
      }, Duration.ofSeconds(20));
      assertThat(statuses().get(FeedDefinition.idFor(url("/restart"))).httpStatus()).isEqualTo(304);
    }
    CONTENT.put("/restart", rss("restart", 3).replaceFirst("<description>body", "<description>revised body"));
    try (IngestService third = service(registry())) {
      third.start();
      int now = hits("/restart").size();
      await("the third instance's poll of /restart", () -> hits("/restart").size() >= now + 1, Duration.ofSeconds(20));
      await("the revision recorded", () -> restartStatusNew() == 1, Duration.ofSeconds(20));
    }
    assertThat(TopicReader.count(props(), topics.articlesRaw().name(), Duration.ofSeconds(30)))
        .as("3 originals + 1 revision, nothing republished unchanged").isEqualTo(4);
  }

  @Test
  void shouldPickUpRegistryChangesWithoutRestart() throws Exception {
    HITS.clear();
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics);
         IngestService service = service(registry())) {
      service.start();
      client.put(List.of(FeedDefinition.of(url("/added"))));
      await("two polls of /added", () -> hits("/added").size() >= 2, Duration.ofSeconds(20));
      assertThat(hits("/added")).hasSizeGreaterThanOrEqualTo(2);
      client.remove(FeedDefinition.idFor(url("/added")));
      await("the removed feed to be dropped", () -> service.feedCount() == 0, Duration.ofSeconds(10));
      int after = hits("/added").size();
      Thread.sleep(1000);
      assertThat(hits("/added").size()).as("removed feed no longer polled").isLessThanOrEqualTo(after + 1);
    }
  }

  @Test
  void shouldStoreTheNewUrlOfAPermanentlyMovedFeedInTheRegistry() throws Exception {
    HITS.clear();
    FeedDefinition moved = FeedDefinition.of(url("/moved"));
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics)) {
      client.put(List.of(moved));
      try (IngestService service = service(registry())) {
        service.start();
        await("the moved feed's new URL in the registry", () -> url("/etag-moved").equals(client.list(new ArrayList<>()).get(moved.id()).url()), Duration.ofSeconds(20));
        assertThat(client.list(new ArrayList<>()).get(moved.id()).url()).isEqualTo(url("/etag-moved"));
        int before = hits("/etag-moved").size();
        await("two polls of the new URL", () -> hits("/etag-moved").size() >= before + 2, Duration.ofSeconds(10));
        assertThat(hits("/moved")).as("the old URL is not polled again").hasSize(1);
        assertThat(service.feedCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldHandFeedsToTheSurvivorWhenAnInstanceLeaves() throws Exception {
    List<FeedDefinition> feeds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      feeds.add(FeedDefinition.of(url("/share-" + i)));
    }
    try (FeedRegistryClient client = new FeedRegistryClient(props(), topics)) {
      client.put(feeds);
    }
    try (IngestService a = service(registry())) {
      a.start();
      try (IngestService b = service(registry())) {
        b.start();
        await("both instances to share the ten feeds", () -> a.feedCount() + b.feedCount() == 10 && a.feedCount() > 0 && b.feedCount() > 0, Duration.ofSeconds(30));
        assertThat(a.feedCount() + b.feedCount()).isEqualTo(10);
        assertThat(a.feedCount()).isPositive();
      }
      await("the remaining instance to take all ten feeds", () -> a.feedCount() == 10, Duration.ofSeconds(30));
      assertThat(a.feedCount()).as("survivor polls every feed").isEqualTo(10);
    }
  }

  private FeedSource registry() {
    return new KafkaFeedRegistry(props(), topics, "group-" + topics.prefix(), Duration.ofSeconds(6), List.of());
  }
}
