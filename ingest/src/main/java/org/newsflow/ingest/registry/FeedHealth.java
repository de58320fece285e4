package org.newsflow.ingest.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * How a feed's last poll went, for operators: the record in the compacted feed-status topic (key: feed id) that
 * {@code newsflow feeds status}, the console and the poll metrics read. One per poll. What the poller must remember
 * between polls is in its {@link PollerState}, not here; only {@link #nextPoll} is read back, so an instance that
 * takes the feed over keeps the schedule its previous owner promised.
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
 * @param pages               article pages fetched, refused by robots.txt and failed for summary-only entries; null
 *                            when the feed never needed one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedHealth(String feedId, String url, Instant lastAttempt, int httpStatus, int itemsSeen, int itemsNew,
                         int consecutiveFailures, Instant nextPoll, String error, PollFailure failure,
                         PageCounts pages) {
}
