package org.newsflow.ingest.parse;

import java.time.Instant;

/**
 * When an entry was published and last updated, as the feed says.
 *
 * @param published publication date, null when missing or unparseable
 * @param updated   last update date, null when missing or unparseable
 */
public record EntryDates(Instant published, Instant updated) {
}
