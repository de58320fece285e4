package org.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    HostLimiter limiter = new HostLimiter(10, Duration.ofMillis(100));
    long t0 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a.example").close();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    long t1 = System.nanoTime();
    limiter.acquire("b.example").close();
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(90));
  }
}
