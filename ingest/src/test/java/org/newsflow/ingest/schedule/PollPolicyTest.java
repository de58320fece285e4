package org.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

  private final PollPolicy policy = new PollPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(2),
      Duration.ofSeconds(30), Duration.ofHours(1), true);

  @Test
  void shouldPollAnHourlyFeedEveryHalfHour() {
    Instant t = Instant.parse("2024-03-14T00:00:00Z");
    List<Instant> hourly = List.of(t, t.plusSeconds(3600), t.plusSeconds(7200), t.plusSeconds(10800));
    assertThat(policy.intervalFor(null, hourly)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void shouldKeepAdaptiveIntervalsWithinBounds() {
    Instant t = Instant.parse("2024-03-14T00:00:00Z");
    assertThat(policy.intervalFor(null, List.of(t, t.plusSeconds(1), t.plusSeconds(2)))).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.intervalFor(null, List.of(t, t.plusSeconds(86400 * 7), t.plusSeconds(86400 * 14))))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldPreferTheFeedsConfiguredInterval() {
    assertThat(policy.intervalFor(Duration.ofMinutes(7), List.of())).isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void shouldUseTheDefaultWhenTooFewDatesAreKnown() {
    assertThat(policy.intervalFor(null, List.of(Instant.EPOCH))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldHonourTtlAndMaxAgeUpToTheMaximum() {
    assertThat(policy.afterSuccess(Duration.ofMinutes(5), Duration.ofMinutes(60), null)).isEqualTo(Duration.ofMinutes(60));
    assertThat(policy.afterSuccess(Duration.ofMinutes(5), null, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.afterSuccess(Duration.ofMinutes(5), Duration.ofDays(1), null)).isEqualTo(Duration.ofHours(2));
    assertThat(policy.afterSuccess(Duration.ofMinutes(5), Duration.ofMinutes(1), null)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldBackOffExponentiallyWithJitterUpToTheCap() {
    Random r = new Random(1);
    for (int failures = 1; failures <= 12; failures++) {
      Duration expected = Duration.ofSeconds(30L << (failures - 1));
      if (expected.compareTo(Duration.ofHours(1)) > 0) {
        expected = Duration.ofHours(1);
      }
      Duration d = policy.afterFailure(failures, null, r);
      assertThat(d).isBetween(expected.dividedBy(2), expected);
    }
    assertThat(policy.afterFailure(1000, null, r)).isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldWaitExactlyAsLongAsRetryAfterSays() {
    assertThat(policy.afterFailure(1, Duration.ofSeconds(120), new Random())).isEqualTo(Duration.ofSeconds(120));
  }
}
