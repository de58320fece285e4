package org.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * An article page reduced to its main content and metadata.
 *
 * @param url       the page's canonical URL ({@code <link rel=canonical>}, else {@code og:url}, else the address given)
 * @param title     headline, may be empty
 * @param text      main text as plain text, paragraphs separated by blank lines; empty when none was found
 * @param html      main text as sanitised HTML (no scripts, no event handlers, absolute links)
 * @param published publication time, null when the page declares none
 * @param authors   author names
 * @param language  ISO 639 language hint from the page's markup, null when none
 * @param image     absolute URL of the lead image, null when none
 * @param paywalled whether the page declares its content not free to read (schema.org {@code isAccessibleForFree})
 */
public record ExtractedPage(String url, String title, String text, String html, Instant published,
                            List<String> authors, String language, String image, boolean paywalled) {

  /** Copies the list; null strings become empty. */
  public ExtractedPage {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    html = html == null ? "" : html;
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** Words in the main text (runs separated by white space). */
  public int wordCount() {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in) {
        words++;
      }
      in = !space;
    }
    return words;
  }
}
