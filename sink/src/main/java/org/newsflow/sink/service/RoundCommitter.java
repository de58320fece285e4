package org.newsflow.sink.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.newsflow.sink.deadletter.DeadLetter;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.round.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a completed round: its dead letters and the offsets past its records in one Kafka transaction, so that a
 * crash anywhere leaves either both (the round is done) or neither (it is read again, and its dead letters, aborted,
 * are invisible to {@code read_committed} readers). The offsets go with the consumer's group metadata, so the group
 * coordinator refuses them once this consumer's generation is over: an instance that lost its partitions in a
 * rebalance cannot commit them, whatever its {@code transactional.id}. Rounds without dead letters take the same
 * path: one commit path, one guarantee, for 2–3 ms more per round than {@code commitSync} (docs/BENCHMARKS.md).
 */
final class RoundCommitter {

  private static final Logger LOG = LoggerFactory.getLogger(RoundCommitter.class);

  /** The producer cannot go on: it was fenced, or the transaction's outcome is unknown. */
  static final class ProducerUnusableException extends IllegalStateException {
    ProducerUnusableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Producer<byte[], byte[]> producer;
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetterWriter deadLetters;
  private final String transactionalId;

  /**
   * @param producer        a transactional producer, its transactions initialised
   * @param consumer        the consumer whose offsets and group generation go into the transaction
   * @param deadLetters     writes dead letters with that producer
   * @param transactionalId the producer's {@code transactional.id}, for messages
   */
  RoundCommitter(Producer<byte[], byte[]> producer, Consumer<byte[], byte[]> consumer, DeadLetterWriter deadLetters,
                 String transactionalId) {
    this.producer = producer;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.transactionalId = transactionalId;
  }

  /**
   * Commits {@code round}. Returns false when the transaction was aborted: nothing of the round is committed and
   * the caller must read its records again.
   *
   * @throws ProducerUnusableException when the producer must be closed (fenced, or the outcome unknown); nothing of
   *                                   the round is known to be committed, so its records must be read again too
   */
  boolean commit(Round round) {
    Map<TopicPartition, OffsetAndMetadata> offsets = offsets(round.records());
    List<DeadLetter> letters = List.copyOf(round.deadLetters());
    if (offsets.isEmpty()) {
      return true;
    }
    try {
      producer.beginTransaction();
      letters.forEach(deadLetters::send);
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
             | UnsupportedVersionException e) {
      // no abort: the producer refuses every further call; the broker aborts or has aborted the transaction
      LOG.error("the sink's dead-letter producer (transactional.id {}) can no longer write: {}. A producer fenced "
          + "this way means another instance started with the same transactional.id (a restart of this instance, or "
          + "another running instance given the same sink.instance.id), or the broker timed out its "
          + "transaction. Nothing of the round ({} records, {} dead letters) is committed; a new consumer and producer "
          + "read it again", transactionalId, e, round.records().size(), letters.size());
      throw new ProducerUnusableException("transactional producer " + transactionalId + " fenced or failed", e);
    } catch (TimeoutException e) {
      // the commit may or may not have gone through: a new producer with the same id settles it when it starts
      LOG.warn("the transaction of transactional.id {} timed out, its outcome unknown ({}); the producer is "
          + "replaced, which completes or aborts it, and the round is read again from the committed offsets",
          transactionalId, e.getMessage());
      throw new ProducerUnusableException("transaction of " + transactionalId + " timed out", e);
    } catch (KafkaException e) {
      abort(e);
      LOG.warn("round of {} records not committed ({}); its transaction was aborted, its {} dead letters are "
          + "invisible to read_committed readers, and it is read again", round.records().size(), e.getMessage(),
          letters.size());
      return false;
    }
    letters.forEach(deadLetters::committed);
    return true;
  }

  private void abort(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      e.addSuppressed(cause);
      LOG.error("could not abort the transaction of transactional.id {} after {}: {}", transactionalId,
          cause.getMessage(), e.toString());
      throw new ProducerUnusableException("could not abort the transaction of " + transactionalId, e);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }
}
