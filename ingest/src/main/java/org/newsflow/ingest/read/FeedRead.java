package org.newsflow.ingest.read;

import java.util.List;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.parse.ParsedFeed;

/**
 * What one read of a feed gave.
 *
 * @param fetch       the fetch's answer (status, caching headers, final URL)
 * @param documentUrl the URL the document came from after redirects, which relative links resolve against
 * @param parsed      the parsed document, null when the server said it did not change (304)
 * @param articles    the normalised articles in document order, empty on 304
 */
public record FeedRead(FetchResult fetch, String documentUrl, ParsedFeed parsed, List<Article> articles) {

  /** Copies the list. */
  public FeedRead {
    articles = List.copyOf(articles);
  }

  /** Whether the server said the feed did not change since the given validators. */
  public boolean notModified() {
    return parsed == null;
  }
}
