package org.newsflow.ingest.parse;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed document.
 *
 * @param reading    format, charset and what was at fault in the document
 * @param title      feed title
 * @param subtitle   what the feed says it is about (RSS channel description, Atom subtitle or tagline, JSON Feed
 *                   description), HTML or text
 * @param rights     the feed's copyright or rights statement (RSS copyright, Atom rights, dc:rights)
 * @param link       the feed's home page link, may be null
 * @param links      the feed's links with relation, type and title (Atom; e.g. {@code self}, {@code hub}), as written
 * @param authors    the feed's authors (Atom author, RSS managingEditor, dc:creator) with e-mail and home page
 * @param generator  the software that wrote the feed, as it names itself, may be null
 * @param scope      the xml:base in effect on the feed (channel) element and the feed's declared language
 * @param updateHint how often the feed says it changes (RSS {@code <ttl>}, {@code sy:updatePeriod}/{@code
 *                   sy:updateFrequency}), null when it does not say; polling more often than this is wasted
 * @param entries    entries in document order
 */
public record ParsedFeed(Reading reading, FeedText title, FeedText subtitle, FeedText rights, String link,
                         List<FeedLink> links, List<Person> authors, String generator, Scope scope,
                         Duration updateHint, List<FeedEntry> entries) {

  /** Copies the lists; a missing part is empty. */
  public ParsedFeed {
    title = title == null ? FeedText.NONE : title;
    subtitle = subtitle == null ? FeedText.NONE : subtitle;
    rights = rights == null ? FeedText.NONE : rights;
    links = links == null ? List.of() : List.copyOf(links);
    authors = authors == null ? List.of() : List.copyOf(authors);
    scope = scope == null ? Scope.NONE : scope;
    entries = List.copyOf(entries);
  }
}
