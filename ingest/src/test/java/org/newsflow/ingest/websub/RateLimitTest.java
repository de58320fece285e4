package org.newsflow.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void shouldAllowABurstThenRefillAtTheRate() {
    AtomicLong now = new AtomicLong();
    RateLimit limit = new RateLimit(5, now::get);
    for (int i = 0; i < 5; i++) {
      assertThat(limit.tryAcquire()).as("burst " + i).isTrue();
    }
    assertThat(limit.tryAcquire()).isFalse();
    now.addAndGet(200_000_000L); // 0.2 s: one token at 5/s
    assertThat(limit.tryAcquire()).isTrue();
    assertThat(limit.tryAcquire()).isFalse();
    now.addAndGet(60_000_000_000L); // a minute: full again, never more than the burst
    int taken = 0;
    while (limit.tryAcquire()) {
      taken++;
    }
    assertThat(taken).isEqualTo(5);
  }
}
