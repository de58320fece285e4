package org.newsflow.sink.deadletter;

import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes dead letters to the dead-letter topic with the original key and bytes and headers naming the error and
 * the origin, and counts them by reason. The sends belong to the caller's Kafka transaction, which also carries the
 * round's offsets: its commit waits for them and fails if any of them failed, so they are not awaited one by one.
 */
public final class DeadLetterWriter {

  /** Why the sink set the record aside. */
  public static final String HEADER_ERROR = "newsflow.error";
  /** Exception class or OpenSearch error kind. */
  public static final String HEADER_EXCEPTION = "newsflow.error.exception";
  /** Origin topic. */
  public static final String HEADER_TOPIC = "newsflow.origin.topic";
  /** Origin partition. */
  public static final String HEADER_PARTITION = "newsflow.origin.partition";
  /** Origin offset. */
  public static final String HEADER_OFFSET = "newsflow.origin.offset";

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final MeterRegistry metrics;

  /**
   * @param producer a transactional producer (not closed here)
   * @param topic    the dead-letter topic
   * @param metrics  where {@code newsflow.dead.letters} is counted
   */
  public DeadLetterWriter(Producer<byte[], byte[]> producer, String topic, MeterRegistry metrics) {
    this.producer = producer;
    this.topic = topic;
    this.metrics = metrics;
  }

  /**
   * Sends one dead letter within the producer's open transaction, without waiting: a failed send fails the
   * transaction's commit.
   */
  public void send(DeadLetter d) {
    ConsumerRecord<byte[], byte[]> r = d.record();
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, r.key(), r.value());
    Headers h = dead.headers();
    h.add(HEADER_ERROR, utf8("sink could not index the record: " + d.message()));
    h.add(HEADER_EXCEPTION, utf8(d.exception()));
    h.add(HEADER_TOPIC, utf8(r.topic()));
    h.add(HEADER_PARTITION, utf8(String.valueOf(r.partition())));
    h.add(HEADER_OFFSET, utf8(String.valueOf(r.offset())));
    producer.send(dead);
  }

  /** Counts a dead letter whose transaction committed; one that was aborted is sent and counted again later. */
  public void committed(DeadLetter d) {
    metrics.counter("newsflow.dead.letters", "stage", "sink", "reason", d.exception().startsWith("opensearch.")
        ? d.exception() : "unreadable").increment();
  }

  /** The dead-letter topic. */
  public String topic() {
    return topic;
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }
}
