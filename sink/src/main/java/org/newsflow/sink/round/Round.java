package org.newsflow.sink.round;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsflow.sink.deadletter.DeadLetter;

/**
 * The records of one round, how many of its bulk requests are not settled yet, and its dead letters (records that
 * are not articles, and documents OpenSearch rejected), to be written just before the round's offsets commit.
 * Used by the sink loop's thread only.
 */
public final class Round {

  private final List<ConsumerRecord<byte[], byte[]>> records;
  private final List<DeadLetter> deadLetters;
  private int outstanding;
  private boolean abandoned;

  Round(List<ConsumerRecord<byte[], byte[]>> records, List<DeadLetter> unreadable, int requests) {
    this.records = List.copyOf(records);
    this.deadLetters = new ArrayList<>(unreadable);
    this.outstanding = requests;
  }

  /** The records, in the order they were read. */
  public List<ConsumerRecord<byte[], byte[]>> records() {
    return records;
  }

  /** The dead letters so far. */
  public List<DeadLetter> deadLetters() {
    return Collections.unmodifiableList(deadLetters);
  }

  /** Sets a record aside, to be dead-lettered when the round completes. */
  public void deadLetter(DeadLetter d) {
    deadLetters.add(d);
  }

  /** One of the round's requests is settled: written, or its documents set aside. */
  public void settled() {
    if (outstanding == 0) {
      throw new IllegalStateException("more requests settled than the round has");
    }
    outstanding--;
  }

  /**
   * Gives the round up: it will not be committed, its records are read again (after a rebalance, or when its
   * transaction was aborted). Requests of it still in flight are then not settled.
   */
  public void abandon() {
    abandoned = true;
  }

  /** Whether the round was given up. */
  public boolean abandoned() {
    return abandoned;
  }

  /** Whether every request of the round is settled. */
  public boolean done() {
    return outstanding == 0;
  }
}
