package org.newsflow.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides how long a feed waits before its next poll.
 *
 * <p>After a success: the feed's configured interval if it has one; otherwise an adaptive interval, half the median
 * gap between the publication dates of its entries (so a feed publishing hourly is polled every 30 minutes), kept
 * within {@code [minInterval, maxInterval]}. The feed's own hints (RSS ttl, sy:updatePeriod, Cache-Control
 * max-age) are lower bounds, because polling sooner than the publisher says only costs both sides; they are
 * honoured up to {@code maxInterval}.
 *
 * <p>After a failure: exponential backoff from {@code initialBackoff}, doubled per consecutive failure up to
 * {@code maxBackoff}, with jitter in the upper half so failing feeds do not retry in lockstep. A Retry-After from
 * the server replaces the backoff (only for that feed; its host stays available to other feeds). Failing feeds are
 * never given up on.
 *
 * @param defaultInterval interval of a feed without a configured one before anything is known about it
 * @param minInterval     shortest adaptive interval
 * @param maxInterval     longest adaptive interval, and the cap on feed hints
 * @param initialBackoff  wait after the first failure
 * @param maxBackoff      longest wait after failures
 * @param adaptive        whether feeds without a configured interval adapt to their publishing rate
 */
public record PollPolicy(Duration defaultInterval, Duration minInterval, Duration maxInterval, Duration initialBackoff,
                         Duration maxBackoff, boolean adaptive) {

  /** Checks the bounds. */
  public PollPolicy {
    Objects.requireNonNull(defaultInterval, "defaultInterval");
    if (minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("minimum poll interval " + minInterval + " is above the maximum " + maxInterval);
    }
    if (initialBackoff.compareTo(maxBackoff) > 0) {
      initialBackoff = maxBackoff;
    }
  }

  /** A fixed-interval policy: no adaptation, backoff from a second up to {@code maxBackoff}. */
  public static PollPolicy fixed(Duration interval, Duration maxBackoff) {
    Duration initial = interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
    return new PollPolicy(interval, interval, interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff, initial,
        maxBackoff, false);
  }

  /**
   * The interval a feed earns from the publication dates of its entries, or null when there are too few to tell.
   *
   * @param configured the feed's configured interval, which always wins, may be null
   */
  public Duration intervalFor(Duration configured, List<Instant> published) {
    if (configured != null) {
      return configured;
    }
    if (!adaptive) {
      return defaultInterval;
    }
    Duration gap = medianGap(published);
    if (gap == null) {
      return clamp(defaultInterval);
    }
    return clamp(gap.dividedBy(2));
  }

  /** The wait after a success: the interval, raised to the feed's hints, capped at {@code maxInterval}. */
  public Duration afterSuccess(Duration interval, Duration feedHint, Duration maxAge) {
    Duration wait = interval == null ? defaultInterval : interval;
    Duration cap = maxInterval.compareTo(wait) > 0 ? maxInterval : wait;
    for (Duration hint : new Duration[] {feedHint, maxAge}) {
      if (hint != null && hint.compareTo(wait) > 0) {
        wait = hint.compareTo(cap) > 0 ? cap : hint;
      }
    }
    return wait;
  }

  /**
   * The wait after the given number of consecutive failures.
   *
   * @param retryAfter the server's Retry-After, which replaces the backoff when present, may be null
   */
  public Duration afterFailure(int failures, Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long base = Math.max(1, initialBackoff.toMillis());
    long exp = base << Math.min(Math.max(failures - 1, 0), 30);
    long capped = exp <= 0 || exp > maxBackoff.toMillis() ? maxBackoff.toMillis() : exp;
    return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(minInterval) < 0) {
      return minInterval;
    }
    return d.compareTo(maxInterval) > 0 ? maxInterval : d;
  }

  private static Duration medianGap(List<Instant> published) {
    List<Instant> sorted = new ArrayList<>(published.stream().filter(Objects::nonNull).distinct().sorted().toList());
    if (sorted.size() < 3) {
      return null;
    }
    List<Duration> gaps = new ArrayList<>(sorted.size() - 1);
    for (int i = 1; i < sorted.size(); i++) {
      gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)));
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }
}
