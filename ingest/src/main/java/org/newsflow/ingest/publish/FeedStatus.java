package org.newsflow.ingest.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The last poll of a feed, as kept in the compacted feed-status topic (key: feed id).
 *
 * @param feedId              feed id
 * @param url                 feed URL polled
 * @param lastAttempt         when the poll started
 * @param httpStatus          HTTP status, 200 for local files, 0 when no answer
 * @param itemsSeen           entries in the document
 * @param itemsNew            articles published (new or revised)
 * @param consecutiveFailures failed polls in a row, 0 after a success
 * @param nextPoll            when the feed is polled next
 * @param error               the reason of the last failure, null after a success
 * @param etag                ETag remembered for conditional GET
 * @param lastModified        Last-Modified remembered for conditional GET
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedStatus(String feedId, String url, Instant lastAttempt, int httpStatus, int itemsSeen, int itemsNew,
                         int consecutiveFailures, Instant nextPoll, String error, String etag, String lastModified) {
}
