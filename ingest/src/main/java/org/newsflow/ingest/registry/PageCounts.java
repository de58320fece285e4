package org.newsflow.ingest.registry;

/**
 * What a feed's article pages came to, counted since the feed's poller started (and carried over from its last
 * {@link PollerState}, so the counts are totals across restarts).
 *
 * @param fetched pages fetched and extracted (paywalled pages included)
 * @param refused pages not fetched because the site's robots.txt disallows them
 * @param failed  page fetches that failed (timeouts, HTTP errors, blocked addresses, pages without text); each
 *                retry that fails counts again
 * @param pending articles published with their summary whose page is to be fetched again
 */
public record PageCounts(long fetched, long refused, long failed, int pending) {

  /** No pages yet. */
  public static final PageCounts NONE = new PageCounts(0, 0, 0, 0);
}
