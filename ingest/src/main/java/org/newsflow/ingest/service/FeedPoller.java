package org.newsflow.ingest.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.publish.FeedStatus;
import org.newsflow.ingest.publish.PublishException;
import org.newsflow.ingest.registry.FeedDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetch (conditional), parse, normalise, drop entries already published unchanged, publish the
 * rest, record the status. Holds the feed's state between polls; one poll at a time per feed.
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final int REMEMBERED_ENTRIES = 5000;

  private final FeedDefinition feed;
  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ArticleNormalizer normalizer;
  private final ArticleSink sink;
  private final Clock clock;
  private final Duration interval;
  private final Duration maxBackoff;

  private final Map<String, String> publishedHashes = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED_ENTRIES;
    }
  };
  private String url;
  private String etag;
  private String lastModified;
  private int failures;

  /**
   * @param feed       the feed
   * @param interval   its poll interval
   * @param maxBackoff the longest wait after failures
   */
  public FeedPoller(FeedDefinition feed, FeedFetcher fetcher, FeedParser parser, ArticleNormalizer normalizer,
                    ArticleSink sink, Clock clock, Duration interval, Duration maxBackoff) {
    this.feed = feed;
    this.fetcher = fetcher;
    this.parser = parser;
    this.normalizer = normalizer;
    this.sink = sink;
    this.clock = clock;
    this.interval = interval;
    this.maxBackoff = maxBackoff;
    this.url = feed.url();
  }

  /** The feed this poller polls. */
  public FeedDefinition feed() {
    return feed;
  }

  /** Polls once and returns how long to wait before the next poll. Never throws. */
  public synchronized Duration poll() {
    Instant start = clock.instant();
    int httpStatus = 0;
    int seen = 0;
    int published = 0;
    String error = null;
    try {
      FetchResult result = fetcher.fetch(url, etag, lastModified);
      httpStatus = result.status();
      if (result.permanentRedirect()) {
        LOG.info("feed {} moved permanently to {}", url, result.finalUri());
        url = result.finalUri().toString();
      }
      etag = result.etag();
      lastModified = result.lastModified();
      if (!result.notModified()) {
        ParsedFeed parsed = parser.parse(result.body(), result.contentType());
        if (parsed.recovered()) {
          LOG.warn("feed {} is not well-formed ({}); recovered {} entries", url, parsed.problem(), parsed.entries().size());
        }
        List<Article> articles = normalizer.normalize(feed, feedUrlOf(result), parsed, start);
        seen = articles.size();
        List<Article> fresh = new ArrayList<>();
        for (Article a : articles) {
          if (!a.contentHash().equals(publishedHashes.get(a.id()))) {
            fresh.add(a);
          }
        }
        sink.publish(fresh);
        fresh.forEach(a -> publishedHashes.put(a.id(), a.contentHash()));
        published = fresh.size();
        if (published > 0) {
          LOG.info("feed {}: {} entries, {} published", url, seen, published);
        }
      }
      failures = 0;
    } catch (FetchException e) {
      httpStatus = e.status();
      error = e.reason() + ": " + e.getMessage();
    } catch (FeedParseException e) {
      error = "PARSE: " + e.getMessage();
    } catch (PublishException e) {
      error = "PUBLISH: " + e.getMessage();
    } catch (RuntimeException e) {
      error = "INTERNAL: " + e;
      LOG.error("feed {}: unexpected failure", url, e);
    }
    Duration wait;
    if (error != null) {
      failures++;
      wait = backoff();
      LOG.warn("feed {} failed ({} in a row), retry in {} s: {}", url, failures, wait.toSeconds(), error);
    } else {
      wait = interval;
    }
    sink.publishStatus(new FeedStatus(feed.id(), url, start, httpStatus, seen, published, failures,
        clock.instant().plus(wait), error, etag, lastModified));
    return wait;
  }

  private String feedUrlOf(FetchResult result) {
    return result.finalUri() == null ? url : result.finalUri().toString();
  }

  private Duration backoff() {
    long base = Math.max(1000, Math.min(interval.toMillis(), 60_000));
    long exp = base << Math.min(failures - 1, 20);
    long capped = Math.min(exp, maxBackoff.toMillis());
    // full jitter in the upper half keeps many failing feeds from retrying in lockstep
    long jittered = capped / 2 + (long) (Math.random() * (capped / 2 + 1));
    return Duration.ofMillis(jittered);
  }
}
