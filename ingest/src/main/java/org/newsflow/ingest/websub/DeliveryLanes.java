package org.newsflow.ingest.websub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs pushed deliveries on a fixed number of threads: the deliveries of one feed one after the other in the order
 * they came (a feed's documents are taken in order), those of different feeds side by side. A delivery waits for
 * Kafka to acknowledge its articles (the producer lingers to batch), so with one thread for every feed the pushes of
 * a busy hub queue behind each other's acknowledgements; lanes let those waits overlap and share batches.
 */
final class DeliveryLanes implements AutoCloseable {

  private final List<ExecutorService> lanes = new ArrayList<>();

  /** {@code count} lanes, each one thread named {@code websub-delivery-N}. */
  DeliveryLanes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one lane, not " + count);
    }
    for (int i = 0; i < count; i++) {
      lanes.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("websub-delivery-" + i).daemon().factory()));
    }
  }

  /** Runs the delivery on the lane of its feed. */
  void execute(String feedId, Runnable delivery) {
    lanes.get(Math.floorMod(feedId.hashCode(), lanes.size())).execute(delivery);
  }

  /** Lets queued deliveries finish for up to five seconds in all, then drops the rest. */
  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      for (ExecutorService lane : lanes) {
        lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lanes.forEach(ExecutorService::shutdownNow);
  }
}
