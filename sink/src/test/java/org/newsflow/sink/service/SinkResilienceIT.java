package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.opensearch.OpenSearchConnection;

/**
 * 10,000 articles (a tenth with a newer revision, a hundredth with a stale revision sent last) while the OpenSearch
 * node is stopped for 30 s and the sink is killed once: afterwards the index holds exactly 10,000 documents, each
 * at its newest revision, and the dead-letter topic exactly the deliberately malformed records.
 */
class SinkResilienceIT {

  static final int ARTICLES = 10_000;
  static final int REVISED = 1_000;
  static final int STALE = 100;
  static final int UNINDEXABLE = 20;
  static final int NOT_JSON = 10;

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  final ArticleJson json = new ArticleJson();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServers() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    openSearch.start();
  }

  @AfterAll
  static void stopServers() {
    openSearch.close();
    kafka.close();
  }

  private Properties clientProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private static Article article(int i, int revision, double lat) {
    String id = String.format("%032x", i);
    return Article.builder().id(id).url("https://r.invalid/" + i).title("Article " + i + " rev" + revision)
        .text("Body of article " + i + " in revision " + revision + ". ".repeat(20))
        .published(Instant.parse("2025-01-01T00:00:00Z"))
        .updated(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * revision))
        .entities(List.of(new Entity("Place " + (i % 50), EntityType.LOCATION, "p" + (i % 50), 1, 0.5, Map.of(), lat, 10.0, List.of())))
        .build();
  }

  @Test
  void shouldEndWithExactlyTheNewestRevisionOfEveryArticleDespiteAnOutageAndACrash() throws Exception {
    Topics topics = new Topics("resilience");
    TopicAdmin.ensureTopics(clientProps(), topics.all(), 3, 1, Duration.ofSeconds(30));
    String topic = topics.articlesEnriched().name();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clientProps(), new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < ARTICLES; i++) {
        Article a = article(i, 1, i < UNINDEXABLE ? 500.0 : 45.0);
        producer.send(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
      }
      for (int i = UNINDEXABLE; i < REVISED + UNINDEXABLE; i++) {
        Article a = article(i, 2, 45.0);
        producer.send(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
      }
      for (int i = UNINDEXABLE; i < STALE + UNINDEXABLE; i++) {
        Article a = article(i, 0, 45.0);
        producer.send(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
      }
      for (int i = 0; i < NOT_JSON; i++) {
        producer.send(new ProducerRecord<>(topic, "garbage-" + i, ("{broken " + i).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }

    String alias = "resilience-articles";
    SinkService first = sink(topics, alias);
    first.start();
    awaitCount(alias, 1_000, Duration.ofSeconds(60));

    openSearch.stopNode();
    long outageStart = System.nanoTime();
    Thread.sleep(3_000);
    assertThat(first.health().ready()).as("sink reports not ready while OpenSearch is down").isFalse();
    first.close(); // killed mid-retry: nothing after its last commit is acknowledged
    SinkService second = sink(topics, alias);
    second.start();
    Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - outageStart) / 1_000_000));
    openSearch.restart();

    try {
      awaitCount(alias, ARTICLES - UNINDEXABLE, Duration.ofSeconds(120));
      Thread.sleep(2_000); // any straggler would show up as a count above the expected one
      assertThat(count(alias, null)).isEqualTo(ARTICLES - UNINDEXABLE);
      assertThat(count(alias, "\"rev2\"")).isEqualTo(REVISED);
      assertThat(count(alias, "\"rev0\"")).isZero();
      assertThat(count(alias, "\"rev1\"")).isEqualTo(ARTICLES - UNINDEXABLE - REVISED);
      assertThat(deadLetterKeys(topics)).hasSize(UNINDEXABLE + NOT_JSON)
          .allMatch(k -> k.startsWith("garbage-") || Integer.parseInt(k, 16) < UNINDEXABLE);
      assertThat(second.health().ready()).isTrue();
    } finally {
      second.close();
    }
  }

  private SinkService sink(Topics topics, String alias) {
    return new SinkService(clientProps(), "resilience", topics,
        new OpenSearchConnection(List.of(openSearch.url()), null, null, null), alias, 500, 5 << 20, 2,
        Duration.ofSeconds(2), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  private long count(String alias, String titleQuery) throws Exception {
    http.send(HttpRequest.newBuilder(URI.create(openSearch.url() + "/" + alias + "/_refresh"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    String body = titleQuery == null ? "{\"query\":{\"match_all\":{}}}"
        : "{\"query\":{\"match_phrase\":{\"title\":" + titleQuery + "}}}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(openSearch.url() + "/" + alias + "/_count"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode n = json.mapper().readTree(r.body());
    return n.path("count").asLong(-1);
  }

  private void awaitCount(String alias, long atLeast, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (count(alias, null) >= atLeast) {
          return;
        }
      } catch (java.io.IOException e) {
        // node restarting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("index did not reach " + atLeast + " documents in " + timeout);
  }

  private List<String> deadLetterKeys(Topics topics) {
    Properties p = clientProps();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-check");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    java.util.Set<String> keys = new java.util.HashSet<>();
    java.util.List<String> all = new java.util.ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topics.deadLetters().name()));
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < end) {
        c.poll(Duration.ofMillis(200)).forEach(r -> all.add(new String(r.key(), StandardCharsets.UTF_8)));
      }
    }
    keys.addAll(all);
    assertThat(all).as("no record dead-lettered twice").hasSameSizeAs(keys);
    return all;
  }
}
