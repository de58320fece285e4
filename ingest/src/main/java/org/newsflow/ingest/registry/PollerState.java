package org.newsflow.ingest.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A feed poller's memory across restarts and hand-overs: the record in the compacted poller-state topic (key: feed
 * id). The poller writes it only when something in it changed (an entry published, a new validator, a failure, a
 * redirect), so a run of 304s writes nothing. The instance that takes a feed over restores the poller from it: no
 * unconditional GET, no republication, the backoff continues. The property names are those the feed-status record
 * used before the two were split, so a status written by an older version still reads as a state.
 *
 * @param feedId              feed id
 * @param url                 the URL polled, the new one after a permanent redirect
 * @param etag                ETag for the next conditional GET, null when the server gave none
 * @param lastModified        Last-Modified for the next conditional GET, null when the server gave none
 * @param consecutiveFailures failed polls in a row, which the backoff grows with; 0 after a success
 * @param intervalSeconds     the poll interval in effect after the last success (adaptive, feed hints applied)
 * @param hintSeconds         the feed's own update hint (ttl, sy:updatePeriod), null when it gives none
 * @param seen                entries already published, as {@code articleId:contentHash}, newest last; an entry
 *                            listed with the same hash is not published again
 * @param pages               article page counts so far, so they are totals across restarts; null when the feed
 *                            never needed a page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PollerState(String feedId, String url, String etag, String lastModified, int consecutiveFailures,
                          Long intervalSeconds, Long hintSeconds, List<String> seen, PageCounts pages) {

  /** Copies the list. */
  public PollerState {
    seen = seen == null ? List.of() : List.copyOf(seen);
  }
}
