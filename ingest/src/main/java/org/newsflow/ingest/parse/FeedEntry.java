package org.newsflow.ingest.parse;

import java.util.List;

/**
 * One entry of a feed, as the feed gave it, before normalisation.
 *
 * @param guid       the entry's guid / id, may be null
 * @param title      title, possibly containing HTML
 * @param summary    description / summary, HTML or text
 * @param content    full content (content:encoded, atom:content, content_html); relative URLs in it resolve
 *                   against its context's base
 * @param people     authors and contributors
 * @param categories category terms
 * @param dates      publication and update dates
 * @param links      the entry's link, other links, media and comments page
 * @param scope      the xml:base and xml:lang in effect on the entry, which its links resolve against
 */
public record FeedEntry(String guid, FeedText title, FeedText summary, FeedText content, People people,
                        List<String> categories, EntryDates dates, EntryLinks links, Scope scope) {

  /** Copies the list; a missing part is empty. */
  public FeedEntry {
    title = title == null ? FeedText.NONE : title;
    summary = summary == null ? FeedText.NONE : summary;
    content = content == null ? FeedText.NONE : content;
    people = people == null ? People.NONE : people;
    categories = categories == null ? List.of() : List.copyOf(categories);
    dates = dates == null ? new EntryDates(null, null) : dates;
    links = links == null ? new EntryLinks(null, null, null, null) : links;
    scope = scope == null ? Scope.NONE : scope;
  }
}
