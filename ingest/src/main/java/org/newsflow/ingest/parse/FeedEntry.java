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
 * @param baseUri     the xml:base in effect on the entry (resolved against the enclosing ones and the document URL
 *                    when known), which its link and enclosures resolve against; null when none is declared
 * @param enclosures  attached media as written (URLs maybe relative)
 * @param language    the xml:lang in effect on the entry, null when none
 * @param titleContext   type, base and language of the title
 * @param summaryContext type, base and language of the summary
 * @param contentContext type, base and language of the content; relative URLs in the content resolve against its base
 * @param authorDetails  the authors with e-mail and home page where the feed gives them (RSS {@code author}
 *                       strings split into name and address)
 * @param contributors   the entry's contributors (Atom)
 * @param links          the entry's links with relation, type and title (Atom), as written
 * @param comments       the URL of the entry's comments page (RSS {@code comments}), as written, may be null
 */
public record FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                        List<String> authors, List<String> categories, Instant published, Instant updated,
                        String baseUri, List<Enclosure> enclosures, String language, TextContext titleContext,
                        TextContext summaryContext, TextContext contentContext, List<Person> authorDetails,
                        List<Person> contributors, List<FeedLink> links, String comments) {

  /** Copies the lists; a missing context is {@link TextContext#UNKNOWN}. */
  public FeedEntry {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    titleContext = titleContext == null ? TextContext.UNKNOWN : titleContext;
    summaryContext = summaryContext == null ? TextContext.UNKNOWN : summaryContext;
    contentContext = contentContext == null ? TextContext.UNKNOWN : contentContext;
    authorDetails = authorDetails == null ? List.of() : List.copyOf(authorDetails);
    contributors = contributors == null ? List.of() : List.copyOf(contributors);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** An entry whose XML context is unknown. */
  public FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                   List<String> authors, List<String> categories, Instant published, Instant updated, String baseUri,
                   List<Enclosure> enclosures) {
    this(guid, link, title, summaryHtml, contentHtml, authors, categories, published, updated, baseUri, enclosures,
        null, null, null, null, null, null, null, null);
  }

  /** An entry without media. */
  public FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                   List<String> authors, List<String> categories, Instant published, Instant updated, String baseUri) {
    this(guid, link, title, summaryHtml, contentHtml, authors, categories, published, updated, baseUri, List.of());
  }
}
