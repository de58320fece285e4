package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.round.Round;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.KafkaInput;

/**
 * The crash the dead-letter transaction is for, placed exactly, on a real broker: an instance has written a round's
 * dead letters and sent its offsets when it dies, before the commit; a second instance (another transactional.id,
 * as a restarted process has) reads the round again once the broker has aborted the first one's transaction, and
 * commits it. A {@code read_committed} reader sees each dead letter once; the aborted copies are in the log.
 */
class RoundCommitterIT {

  static final String GROUP = "crash-window";

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  final RoundPreparer preparer = new RoundPreparer(new ArticleDocuments(new ArticleJson().mapper()), 100, 1 << 20);

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  private Properties client() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private static List<ConsumerRecord<byte[], byte[]>> pollAll(KafkaConsumer<byte[], byte[]> c, int count,
                                                              Duration max) throws InterruptedException {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    Await.until(count + " records", max, () -> {
      c.poll(Duration.ofMillis(200)).forEach(out::add);
      return out.size() >= count;
    }, () -> out.size() + " records");
    return out;
  }

  private Round settledRound(List<ConsumerRecord<byte[], byte[]>> records) {
    RoundPreparer.Prepared p = preparer.prepare(records);
    p.chunks().forEach(c -> c.round().settled());
    return p.round();
  }

  private List<String> deadLetterKeys(String topic, String isolation) throws InterruptedException {
    Properties p = client();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      Await.until("the dead-letter topic read to its end (" + isolation + ")", Duration.ofSeconds(30), () -> {
        c.poll(Duration.ofMillis(200)).forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
        return c.position(tp) >= end;
      }, () -> keys.size() + " read");
    }
    return keys;
  }

  @Test
  void shouldDeadLetterEachRecordOnceWhenAnInstanceDiesBetweenItsDeadLettersAndItsCommit() throws Exception {
    Topics topics = new Topics("crash");
    TopicAdmin.ensureTopics(client(), List.of(topics.articlesEnriched(), topics.deadLetters()), 1, 1,
        Duration.ofSeconds(30));
    String input = topics.articlesEnriched().name();
    String dlq = topics.deadLetters().name();
    KafkaInput.sendAll(client(), List.of(
        new ProducerRecord<>(input, "gone", null),
        new ProducerRecord<>(input, "broken-1", "{broken".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>(input, "broken-2", "not json".getBytes(StandardCharsets.UTF_8))));
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    // the first instance gets as far as it can without committing
    try (KafkaConsumer<byte[], byte[]> first = SinkChecks.sinkConsumer(client(), GROUP, input)) {
      KafkaProducer<byte[], byte[]> producer = SinkChecks.sinkProducer(client(), GROUP + "-sink-first");
      Round round = settledRound(pollAll(first, 3, Duration.ofSeconds(60)));
      DeadLetterWriter letters = new DeadLetterWriter(producer, dlq, metrics);
      producer.beginTransaction();
      round.deadLetters().forEach(letters::send);
      producer.sendOffsetsToTransaction(Map.of(new TopicPartition(input, 0), new OffsetAndMetadata(3)),
          first.groupMetadata());
      producer.flush();
      // dies here: no commit, no abort (a forced close sends nothing more)
      producer.close(Duration.ZERO);
    }

    // a new instance; its offset fetch waits until the broker times the open transaction out and aborts it
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> second = SinkChecks.sinkConsumer(client(), GROUP, input);
         KafkaProducer<byte[], byte[]> producer = SinkChecks.sinkProducer(client(), GROUP + "-sink-second")) {
      RoundCommitter committer = new RoundCommitter(producer, second, new DeadLetterWriter(producer, dlq, metrics),
          GROUP + "-sink-second");
      Round again = settledRound(pollAll(second, 3, Duration.ofSeconds(90)));
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(again.records()).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
      assertThat(committer.commit(again)).isTrue();
      System.out.println("the round was read again after " + waitedMs + " ms");
    }

    assertThat(deadLetterKeys(dlq, "read_committed")).as("what any reader of the topic sees")
        .containsExactly("broken-1", "broken-2");
    assertThat(deadLetterKeys(dlq, "read_uncommitted")).as("the dead instance's writes were there, aborted")
        .containsExactly("broken-1", "broken-2", "broken-1", "broken-2");
    try (Admin admin = Admin.create(client())) {
      assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get())
          .extractingByKey(new TopicPartition(input, 0)).extracting(OffsetAndMetadata::offset).isEqualTo(3L);
    }
  }
}
