package org.newsflow.ingest.fulltext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.ExtractedPage;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.schedule.HostLimiter;

/**
 * Fetches and extracts article pages for all feeds of an ingest instance: robots.txt first (cached per host), then
 * the page through the feed fetcher under the same per-host politeness as feed polls. Thread-safe.
 */
public final class PageFetcher {

  private final FeedFetcher fetcher;
  private final HostLimiter hosts;
  private final RobotsCache robots;
  private final ArticleExtractor extractor;
  private final FullTextOptions options;
  private final Clock clock;

  /**
   * @param fetcher   the feed fetcher (its timeouts, size cap and address guard apply to pages too)
   * @param hosts     the per-host limiter shared with feed polls
   * @param extractor the main-text extractor
   * @param options   when pages are fetched and retried
   * @param userAgent the User-Agent sent, whose first word is our name in robots.txt
   */
  public PageFetcher(FeedFetcher fetcher, HostLimiter hosts, ArticleExtractor extractor, FullTextOptions options,
                     String userAgent, Clock clock) {
    this.fetcher = fetcher;
    this.hosts = hosts;
    this.extractor = extractor;
    this.options = options;
    this.clock = clock;
    this.robots = new RobotsCache(fetcher, hosts, clock, options.robotsTtl(), robotName(userAgent));
  }

  /** The options in force. */
  public FullTextOptions options() {
    return options;
  }

  Clock clock() {
    return clock;
  }

  /** The product token of a User-Agent ("newsflow" of "newsflow/0.1 (+https://…)"). */
  static String robotName(String userAgent) {
    String s = userAgent.strip();
    int end = 0;
    while (end < s.length() && s.charAt(end) != '/' && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    return end == 0 ? "newsflow" : s.substring(0, end);
  }

  /** Fetches and extracts one page; never throws except when interrupted. */
  PageOutcome fetch(String url) throws InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new PageOutcome(PageOutcome.Kind.FAILED, null, "bad article URL " + url);
    }
    if (!robots.allowed(uri)) {
      return new PageOutcome(PageOutcome.Kind.REFUSED, null, "robots.txt disallows " + url);
    }
    FetchResult r;
    try (HostLimiter.Permit permit = hosts.acquire(uri.getHost())) {
      r = fetcher.fetchPage(url);
    } catch (FetchException e) {
      return new PageOutcome(PageOutcome.Kind.FAILED, null, e.reason() + ": " + e.getMessage());
    }
    ExtractedPage page;
    try {
      page = extractor.extract(r.body(), r.contentType(), r.finalUri() == null ? url : r.finalUri().toString());
    } catch (RuntimeException e) {
      return new PageOutcome(PageOutcome.Kind.FAILED, null, "cannot extract " + url + ": " + e);
    }
    if (page.text().isEmpty() && !page.paywalled()) {
      return new PageOutcome(PageOutcome.Kind.FAILED, null, "no article text found at " + url);
    }
    return new PageOutcome(PageOutcome.Kind.FETCHED, page, null);
  }

  /** The wait before retry number {@code attempt} (1 for the first retry): the retry delay, doubled each time. */
  Duration retryDelay(int attempt) {
    return options.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
  }
}
