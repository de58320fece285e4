package org.newsflow.common.runtime;

/**
 * A service's readiness.
 *
 * @param ready  whether the service can do its work now
 * @param detail a short human-readable state, e.g. "RUNNING" or "OpenSearch unreachable: connection refused"
 */
public record Health(boolean ready, String detail) {

  /** Ready, with a detail. */
  public static Health up(String detail) {
    return new Health(true, detail);
  }

  /** Not ready, with the reason. */
  public static Health down(String detail) {
    return new Health(false, detail);
  }
}
