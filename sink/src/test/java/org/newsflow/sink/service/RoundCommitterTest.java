package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.round.Round;
import org.newsflow.sink.round.RoundPreparer;

class RoundCommitterTest {

  static final String DLQ = "t.articles.dlq";

  /** A mock transactional producer that also notes the order of the calls the committer makes. */
  static final class RecordingProducer extends MockProducer<byte[], byte[]> {
    final List<String> calls = new ArrayList<>();

    RecordingProducer() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void beginTransaction() {
      calls.add("begin");
      super.beginTransaction();
    }

    @Override
    public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
        ProducerRecord<byte[], byte[]> r) {
      calls.add("send " + new String(r.key(), StandardCharsets.UTF_8));
      return super.send(r);
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
      calls.add("offsets");
      super.sendOffsetsToTransaction(offsets, group);
    }

    @Override
    public void commitTransaction() {
      calls.add("commit");
      super.commitTransaction();
    }

    @Override
    public void abortTransaction() {
      calls.add("abort");
      super.abortTransaction();
    }
  }

  final RecordingProducer producer = new RecordingProducer();
  final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final RoundCommitter committer = new RoundCommitter(producer, consumer, new DeadLetterWriter(producer, DLQ, metrics),
      "test-sink-1");
  final RoundPreparer preparer = new RoundPreparer(new ArticleDocuments(new ArticleJson().mapper()), 10, 1 << 20);

  @BeforeEach
  void initTransactions() {
    producer.initTransactions();
  }

  private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String value) {
    return new ConsumerRecord<>("t.articles.enriched", partition, offset,
        ("k" + partition + "-" + offset).getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** A settled round of tombstones (no request needed to judge them) and records that are not JSON. */
  private Round round(ConsumerRecord<byte[], byte[]>... records) {
    RoundPreparer.Prepared p = preparer.prepare(List.of(records));
    p.chunks().forEach(c -> c.round().settled());
    return p.round();
  }

  private double deadLettersCounted() {
    return metrics.find("newsflow.dead.letters").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void shouldWriteTheDeadLettersAndThenTheOffsetsInOneCommittedTransaction() {
    Round round = round(record(0, 5, "{broken"), record(0, 6, null), record(1, 9, "not json either"));

    assertThat(committer.commit(round)).isTrue();

    assertThat(producer.calls).containsExactly("begin", "send k0-5", "send k1-9", "offsets", "commit");
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(DLQ);
    assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
        .satisfies(byGroup -> assertThat(byGroup.values()).singleElement().isEqualTo(Map.of(
            new TopicPartition("t.articles.enriched", 0), new OffsetAndMetadata(7),
            new TopicPartition("t.articles.enriched", 1), new OffsetAndMetadata(10))));
    assertThat(deadLettersCounted()).isEqualTo(2);
  }

  @Test
  void shouldCommitTheOffsetsOfARoundWithoutDeadLettersThroughATransactionToo() {
    assertThat(committer.commit(round(record(2, 0, null), record(2, 1, null)))).isTrue();

    assertThat(producer.calls).containsExactly("begin", "offsets", "commit");
    assertThat(producer.history()).isEmpty();
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
  }

  @Test
  void shouldAbortAndCommitNoOffsetsWhenTheOffsetsAreRefused() {
    // e.g. the group moved on to a new generation: the round's records are someone else's now
    producer.sendOffsetsToTransactionException = new org.apache.kafka.clients.consumer.CommitFailedException();

    assertThat(committer.commit(round(record(0, 5, "{broken")))).isFalse();

    assertThat(producer.calls).containsExactly("begin", "send k0-5", "offsets", "abort");
    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.transactionCommitted()).isFalse();
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
    assertThat(producer.history()).as("aborted dead letters are not part of the history").isEmpty();
    assertThat(deadLettersCounted()).isZero();
  }

  @Test
  void shouldAbortWhenTheCommitFailsAndCommitTheRoundWhenItComesAgain() {
    producer.commitTransactionException = new KafkaException("broker said no");
    Round round = round(record(0, 5, "{broken"));

    assertThat(committer.commit(round)).isFalse();
    assertThat(producer.calls).endsWith("commit", "abort");
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();

    producer.commitTransactionException = null;
    assertThat(committer.commit(round(record(0, 5, "{broken")))).isTrue();
    assertThat(producer.history()).hasSize(1);
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
    assertThat(deadLettersCounted()).isEqualTo(1);
  }

  @Test
  void shouldGiveUpTheProducerWithoutAbortingWhenItIsFenced() {
    producer.commitTransactionException = new ProducerFencedException("another producer has this id");

    assertThatThrownBy(() -> committer.commit(round(record(0, 5, "{broken"))))
        .isInstanceOf(RoundCommitter.ProducerUnusableException.class)
        .hasMessageContaining("test-sink-1")
        .hasCauseInstanceOf(ProducerFencedException.class);
    assertThat(producer.calls).doesNotContain("abort");
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
    assertThat(deadLettersCounted()).isZero();
  }

  @Test
  void shouldGiveUpTheProducerWhenTheAbortFailsToo() {
    producer.commitTransactionException = new KafkaException("broker said no");
    producer.abortTransactionException = new KafkaException("and no again");

    assertThatThrownBy(() -> committer.commit(round(record(0, 5, null))))
        .isInstanceOf(RoundCommitter.ProducerUnusableException.class);
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
  }
}
