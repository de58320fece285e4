package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.index.BulkResult;
import org.newsflow.sink.round.RoundGatherer;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.sink.window.RequestWindow;

/**
 * The loop against a mock consumer and a mock transactional producer: what is not committed is read again after an
 * aborted transaction and after a rebalance, and no later round is ever committed past it.
 */
class SinkLoopTest {

  static final String TOPIC = "t.articles.enriched";
  static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  final RoundCommitterTest.RecordingProducer producer = new RoundCommitterTest.RecordingProducer();
  final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final SinkStatus status = new SinkStatus();
  final List<Long> pauses = new ArrayList<>();

  {
    status.running(true);
    producer.initTransactions();
  }

  private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, String value) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset,
        ("k" + tp.partition() + "-" + offset).getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** Two tombstones and a record that is not JSON on each partition. */
  private void addRecords(TopicPartition... partitions) {
    for (TopicPartition tp : partitions) {
      consumer.addRecord(record(tp, 0, null));
      consumer.addRecord(record(tp, 1, "{broken"));
      consumer.addRecord(record(tp, 2, null));
    }
  }

  private SinkLoop loop(RequestWindow window, BooleanSupplier running) {
    RequestSettler settler = new RequestSettler(ops -> new BulkResult.Written<>(ops.size(), List.of(), List.of()),
        ms -> true, status, new SinkMetrics(registry, status, java.time.Clock.systemUTC()), Duration.ofMillis(10), "test");
    return new SinkLoop(consumer, new RoundGatherer(100, 1 << 20, 0),
        new RoundPreparer(new ArticleDocuments(new ArticleJson().mapper()), 100, 1 << 20), window, settler,
        new RoundCommitter(producer, consumer, new DeadLetterWriter(producer, "t.dlq", registry), "test-1"),
        ms -> {
          pauses.add(ms);
          return true;
        }, Duration.ofMillis(300), running);
  }

  /** Runs the loop until {@code done} or for 10 s, whichever first (a mock consumer's poll does not wait). */
  private void runUntil(RequestWindow window, BooleanSupplier done, Runnable everyTurn) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    SinkLoop loop = loop(window, () -> {
      everyTurn.run();
      return !done.getAsBoolean() && System.nanoTime() < end;
    });
    consumer.subscribe(List.of(TOPIC), loop);
    consumer.rebalance(List.of(P0, P1));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    addRecords(P0, P1);
    loop.run();
  }

  private List<String> committedDeadLetterKeys() {
    return producer.history().stream().map(ProducerRecord::key).map(k -> new String(k, StandardCharsets.UTF_8)).toList();
  }

  private Map<TopicPartition, OffsetAndMetadata> lastCommittedOffsets() {
    var history = producer.consumerGroupOffsetsHistory();
    return history.isEmpty() ? Map.of() : history.getLast().values().iterator().next();
  }

  @Test
  void shouldReadARoundAgainAfterItsTransactionWasAbortedAndCommitItsDeadLettersOnce() {
    producer.commitTransactionException = new KafkaException("broker said no");
    AtomicInteger aborts = new AtomicInteger();
    try (RequestWindow window = new RequestWindow(2, ops -> new BulkResult.Written<>(ops.size(), List.of(), List.of()))) {
      runUntil(window, () -> !producer.consumerGroupOffsetsHistory().isEmpty(), () -> {
        if (producer.transactionAborted() && aborts.getAndIncrement() == 0) {
          // from now on the broker takes the commit; it delivers what the consumer's positions ask for again
          producer.commitTransactionException = null;
          addRecords(P0, P1);
        }
      });
    }

    assertThat(producer.calls).containsSubsequence("commit", "abort", "begin", "commit");
    assertThat(pauses).containsExactly(100L);
    assertThat(committedDeadLetterKeys()).containsExactlyInAnyOrder("k0-1", "k1-1");
    assertThat(lastCommittedOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(3)));
  }

  @Test
  void shouldWaitLongerAfterEachAbortedTransactionInARow() {
    producer.commitTransactionException = new KafkaException("the dead-letter topic refuses the record");
    AtomicInteger seen = new AtomicInteger();
    try (RequestWindow window = new RequestWindow(2, ops -> new BulkResult.Written<>(ops.size(), List.of(), List.of()))) {
      runUntil(window, () -> seen.get() >= 4, () -> {
        long aborts = producer.calls.stream().filter("abort"::equals).count();
        if (aborts > seen.get()) {
          seen.set((int) aborts);
          addRecords(P0, P1);
        }
      });
    }

    assertThat(pauses).startsWith(100L, 200L, 300L, 300L);
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldGiveUpARoundInFlightWhenAPartitionIsRevokedAndReadTheKeptPartitionAgain() throws Exception {
    java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger rebalances = new AtomicInteger();
    try (RequestWindow window = new RequestWindow(2, ops -> {
      sent.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new BulkResult.Written<>(ops.size(), List.of(), List.of());
    })) {
      runUntil(window, () -> !producer.consumerGroupOffsetsHistory().isEmpty(), () -> {
        if (sent.getCount() == 0 && rebalances.getAndIncrement() == 0) {
          // the first round's request is in flight: partition 1 goes to another instance, which reads it from its
          // committed offset; this one keeps partition 0, and the broker delivers what its position asks for
          consumer.rebalance(List.of(P0));
          consumer.addRecord(record(P0, 0, null));
          consumer.addRecord(record(P0, 1, "{broken"));
          consumer.addRecord(record(P0, 2, null));
          release.countDown();
        }
      });
    }

    assertThat(committedDeadLetterKeys()).as("partition 1's dead letter is its new owner's to write")
        .containsExactly("k0-1");
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
    assertThat(lastCommittedOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
  }
}
