package org.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

  @Test
  void shouldNeverLetMoreThanTheLimitIntoOneHost() throws Exception {
    HostLimiter limiter = new HostLimiter(2, Duration.ZERO);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        pool.submit(() -> {
          try (HostLimiter.Permit p = limiter.acquire("example.org")) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(5);
            inFlight.decrementAndGet();
          }
          return null;
        });
      }
    }
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void shouldSpaceRequestStartsOnOneHostButNotAcrossHosts() throws Exception {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    List<Duration> sleeps = new ArrayList<>();
    HostLimiter limiter = new HostLimiter(10, Duration.ofMillis(100), now::get, d -> {
      sleeps.add(d);
      now.addAndGet(d.toNanos()); // the fake clock moves only by sleeping
    });
    long t0 = now.get();
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a.example").close();
    }
    assertThat(Duration.ofNanos(now.get() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    long t1 = now.get();
    limiter.acquire("b.example").close();
    assertThat(Duration.ofNanos(now.get() - t1)).isLessThan(Duration.ofMillis(90));
    assertThat(sleeps).hasSize(2);
  }
}
