package org.newsflow.ingest.publish;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The last poll of a feed, as kept in the compacted feed-status topic (key: feed id). It is also the feed's memory
 * across restarts: an ingest instance that takes a feed over reads its ETag, Last-Modified, failure count, next
 * poll and the entries already published from here.
 *
 * @param feedId              feed id
 * @param url                 feed URL polled (the new one after a permanent redirect)
 * @param lastAttempt         when the poll started
 * @param httpStatus          HTTP status, 200 for local files, 0 when no answer
 * @param itemsSeen           entries in the document
 * @param itemsNew            articles published (new or revised)
 * @param consecutiveFailures failed polls in a row, 0 after a success
 * @param nextPoll            when the feed is polled next
 * @param error               what went wrong in the last poll, for people, null after a success
 * @param failure             why the last poll failed, for metrics and tools, null after a success (and in
 *                            statuses written before it was recorded)
 * @param etag                ETag remembered for conditional GET
 * @param lastModified        Last-Modified remembered for conditional GET
 * @param intervalSeconds     the poll interval in effect after a success (adaptive, feed hints applied)
 * @param hintSeconds         the feed's own update hint (ttl, sy:updatePeriod), null when it gives none
 * @param seen                entries already published, as {@code articleId:contentHash}, newest last; an entry
 *                            listed with the same hash is not published again
 * @param pages               article pages fetched, refused by robots.txt and failed for summary-only entries; null
 *                            when the feed never needed one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedStatus(String feedId, String url, Instant lastAttempt, int httpStatus, int itemsSeen, int itemsNew,
                         int consecutiveFailures, Instant nextPoll, String error, PollFailure failure, String etag,
                         String lastModified, Long intervalSeconds, Long hintSeconds, List<String> seen,
                         PageCounts pages) {

  /** Copies the list. */
  public FeedStatus {
    seen = seen == null ? List.of() : List.copyOf(seen);
  }

  /** A status without article page counts. */
  public FeedStatus(String feedId, String url, Instant lastAttempt, int httpStatus, int itemsSeen, int itemsNew,
                    int consecutiveFailures, Instant nextPoll, String error, PollFailure failure, String etag,
                    String lastModified, Long intervalSeconds, Long hintSeconds, List<String> seen) {
    this(feedId, url, lastAttempt, httpStatus, itemsSeen, itemsNew, consecutiveFailures, nextPoll, error, failure,
        etag, lastModified, intervalSeconds, hintSeconds, seen, null);
  }

  /** A status without scheduling memory. */
  public FeedStatus(String feedId, String url, Instant lastAttempt, int httpStatus, int itemsSeen, int itemsNew,
                    int consecutiveFailures, Instant nextPoll, String error, String etag, String lastModified) {
    this(feedId, url, lastAttempt, httpStatus, itemsSeen, itemsNew, consecutiveFailures, nextPoll, error, null, etag,
        lastModified, null, null, List.of(), null);
  }
}
