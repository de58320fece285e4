package org.newsflow.sink.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits before a retry while keeping the group membership alive: partitions are paused so polling fetches
 * nothing (what a poll returns all the same, from a partition assigned during it, is sought back). The wait is
 * jittered (half to all of it) so that many instances do not retry in step.
 */
final class ConsumerPause implements RequestSettler.Pause {

  private final Consumer<byte[], byte[]> consumer;
  private final BooleanSupplier running;

  ConsumerPause(Consumer<byte[], byte[]> consumer, BooleanSupplier running) {
    this.consumer = consumer;
    this.running = running;
  }

  @Override
  public boolean pause(long millis) {
    long jittered = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered);
    while (running.getAsBoolean() && System.nanoTime() < end) {
      long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      // paused again each time: a rebalance within a poll can assign partitions that are not paused yet
      consumer.pause(consumer.assignment());
      ConsumerRecords<byte[], byte[]> unwanted = consumer.poll(Duration.ofMillis(Math.min(100, Math.max(1, left))));
      // records of a partition assigned during that poll: handed back, or the loop would never see them
      for (TopicPartition tp : unwanted.partitions()) {
        consumer.seek(tp, unwanted.records(tp).getFirst().offset());
      }
    }
    consumer.resume(consumer.assignment());
    return running.getAsBoolean();
  }
}
