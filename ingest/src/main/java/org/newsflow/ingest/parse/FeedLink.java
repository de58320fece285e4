package org.newsflow.ingest.parse;

/**
 * A link of a feed or entry (Atom {@code <link>}), as written.
 *
 * @param rel   the relation ({@code alternate} when the feed does not say), e.g. {@code self}, {@code related},
 *              {@code enclosure}, {@code replies}
 * @param type  the media type of the target, may be null
 * @param href  the target as written, maybe relative to the element's xml:base
 * @param title the link's title, may be null
 */
public record FeedLink(String rel, String type, String href, String title) {
}
