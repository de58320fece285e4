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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.JavaProcess;
import org.newsflow.testsupport.KafkaInput;

/**
 * 10,000 articles (a tenth with a newer revision, a hundredth with a stale revision sent last) while the OpenSearch
 * node is stopped for 30 s and the sink, a process of its own, is killed with SIGKILL in the middle of its retries
 * and started again: afterwards the index holds exactly 10,000 documents, each
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
    List<ProducerRecord<String, byte[]>> input = new java.util.ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      Article a = article(i, 1, i < UNINDEXABLE ? 500.0 : 45.0);
      input.add(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
    }
    for (int i = UNINDEXABLE; i < REVISED + UNINDEXABLE; i++) {
      Article a = article(i, 2, 45.0);
      input.add(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
    }
    for (int i = UNINDEXABLE; i < STALE + UNINDEXABLE; i++) {
      Article a = article(i, 0, 45.0);
      input.add(new ProducerRecord<>(topic, a.id(), json.toBytes(a)));
    }
    for (int i = 0; i < NOT_JSON; i++) {
      input.add(new ProducerRecord<>(topic, "garbage-" + i, ("{broken " + i).getBytes(StandardCharsets.UTF_8)));
    }
    // records sent again after a refusal may land out of order: the sink's versioned writes make that irrelevant
    KafkaInput.sendAll(clientProps(), input);

    String alias = "resilience-articles";
    JavaProcess first = worker("sink-1", topics, alias);
    JavaProcess second = null;
    try {
      awaitCount(alias, 1_000, Duration.ofSeconds(120), first);

      openSearch.stopNode();
      long outageStart = System.nanoTime();
      first.awaitOutput("not ready: ", Duration.ofSeconds(30));
      // killed mid-retry with SIGKILL: nothing after its last commit is acknowledged, no close runs
      first.kill();
      second = worker("sink-2", topics, alias);
      second.awaitOutput("not ready: ", Duration.ofSeconds(60));
      // the outage lasts 30 s in all: this is the fault being injected, not a wait for a result
      Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - outageStart) / 1_000_000));
      openSearch.restart();

      JavaProcess last = second;
      awaitCount(alias, ARTICLES - UNINDEXABLE, Duration.ofSeconds(180), last);
      // once every offset is committed, every write and dead letter before it is done: nothing more can arrive
      Await.until("the sink's offsets at the end of the topic", Duration.ofSeconds(60),
          () -> SinkChecks.lag(clientProps(), "resilience", topic) == 0,
          () -> "lag " + SinkChecks.lag(clientProps(), "resilience", topic) + "; " + last.describe());
      assertThat(count(alias, null)).isEqualTo(ARTICLES - UNINDEXABLE);
      assertThat(count(alias, "\"rev2\"")).isEqualTo(REVISED);
      assertThat(count(alias, "\"rev0\"")).isZero();
      assertThat(count(alias, "\"rev1\"")).isEqualTo(ARTICLES - UNINDEXABLE - REVISED);
      assertThat(deadLetterKeys(topics)).hasSize(UNINDEXABLE + NOT_JSON)
          .allMatch(k -> k.startsWith("garbage-") || Integer.parseInt(k, 16) < UNINDEXABLE);
      Await.until("the restarted sink to report ready", Duration.ofSeconds(30),
          () -> lastReadiness(last).startsWith("ready: "), last::describe);
    } finally {
      first.kill();
      if (second != null) {
        second.kill();
      }
    }
  }

  private static String lastReadiness(JavaProcess sink) {
    return sink.output().lines().map(l -> l.substring(l.indexOf(' ') + 1))
        .filter(l -> l.startsWith("ready: ") || l.startsWith("not ready: ")).reduce((x, y) -> y).orElse("");
  }

  private JavaProcess worker(String name, Topics topics, String alias) throws Exception {
    return JavaProcess.start(name, dir.resolve("workers"), 512, SinkWorker.class.getName(),
        List.of(kafka.bootstrapServers(), topics.prefix(), "resilience", openSearch.url(), alias));
  }

  /** Records of {@code topic} after the sink group's committed offsets (all of them when nothing is committed). */
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

  private void awaitCount(String alias, long atLeast, Duration timeout, JavaProcess sink) throws Exception {
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(-1);
    Await.until(atLeast + " documents in the index", timeout, () -> {
      try {
        seen.set(count(alias, null));
      } catch (Exception e) {
        seen.set(-1); // the node is restarting
      }
      return seen.get() >= atLeast;
    }, () -> seen.get() + " documents; " + sink.describe());
  }

  private List<String> deadLetterKeys(Topics topics) throws Exception {
    Properties p = clientProps();
    // as any reader of the topic should: dead letters of a round whose transaction was aborted are not there
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> all = new java.util.ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = c.partitionsFor(topics.deadLetters().name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      Await.until("the whole dead-letter topic read", Duration.ofSeconds(30), () -> {
        c.poll(Duration.ofMillis(200)).forEach(r -> all.add(new String(r.key(), StandardCharsets.UTF_8)));
        return partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
      }, () -> all.size() + " read");
    }
    assertThat(all).as("no record dead-lettered twice").doesNotHaveDuplicates();
    return all;
  }
}
