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
 * @param recovered whether the document or its transport was at fault, as feedparser's {@code bozo}: not well-formed
 *                  XML (entries recovered by Rome's healer or the lenient reader), bytes not in the charset the
 *                  HTTP header or declaration gave (read in the next that fits), no declaration on a non-UTF-8
 *                  document (detected), or a non-XML Content-Type
 * @param problem   what was at fault when {@code recovered}, else null
 * @param updateHint how often the feed says it changes (RSS {@code <ttl>}, {@code sy:updatePeriod}/{@code
 *                  sy:updateFrequency}), null when it does not say; polling more often than this is wasted
 * @param encoding  the canonical (Java) name of the charset the document was read in, e.g. {@code UTF-8},
 *                  {@code ISO-8859-1}, {@code UTF-16LE}; null for JSON Feed
 * @param subtitle  what the feed says it is about (RSS channel description, Atom subtitle or tagline, JSON Feed
 *                  description), HTML or text, may be null
 * @param rights    the feed's copyright or rights statement (RSS copyright, Atom rights, dc:rights), may be null
 * @param baseUri   the xml:base in effect on the feed (channel) element, resolved against the document URL when
 *                  known; null when none is declared
 * @param titleContext    type, base and language of the title
 * @param subtitleContext type, base and language of the subtitle
 * @param rightsContext   type, base and language of the rights statement
 * @param authors   the feed's authors (Atom author, RSS managingEditor, dc:creator) with e-mail and home page
 * @param links     the feed's links with relation, type and title (Atom; e.g. {@code self}, {@code hub}), as written
 * @param generator the software that wrote the feed, as it names itself, may be null
 */
public record ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                         boolean recovered, String problem, java.time.Duration updateHint, String encoding,
                         String subtitle, String rights, String baseUri, TextContext titleContext,
                         TextContext subtitleContext, TextContext rightsContext, List<Person> authors,
                         List<FeedLink> links, String generator) {

  /** Copies the entries; a missing context is {@link TextContext#UNKNOWN}. */
  public ParsedFeed {
    entries = List.copyOf(entries);
    titleContext = titleContext == null ? TextContext.UNKNOWN : titleContext;
    subtitleContext = subtitleContext == null ? TextContext.UNKNOWN : subtitleContext;
    rightsContext = rightsContext == null ? TextContext.UNKNOWN : rightsContext;
    authors = authors == null ? List.of() : List.copyOf(authors);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** A feed whose XML context is unknown. */
  public ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                    boolean recovered, String problem, java.time.Duration updateHint, String encoding,
                    String subtitle, String rights) {
    this(format, title, link, language, entries, recovered, problem, updateHint, encoding, subtitle, rights, null,
        null, null, null, null, null, null);
  }

  /** A feed without subtitle and rights. */
  public ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                    boolean recovered, String problem, java.time.Duration updateHint, String encoding) {
    this(format, title, link, language, entries, recovered, problem, updateHint, encoding, null, null);
  }

  /** A feed without an update hint. */
  public ParsedFeed(String format, String title, String link, String language, List<FeedEntry> entries,
                    boolean recovered, String problem) {
    this(format, title, link, language, entries, recovered, problem, null, null, null, null);
  }
}
