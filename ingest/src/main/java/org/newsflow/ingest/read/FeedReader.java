package org.newsflow.ingest.read;

import java.time.Instant;
import java.util.List;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.registry.FeedDefinition;

/**
 * Fetches a feed document, parses it against the URL it finally came from and normalises its entries: the one path
 * from a feed URL to articles, used by the poller and by {@code newsflow parse} alike, so both resolve relative
 * links the same way. Thread-safe.
 */
public final class FeedReader {

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ArticleNormalizer normalizer;

  /** A reader over the given steps. */
  public FeedReader(FeedFetcher fetcher, FeedParser parser, ArticleNormalizer normalizer) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.normalizer = normalizer;
  }

  /**
   * Reads a feed once.
   *
   * @param feed         the feed's registration (its id and name go into the articles)
   * @param url          the URL to fetch (the feed's, or where it moved to)
   * @param etag         ETag of the last successful fetch, or null
   * @param lastModified Last-Modified of the last successful fetch, or null
   * @param fetchedAt    the time the articles record as their fetch time
   */
  public FeedRead read(FeedDefinition feed, String url, String etag, String lastModified, Instant fetchedAt)
      throws FetchException, FeedParseException {
    FetchResult fetched = fetcher.fetch(url, etag, lastModified);
    String documentUrl = fetched.finalUri() == null ? url : fetched.finalUri().toString();
    if (fetched.notModified()) {
      return new FeedRead(fetched, documentUrl, null, List.of());
    }
    ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType(), documentUrl);
    return new FeedRead(fetched, documentUrl, parsed, normalizer.normalize(feed, documentUrl, parsed, fetchedAt));
  }

  /**
   * Reads a document a WebSub hub pushed: parsed and normalised exactly as a fetched one, against the topic URL.
   *
   * @param topicUrl    the subscription's topic (the base for relative links)
   * @param contentType the push's Content-Type, may be null
   */
  public List<org.newsflow.common.article.Article> readPushed(FeedDefinition feed, String topicUrl, byte[] body,
                                                               String contentType, Instant fetchedAt)
      throws FeedParseException {
    ParsedFeed parsed = parser.parse(body, contentType, topicUrl);
    return normalizer.normalize(feed, topicUrl, parsed, fetchedAt);
  }

  /**
   * Whether a throwable leaves the JVM in a state where nothing should go on (out of memory, an internal error); a
   * stack overflow is not among them: the thread unwound, and one bad document must not stop the others.
   */
  public static boolean fatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }
}
