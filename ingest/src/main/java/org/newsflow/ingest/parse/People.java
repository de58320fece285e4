package org.newsflow.ingest.parse;

import java.util.List;

/**
 * Who wrote an entry.
 *
 * @param names        the authors as the feed writes them (what an article's byline carries)
 * @param authors      the authors with e-mail and home page where the feed gives them (RSS {@code author} strings
 *                     split into name and address)
 * @param contributors the entry's contributors (Atom)
 */
public record People(List<String> names, List<Person> authors, List<Person> contributors) {

  /** Nobody named. */
  public static final People NONE = new People(List.of(), List.of(), List.of());

  /** Copies the lists. */
  public People {
    names = names == null ? List.of() : List.copyOf(names);
    authors = authors == null ? List.of() : List.copyOf(authors);
    contributors = contributors == null ? List.of() : List.copyOf(contributors);
  }
}
