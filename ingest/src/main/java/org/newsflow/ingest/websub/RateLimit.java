package org.newsflow.ingest.websub;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} requests a second on average, bursts of up to {@code perSecond} (at least
 * one). Thread-safe.
 */
final class RateLimit {

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  RateLimit(double perSecond, LongSupplier nanoTime) {
    this.perNano = perSecond / 1e9;
    this.capacity = Math.max(1, perSecond);
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes a token if there is one. */
  synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
