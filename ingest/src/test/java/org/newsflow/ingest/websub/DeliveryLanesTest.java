package org.newsflow.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsflow.testsupport.Await;

class DeliveryLanesTest {

  @Test
  void shouldDeliverOtherFeedsWhileOneFeedsDeliveryWaits() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> done = new CopyOnWriteArrayList<>();
    try (DeliveryLanes lanes = new DeliveryLanes(8)) {
      lanes.execute("slow-feed", () -> {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        done.add("slow-feed");
      });
      // feeds on other lanes than the blocked one get through while it waits
      List<String> others = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "feed-" + i)
          .filter(f -> Math.floorMod(f.hashCode(), 8) != Math.floorMod("slow-feed".hashCode(), 8)).toList();
      others.forEach(f -> lanes.execute(f, () -> done.add(f)));
      Await.until("the other feeds' deliveries", Duration.ofSeconds(10), () -> done.containsAll(others),
          () -> "done: " + done);
      assertThat(done).doesNotContain("slow-feed");
      release.countDown();
      Await.until("the slow feed's delivery", Duration.ofSeconds(10), () -> done.contains("slow-feed"));
    }
  }

  @Test
  void shouldKeepOneFeedsDeliveriesInOrder() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try (DeliveryLanes lanes = new DeliveryLanes(4)) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        lanes.execute("one-feed", () -> seen.add(n));
      }
      Await.until("all deliveries", Duration.ofSeconds(10), () -> seen.size() == 200);
    }
    assertThat(seen).isSorted();
  }
}
