package org.newsflow.ingest.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Politeness per host: at most {@code maxPerHost} requests in flight to one host, and request starts at least
 * {@code delay} apart. Callers wait on their own (virtual) thread, so a busy host delays only its own feeds.
 */
public final class HostLimiter {

  /** Where the limiter reads the time: a monotonic nanosecond counter ({@code System::nanoTime} in production). */
  @FunctionalInterface
  public interface Ticker {
    /** The current reading, in nanoseconds from an arbitrary origin. */
    long nanos();
  }

  /** How the limiter waits for a turn ({@code Thread::sleep} in production). */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for the given time. */
    void sleep(Duration d) throws InterruptedException;
  }

  private final int maxPerHost;
  private final long delayNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final ConcurrentHashMap<String, Slot> hosts = new ConcurrentHashMap<>();

  /**
   * @param maxPerHost concurrent requests allowed per host (at least 1)
   * @param delay      minimum time between two request starts on one host, zero for none
   */
  public HostLimiter(int maxPerHost, Duration delay) {
    this(maxPerHost, delay, System::nanoTime, Thread::sleep);
  }

  /**
   * A limiter on the given time source and sleeper (tests drive both).
   *
   * @param maxPerHost concurrent requests allowed per host (at least 1)
   * @param delay      minimum time between two request starts on one host, zero for none
   */
  public HostLimiter(int maxPerHost, Duration delay, Ticker ticker, Sleeper sleeper) {
    this.ticker = ticker;
    this.sleeper = sleeper;
    if (maxPerHost < 1) {
      throw new IllegalArgumentException("requests per host must be at least 1, was " + maxPerHost);
    }
    this.maxPerHost = maxPerHost;
    this.delayNanos = delay.toNanos();
  }

  /** A limiter that does not limit (tools and tests). */
  public static HostLimiter unlimited() {
    return new HostLimiter(Integer.MAX_VALUE, Duration.ZERO);
  }

  /**
   * Waits for a turn on a host.
   *
   * @param host the host, null for no host (local files): returns at once
   * @return the permit, to close when the request is done
   */
  public Permit acquire(String host) throws InterruptedException {
    if (host == null || maxPerHost == Integer.MAX_VALUE && delayNanos == 0) {
      return () -> { };
    }
    Slot slot = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot(new Semaphore(maxPerHost, true),
        new AtomicLong(ticker.nanos())));
    slot.permits().acquire();
    try {
      if (delayNanos > 0) {
        long now = ticker.nanos();
        long start = slot.nextStart().getAndAccumulate(now, (next, n) -> Math.max(next, n) + delayNanos);
        long wait = Math.max(start, now) - now;
        if (wait > 0) {
          sleeper.sleep(Duration.ofNanos(wait));
        }
      }
    } catch (InterruptedException e) {
      slot.permits().release();
      throw e;
    }
    return () -> slot.permits().release();
  }

  /** A turn on a host; closing it lets the next request in. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private record Slot(Semaphore permits, AtomicLong nextStart) {
  }
}
