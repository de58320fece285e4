package org.newsflow.ingest.parse;

import java.util.List;
import org.newsflow.common.article.Enclosure;

/**
 * Where an entry points, as written (maybe relative to the entry's base).
 *
 * @param link       the entry's link (its page), may be null
 * @param all        every link with relation, type and title (Atom)
 * @param enclosures attached media
 * @param comments   the entry's comments page (RSS {@code comments}), may be null
 */
public record EntryLinks(String link, List<FeedLink> all, List<Enclosure> enclosures, String comments) {

  /** Copies the lists. */
  public EntryLinks {
    all = all == null ? List.of() : List.copyOf(all);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
  }
}
