package org.newsflow.sink.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes dead letters to the dead-letter topic with the original key and bytes and headers naming the error and
 * the origin, and counts them by reason. Each write is awaited: the caller commits the record's offset next.
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
   * @param producer an idempotent producer (not closed here)
   * @param topic    the dead-letter topic
   * @param metrics  where {@code newsflow.dead.letters} is counted
   */
  public DeadLetterWriter(Producer<byte[], byte[]> producer, String topic, MeterRegistry metrics) {
    this.producer = producer;
    this.topic = topic;
    this.metrics = metrics;
  }

  /**
   * Writes one dead letter and waits for the broker's acknowledgement.
   *
   * @throws IllegalStateException when it cannot be written: committing past the record would then lose it
   */
  public void write(DeadLetter d) {
    ConsumerRecord<byte[], byte[]> r = d.record();
    metrics.counter("newsflow.dead.letters", "stage", "sink", "reason", d.exception().startsWith("opensearch.")
        ? d.exception() : "unreadable").increment();
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, r.key(), r.value());
    Headers h = dead.headers();
    h.add(HEADER_ERROR, utf8("sink could not index the record: " + d.message()));
    h.add(HEADER_EXCEPTION, utf8(d.exception()));
    h.add(HEADER_TOPIC, utf8(r.topic()));
    h.add(HEADER_PARTITION, utf8(String.valueOf(r.partition())));
    h.add(HEADER_OFFSET, utf8(String.valueOf(r.offset())));
    try {
      producer.send(dead).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to dead-letter topic " + topic, e);
    } catch (Exception e) {
      throw new IllegalStateException("could not write to dead-letter topic " + topic, e);
    }
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }
}
