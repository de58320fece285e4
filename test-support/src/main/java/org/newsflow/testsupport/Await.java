package org.newsflow.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread or process makes true, and fails with a message when it does not
 * become true in time. Tests use this instead of fixed sleeps or loops that return silently, so that a timeout
 * is reported as what it is, with the state that was last seen.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(50);

  private Await() {}

  /**
   * Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code max}.
   */
  public static void until(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
    until(what, max, condition, () -> "");
  }

  /**
   * Like {@link #until(String, Duration, BooleanSupplier)}, with {@code state} describing what was last seen in
   * the failure message (for example the records read so far).
   */
  public static void until(String what, Duration max, BooleanSupplier condition, Supplier<?> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        Object seen = state.get();
        String detail = seen == null || seen.toString().isEmpty() ? "" : "; last seen: " + seen;
        throw new AssertionError("timed out after " + max.toMillis() + " ms waiting for " + what + detail);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
