package org.newsflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.FreePorts;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedSource;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.ingest.websub.TestHubAccess;
import org.newsflow.ingest.websub.WebSub;
import org.newsflow.ingest.websub.WebSubSettings;
import org.newsflow.testsupport.Await;

/**
 * Push delivery through the whole ingest service on a real broker: a feed that advertises a hub on 127.0.0.1 is
 * subscribed, pushed content is published through the poller's dedupe, a forged push is not, the lease is renewed,
 * and when the hub goes away the feed is polled as before; no article is published twice.
 */
class IngestPushIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static HttpServer feedServer;
  static final List<String> ENTRIES = new CopyOnWriteArrayList<>();
  static volatile String hubUrl = "";
  static final Topics TOPICS = new Topics("push");

  @BeforeAll
  static void start() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    TopicAdmin.ensureTopics(props(), TOPICS.all(), 2, 1, Duration.ofSeconds(30));
    feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    feedServer.createContext("/feed.atom", ex -> {
      byte[] body = feed().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/atom+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    feedServer.start();
  }

  @AfterAll
  static void stop() {
    feedServer.stop(0);
    kafka.close();
  }

  static Properties props() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  static String selfUrl() {
    return "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed.atom";
  }

  static String feed() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Pushed wire</title><id>urn:pushed</id><updated>2025-03-01T10:00:00Z</updated>"
        + "<link rel=\"hub\" href=\"" + hubUrl + "\"/><link rel=\"self\" href=\"" + selfUrl() + "\"/>");
    for (String e : ENTRIES) {
      sb.append(entry(e));
    }
    return sb.append("</feed>").toString();
  }

  static String entry(String name) {
    return "<entry><title>Story " + name + "</title><id>urn:" + name + "</id><link href=\"https://pushed.example/" + name
        + "\"/><updated>2025-03-01T10:00:00Z</updated><summary>Report " + name + " from Geneva.</summary></entry>";
  }

  @Test
  void shouldTakePushedContentRenewTheLeaseAndFallBackToPollingWhenTheHubGoes() throws Exception {
    ENTRIES.add("first");
    int callbackPort = FreePorts.pick();
    List<Setting<?>> settings = new java.util.ArrayList<>(WebSubSettings.all());
    Map<String, String> values = new HashMap<>();
    values.put("ingest.websub.callback.url", "http://127.0.0.1:" + callbackPort);
    values.put("ingest.websub.port", String.valueOf(callbackPort));
    values.put("ingest.websub.renew.before", "3s");
    Config config = Config.load(settings, null, Map.of(), values);

    try (var hub = TestHubAccess.start(8)) {
      hubUrl = hub.url().toString();
      FeedFetcher fetcher = new FeedFetcher(new FetchOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20,
          "newsflow-test", false, List.of("127.0.0.1")));
      WebSub webSub = WebSub.fromConfig(config, props(), TOPICS.feedSubscriptions().name(), new ArticleJson().mapper(),
          fetcher, Clock.systemUTC(), new SimpleMeterRegistry()).orElseThrow();
      ArticlePublisher publisher = new ArticlePublisher(props(), TOPICS, new ArticleJson());
      // polls every second without push; a verified subscription stretches that to the 60 s safety net
      PollPolicy policy = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60),
          Duration.ofMillis(200), Duration.ofSeconds(2), false);
      FeedDefinition feed = FeedDefinition.of(selfUrl());
      try (IngestService service = new IngestService(FeedSource.of(List.of(feed)), fetcher, publisher, policy,
          new HostLimiter(4, Duration.ZERO), Clock.systemUTC(), publisher, java.util.Optional.of(webSub))) {
        service.start();
        Await.until("the hub's verified subscription", Duration.ofSeconds(20), () -> hub.verifiedSubscribes() >= 1,
            hub::describe);
        Await.until("the first entry by poll", Duration.ofSeconds(20), () -> rawCounts().containsKey(id("first")));
        long pollsWhileSubscribed = service.pollCount();

        // a push: the new entry is published, the one published before is not again
        ENTRIES.add("pushed");
        assertThat(hub.push(selfUrl(), feed(), true)).isEqualTo(202);
        Await.until("the pushed entry", Duration.ofSeconds(10), () -> rawCounts().containsKey(id("pushed")),
            IngestPushIT::rawCounts);
        assertThat(service.pushCount()).isEqualTo(1);

        // a forged push is answered 2xx and dropped
        assertThat(hub.push(selfUrl(), feed() .replace("</feed>", entry("forged") + "</feed>"), false)).isEqualTo(202);

        // the hub granted 8 s; renewed within its last 3 s, by a poll scheduled for it
        Await.until("a renewed lease", Duration.ofSeconds(20), () -> hub.verifiedSubscribes() >= 2, hub::describe);
        assertThat(service.pollCount() - pollsWhileSubscribed).as("polls while pushed (safety net only)")
            .isLessThanOrEqualTo(4);

        // the hub goes away: renewals fail, the lease runs out, and polling brings new entries again
        hub.close();
        ENTRIES.add("polled");
        Await.until("the next entry by poll", Duration.ofSeconds(30), () -> rawCounts().containsKey(id("polled")),
            IngestPushIT::rawCounts);
      }
      Map<String, Integer> counts = rawCounts();
      assertThat(counts).doesNotContainKey(id("forged"));
      assertThat(counts).containsOnlyKeys(id("first"), id("pushed"), id("polled"));
      assertThat(counts.values()).as("each article published once").containsOnly(1);
    }
  }

  private static String id(String name) {
    return org.newsflow.common.article.ArticleIds.fromCanonicalUrl("https://pushed.example/" + name);
  }

  private static Map<String, Integer> rawCounts() {
    Properties p = props();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "counter-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Integer> counts = new HashMap<>();
    try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(TOPICS.articlesRaw().name()));
      long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      while (System.nanoTime() < end) {
        c.poll(Duration.ofMillis(100)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
      }
    }
    return counts;
  }
}
