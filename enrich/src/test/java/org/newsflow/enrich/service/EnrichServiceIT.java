package org.newsflow.enrich.service;

import org.newsflow.testsupport.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.cluster.SyntheticText;

/** The enrich service on a real in-process broker: dead letters, scaling out, and exactly-once across a crash. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichServiceIT {

  private static final int PARTITIONS = 3;

  private Path dir;
  private EmbeddedKafka kafka;
  private final ArticleJson json = new ArticleJson();

  @BeforeAll
  void startKafka(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
  }

  @AfterAll
  void stopKafka() {
    kafka.close();
  }

  private Topics topics(String prefix) {
    Topics t = new Topics(prefix);
    TopicAdmin.ensureTopics(clientProps(), t.all(), PARTITIONS, 1, Duration.ofSeconds(30));
    return t;
  }

  private Properties clientProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private List<Article> articles(int n, long seed) {
    SyntheticText gen = new SyntheticText(seed);
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String url = "https://example.org/" + seed + "/" + i;
      String text = SyntheticText.text(gen.words(60));
      out.add(Article.builder().id(ArticleIds.fromCanonicalUrl(url)).url(url).title("Article " + i).text(text)
          .published(Instant.parse("2024-03-14T09:30:00Z")).contentHash(ArticleIds.hash(text)).build());
    }
    return out;
  }

  private void produce(String topic, List<ProducerRecord<String, byte[]>> records) throws Exception {
    Properties p = clientProps();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (var r : records) {
        producer.send(r).get();
      }
    }
  }

  private void produceArticles(Topics topics, List<Article> articles) throws Exception {
    produce(topics.articlesRaw().name(), articles.stream()
        .map(a -> new ProducerRecord<>(topics.articlesRaw().name(), a.id(), json.toBytes(a))).toList());
  }

  /** Reads a topic with read_committed until {@code done} holds for what was read (or the timeout), then 1 s more. */
  private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                             Duration timeout) {
    Properties p = clientProps();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !done.test(out)) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      // anything that would make the count wrong (a duplicate) would arrive right after
      long grace = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < grace) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static Map<String, String> headers(ConsumerRecord<?, ?> r) {
    Map<String, String> h = new HashMap<>();
    for (Header header : r.headers()) {
      h.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return h;
  }

  private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void shouldSendUndeserialisableRecordsToTheDeadLetterTopicWithOriginHeadersAndKeepRunning() throws Exception {
    Topics topics = topics("dlq");
    Article good = articles(1, 1).getFirst();
    produce(topics.articlesRaw().name(), List.of(
        new ProducerRecord<>(topics.articlesRaw().name(), "bad-key", "this is not json".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>(topics.articlesRaw().name(), good.id(), json.toBytes(good))));
    try (EnrichService service = EnrichWorker.service(kafka.bootstrapServers(), "dlq", "dlq-app", dir.resolve("dlq"), 0)) {
      service.start();
      var dead = readCommitted(topics.deadLetters().name(), l -> !l.isEmpty(), Duration.ofSeconds(30));
      var enriched = readCommitted(topics.articlesEnriched().name(), l -> !l.isEmpty(), Duration.ofSeconds(30));

      assertThat(dead).hasSize(1);
      ConsumerRecord<byte[], byte[]> d = dead.getFirst();
      assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo("bad-key");
      assertThat(new String(d.value(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
      Map<String, String> h = headers(d);
      assertThat(h.get("__streams.errors.exception")).contains("InvalidArticleException");
      assertThat(h.get("__streams.errors.message")).contains("not a valid article");
      assertThat(h.get("__streams.errors.topic")).isEqualTo(topics.articlesRaw().name());
      assertThat(h).containsKeys("__streams.errors.partition", "__streams.errors.offset", "__streams.errors.stacktrace");
      assertThat(keys(enriched)).containsExactly(good.id());
      assertThat(service.health().ready()).isTrue();
    }
  }

  @Test
  void shouldShareThePartitionsBetweenTwoInstancesAndPublishEachArticleOnce() throws Exception {
    Topics topics = topics("scale");
    List<Article> input = articles(60, 2);
    try (EnrichService a = EnrichWorker.service(kafka.bootstrapServers(), "scale", "scale-app", dir.resolve("a"), 0);
         EnrichService b = EnrichWorker.service(kafka.bootstrapServers(), "scale", "scale-app", dir.resolve("b"), 0)) {
      a.start();
      b.start();
      awaitRunningWithTasks(a, b);
      produceArticles(topics, input);
      var out = readCommitted(topics.articlesEnriched().name(), l -> l.size() >= input.size(), Duration.ofSeconds(40));

      assertThat(keys(out)).hasSize(input.size()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(input.stream().map(Article::id).toList());
      // each instance runs tasks of the partitioned sub-topology; the one clustering task runs on one of them
      assertThat(activeTasks(a)).isNotEmpty();
      assertThat(activeTasks(b)).isNotEmpty();
    }
  }

  @Test
  void shouldPublishEachArticleExactlyOnceWhenAnInstanceIsKilledMidStreamAndRestarted() throws Exception {
    Topics topics = topics("crash");
    List<Article> input = articles(150, 3);
    List<Article> early = input.subList(0, EnrichWorker.FAST_ARTICLES);
    List<Article> late = input.subList(EnrichWorker.FAST_ARTICLES, input.size());
    Path state = dir.resolve("crash-state");
    // the first instance tags FAST_ARTICLES at full speed and then takes 500 ms an article: about a minute more
    Worker first = startWorker("crash", "crash-app", state, 500);
    try {
      produceArticles(topics, early);
      var committed = readCommitted(topics.articlesEnriched().name(), l -> l.size() >= early.size(), Duration.ofSeconds(120));
      assertThat(committed).as(first::describe).hasSize(early.size());
      produceArticles(topics, late);
      // kill inside the slow stretch: some of the late articles are tagged and committed, most are not yet
      first.awaitLine(" tagged " + (EnrichWorker.FAST_ARTICLES + 10), Duration.ofSeconds(60));
      assertThat(first.process().isAlive()).as("the first instance is still working when it is killed: %s",
          first.describe()).isTrue();
    } finally {
      first.process().destroyForcibly().waitFor();
    }
    Worker second = startWorker("crash", "crash-app", state, 0);
    try {
      var out = readCommitted(topics.articlesEnriched().name(), l -> l.size() >= input.size(), Duration.ofSeconds(120));
      assertThat(keys(out)).as(second::describe).hasSize(input.size()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(input.stream().map(Article::id).toList());
    } finally {
      second.process().destroyForcibly().waitFor();
    }
  }

  /** A worker process and the file its output goes to. */
  private record Worker(Process process, Path log) {

    /** Waits until the worker has printed a line containing {@code text}; fails with its log if it does not. */
    void awaitLine(String text, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (Files.readString(log).contains(text)) {
          return;
        }
        if (!process.isAlive()) {
          throw new AssertionError("worker exited before printing '" + text + "': " + describe());
        }
        Thread.sleep(100);
      }
      throw new AssertionError("worker did not print '" + text + "' within " + timeout + ": " + describe());
    }

    /** The worker's state and output, for a failure message. */
    String describe() {
      try {
        String out = Files.readString(log);
        return (process.isAlive() ? "alive" : "exited " + process.exitValue()) + ", output:\n"
            + (out.length() > 8000 ? "..." + out.substring(out.length() - 8000) : out);
      } catch (java.io.IOException e) {
        return "output unreadable: " + e;
      }
    }
  }

  private Worker startWorker(String prefix, String appId, Path state, long delayMs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile(dir, "worker", ".log");
    return new Worker(new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        EnrichWorker.class.getName(), kafka.bootstrapServers(), prefix, appId, state.toString(), String.valueOf(delayMs))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
  }

  private static List<?> activeTasks(EnrichService s) {
    return s.streams().metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream()).toList();
  }

  private static void awaitRunningWithTasks(EnrichService... services) throws InterruptedException {
    Await.until("every instance running with tasks", Duration.ofSeconds(40),
        () -> java.util.Arrays.stream(services)
            .allMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING && !activeTasks(s).isEmpty()),
        () -> java.util.Arrays.stream(services).map(s -> s.streams().state() + "/" + activeTasks(s).size() + " tasks")
            .toList());
  }
}
