package org.newsflow.ingest.fulltext;

import java.time.Duration;

/**
 * When and how article pages are fetched for feed entries.
 *
 * @param enabled     whether pages are fetched at all
 * @param minWords    entries whose text has fewer words get their page (feeds marked {@code fullText} always do)
 * @param retryDelay  wait before the first retry of a failed page; doubles with each further failure
 * @param maxAttempts page fetches per article revision at most (the first one included)
 * @param robotsTtl   how long a host's robots.txt is kept before it is fetched again
 */
public record FullTextOptions(boolean enabled, int minWords, Duration retryDelay, int maxAttempts, Duration robotsTtl) {

  /** Checks the values. */
  public FullTextOptions {
    if (minWords < 0 || maxAttempts < 1 || retryDelay.isNegative() || robotsTtl.isNegative()) {
      throw new IllegalArgumentException("full-text options out of range: minWords " + minWords + ", maxAttempts "
          + maxAttempts + ", retryDelay " + retryDelay + ", robotsTtl " + robotsTtl);
    }
  }

  /** No page fetches (tools and tests that do not want the network). */
  public static FullTextOptions disabled() {
    return new FullTextOptions(false, 0, Duration.ofMinutes(5), 1, Duration.ofHours(1));
  }
}
