package org.newsflow.ingest.fulltext;

import org.newsflow.ingest.extract.ExtractedPage;

/**
 * What became of one article page.
 *
 * @param kind   fetched, refused by robots.txt, or failed
 * @param page   the extracted page when fetched, else null
 * @param reason why it failed or was refused, else null
 */
record PageOutcome(Kind kind, ExtractedPage page, String reason) {

  /** The kinds of outcome. */
  enum Kind {
    /** Fetched and extracted. */
    FETCHED,
    /** robots.txt disallows the page. */
    REFUSED,
    /** The fetch failed or the page had no text; worth retrying. */
    FAILED
  }
}
