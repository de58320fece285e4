package org.newsflow.sink.round;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Gathers polled records over several polls until a round is full (by count or bytes), nothing more arrives, or
 * the first record has waited long enough. One poll returns only about {@code max.partition.fetch.bytes} per
 * partition, which alone would make bulk requests small.
 */
public final class RoundGatherer {

  private final int targetDocs;
  private final long targetBytes;
  private final long maxWaitNanos;
  private List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
  private long bytes;
  private long firstAt;

  /**
   * @param targetDocs   records in a full round
   * @param targetBytes  bytes in a full round
   * @param maxWaitNanos longest time the first record waits for more
   */
  public RoundGatherer(int targetDocs, long targetBytes, long maxWaitNanos) {
    this.targetDocs = targetDocs;
    this.targetBytes = targetBytes;
    this.maxWaitNanos = maxWaitNanos;
  }

  /** Adds polled records, read at {@code now} (nanoTime). */
  public void add(Iterable<ConsumerRecord<byte[], byte[]>> records, long now) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      if (batch.isEmpty()) {
        firstAt = now;
      }
      batch.add(r);
      bytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
    }
  }

  /** Whether the round is full. */
  public boolean full() {
    return batch.size() >= targetDocs || bytes >= targetBytes;
  }

  /** Whether nothing is gathered. */
  public boolean isEmpty() {
    return batch.isEmpty();
  }

  /** Whether the round should go now: full, or the last poll was empty, or its first record waited long enough. */
  public boolean ready(boolean quiet, long now) {
    return !batch.isEmpty() && (full() || quiet || now - firstAt > maxWaitNanos);
  }

  /** Hands over the gathered records and starts a new round. */
  public List<ConsumerRecord<byte[], byte[]>> take() {
    List<ConsumerRecord<byte[], byte[]>> out = batch;
    batch = new ArrayList<>();
    bytes = 0;
    return out;
  }
}
