package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.testsupport.Await;

/**
 * The sink on a real broker against a stand-in OpenSearch node that refuses bulk requests as a whole: refused
 * credentials make it not ready without a busy retry loop, and a request rejected for its content costs only the
 * document at fault.
 */
class SinkRefusalIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  final ArticleJson json = new ArticleJson();
  HttpServer node;
  /** Status the stand-in answers bulk requests with; 200 answers every item 201, except poison ones with 400. */
  final AtomicInteger bulkStatus = new AtomicInteger(200);
  final AtomicInteger bulkRequests = new AtomicInteger();

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @BeforeEach
  void startNode() throws Exception {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    node.createContext("/", ex -> {
      byte[] request = ex.getRequestBody().readAllBytes();
      int status = 200;
      String answer = "{\"acknowledged\":true}";
      if (ex.getRequestURI().getPath().equals("/_bulk")) {
        bulkRequests.incrementAndGet();
        String body = new String(request, StandardCharsets.UTF_8);
        status = bulkStatus.get();
        if (status == 200 && body.contains("POISON")) {
          status = 400;
        }
        answer = status == 200 ? items(body) : "{\"error\":{\"type\":\"refused\"},\"status\":" + status + "}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      if (ex.getRequestMethod().equals("HEAD")) {
        ex.sendResponseHeaders(status, -1);
      } else {
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
      }
      ex.close();
    });
    node.start();
  }

  @AfterEach
  void stopNode() {
    node.stop(0);
  }

  private static String items(String bulkBody) {
    long ops = bulkBody.lines().filter(l -> l.startsWith("{\"index\"")).count();
    StringBuilder sb = new StringBuilder("{\"errors\":false,\"items\":[");
    for (long i = 0; i < ops; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201}}");
    }
    return sb.append("]}").toString();
  }

  private Properties clientProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private Topics produce(String prefix, List<String> titles) throws Exception {
    Topics topics = new Topics(prefix);
    TopicAdmin.ensureTopics(clientProps(), topics.all(), 1, 1, Duration.ofSeconds(30));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clientProps(), new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < titles.size(); i++) {
        Article a = Article.builder().id(String.format("%032x", i)).url("https://r.invalid/" + i).title(titles.get(i))
            .text("text").published(Instant.parse("2025-01-01T00:00:00Z")).build();
        producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), a.id(), json.toBytes(a))).get();
      }
    }
    return topics;
  }

  private SinkService sink(Topics topics, String group, SimpleMeterRegistry registry) {
    return new SinkService(clientProps(), group, topics,
        new OpenSearchConnection(List.of("http://127.0.0.1:" + node.getAddress().getPort()), null, null, null),
        "refusal-articles", 100, 1 << 20, 2, Duration.ofSeconds(2), Duration.ofMillis(500), registry);
  }

  private long committed(String group, String topic) throws Exception {
    Properties p = clientProps();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
      return o == null ? 0 : o.offset();
    }
  }

  @Test
  void shouldReportNotReadyWithoutABusyLoopWhileCredentialsAreRefusedAndCatchUpOnceAccepted() throws Exception {
    Topics topics = produce("refused", List.of("one", "two", "three"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    bulkStatus.set(401);
    try (SinkService sink = sink(topics, "refused-sink", registry)) {
      sink.start();
      Await.until("the sink to report the refused credentials", Duration.ofSeconds(30),
          () -> sink.health().detail().contains("HTTP 401"), sink::health);
      assertThat(sink.health().ready()).isFalse();
      assertThat(sink.health().detail()).contains("opensearch.username");
      int before = bulkRequests.get();
      Instant from = Instant.now();
      Await.until("two more refused requests", Duration.ofSeconds(20), () -> bulkRequests.get() >= before + 2,
          bulkRequests::get);
      // the longest backoff is 2 s, jittered down to no less than 1 s: two more requests take at least 2 s
      assertThat(Duration.between(from, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
      Counter fatal = registry.find("newsflow.sink.bulk.failures").tag("outcome", "fatal").tag("status", "401").counter();
      assertThat(fatal).isNotNull();
      assertThat(fatal.count()).isGreaterThanOrEqualTo(3);
      assertThat(committed("refused-sink", topics.articlesEnriched().name())).isZero();

      bulkStatus.set(200);
      Await.until("the three documents written", Duration.ofSeconds(30), () -> sink.indexedCount() == 3,
          sink::health);
      Await.until("the offsets committed", Duration.ofSeconds(30),
          () -> committedQuietly("refused-sink", topics.articlesEnriched().name()) == 3);
      assertThat(sink.health().ready()).isTrue();
    }
  }

  private long committedQuietly(String group, String topic) {
    try {
      return committed(group, topic);
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void shouldDeadLetterOnlyTheDocumentThatGotItsWholeRequestRejected() throws Exception {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      titles.add(i == 13 ? "POISON" : "fine " + i);
    }
    Topics topics = produce("malformed", titles);
    try (SinkService sink = sink(topics, "malformed-sink", new SimpleMeterRegistry())) {
      sink.start();
      Await.until("19 documents written", Duration.ofSeconds(60), () -> sink.indexedCount() == 19, sink::health);
      List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
      Properties p = clientProps();
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "malformed-dlq");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        c.subscribe(List.of(topics.deadLetters().name()));
        Await.until("a dead letter", Duration.ofSeconds(30), () -> {
          c.poll(Duration.ofMillis(200)).forEach(dead::add);
          return !dead.isEmpty();
        });
      }
      assertThat(dead).singleElement().satisfies(d -> {
        assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo(String.format("%032x", 13));
        assertThat(new String(d.headers().lastHeader(DeadLetterWriter.HEADER_EXCEPTION).value(), StandardCharsets.UTF_8))
            .isEqualTo("opensearch.request.400");
      });
      Await.until("the offsets committed", Duration.ofSeconds(30),
          () -> committedQuietly("malformed-sink", topics.articlesEnriched().name()) == 20);
      assertThat(sink.health().ready()).isTrue();
    }
  }
}
