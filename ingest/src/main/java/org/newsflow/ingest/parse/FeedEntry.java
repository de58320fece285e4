package org.newsflow.ingest.parse;

import java.time.Instant;
import java.util.List;
import org.newsflow.common.article.Enclosure;

/**
 * One entry of a feed, as the feed gave it, before normalisation.
 *
 * @param guid        the entry's guid / id, may be null
 * @param link        the entry's link as written (maybe relative), may be null
 * @param title       title, possibly containing HTML
 * @param summaryHtml description / summary, HTML or text
 * @param contentHtml full content (content:encoded, atom:content, content_html), may be null
 * @param authors     author names
 * @param categories  category terms
 * @param published   publication date, null when missing or unparseable
 * @param updated     last update date, null when missing
 * @param baseUri     xml:base in effect for the entry, may be null
 * @param enclosures  attached media as written (URLs maybe relative)
 */
public record FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                        List<String> authors, List<String> categories, Instant published, Instant updated,
                        String baseUri, List<Enclosure> enclosures) {

  /** Copies the lists. */
  public FeedEntry {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
  }

  /** An entry without media. */
  public FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                   List<String> authors, List<String> categories, Instant published, Instant updated, String baseUri) {
    this(guid, link, title, summaryHtml, contentHtml, authors, categories, published, updated, baseUri, List.of());
  }
}
