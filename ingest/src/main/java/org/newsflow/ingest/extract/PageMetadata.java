package org.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about itself in its markup (JSON-LD, OpenGraph and other meta tags, {@code <time>}, links).
 *
 * @param title       headline, null when none is declared
 * @param published   publication time, null when none could be read
 * @param authors     author names
 * @param language    ISO 639 language code (lower case, no region), null when none is declared
 * @param image       absolute URL of the lead image, null when none
 * @param canonical   absolute canonical URL, null when none is declared
 * @param paywalled   whether the page declares its content not free to read
 * @param articleBody the JSON-LD {@code articleBody}, null when none
 */
public record PageMetadata(String title, Instant published, List<String> authors, String language, String image,
                           String canonical, boolean paywalled, String articleBody) {

  /** Copies the list. */
  public PageMetadata {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }
}
