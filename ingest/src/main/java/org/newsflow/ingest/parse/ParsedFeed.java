package org.newsflow.ingest.parse;

import java.util.List;

/**
 * A parsed feed document.
 *
 * @param format    what was parsed, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json-feed}, {@code recovered}
 * @param title     feed title
 * @param link      the feed's home page link, may be null
 * @param language  the feed's declared language, may be null
 * @param entries   entries in document order
 * @param recovered whether the document was not well-formed and entries were recovered by the lenient parser
 * @param problem   why strict parsing failed when {@code recovered}, else null
 * @param updateHint how often the feed says it changes (RSS {@code <ttl>}, {@code sy:updatePeriod}/{@code
 *                  sy:updateFrequency}), null when it does not say; polling more often than this is wasted
 * @param encoding  the character encoding the document was read in, null when unknown
 */
public record ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                         boolean recovered, String problem, java.time.Duration updateHint, String encoding) {

  /** Copies the entries. */
  public ParsedFeed {
    entries = List.copyOf(entries);
  }

  /** A feed without an update hint. */
  public ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                    boolean recovered, String problem) {
    this(format, title, link, language, entries, recovered, problem, null, null);
  }
}
