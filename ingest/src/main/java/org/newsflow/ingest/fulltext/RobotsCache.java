package org.newsflow.ingest.fulltext;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.schedule.HostLimiter;

/**
 * The robots.txt rules of each host, fetched through the feed fetcher (address guard, timeouts, size cap) under
 * the host's politeness limits, parsed by crawler-commons and kept for a while. As RFC 9309 says, a missing
 * robots.txt (4xx) allows everything and an unreachable one (5xx, network failure) allows nothing until it is
 * fetched again. Thread-safe; hosts are counted so the cache stays bounded.
 */
final class RobotsCache {

  /** Hosts remembered at most; the cache is cleared when full (rules are cheap to fetch again). */
  private static final int MAX_HOSTS = 10_000;
  /** An unreachable robots.txt is asked for again sooner than a readable one. */
  private static final Duration FAILED_TTL = Duration.ofMinutes(10);

  private final FeedFetcher fetcher;
  private final HostLimiter hosts;
  private final Clock clock;
  private final Duration ttl;
  private final List<String> agents;
  private final ConcurrentHashMap<String, Entry> rules = new ConcurrentHashMap<>();

  private record Entry(BaseRobotRules rules, Instant expires) {
  }

  /**
   * @param agent the robot name matched against User-agent lines (the product token of our User-Agent)
   */
  RobotsCache(FeedFetcher fetcher, HostLimiter hosts, Clock clock, Duration ttl, String agent) {
    this.fetcher = fetcher;
    this.hosts = hosts;
    this.clock = clock;
    this.ttl = ttl;
    this.agents = List.of(agent.toLowerCase(Locale.ROOT));
  }

  /** Whether robots.txt lets us fetch a page; non-http(s) URLs (local files) are always allowed. */
  boolean allowed(URI page) throws InterruptedException {
    String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || page.getHost() == null) {
      return true;
    }
    String origin = scheme + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    Entry e = rules.get(origin);
    if (e == null || now.isAfter(e.expires())) {
      e = fetch(origin, page.getHost(), now);
      if (rules.size() >= MAX_HOSTS) {
        rules.clear();
      }
      rules.put(origin, e);
    }
    return e.rules().isAllowed(page.toString());
  }

  private Entry fetch(String origin, String host, Instant now) throws InterruptedException {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    String url = origin + "/robots.txt";
    try (HostLimiter.Permit permit = hosts.acquire(host)) {
      FetchResult r = fetcher.fetchPage(url);
      return new Entry(parser.parseContent(url, r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
          agents), now.plus(ttl));
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.HTTP_STATUS && e.status() >= 400 && e.status() < 500) {
        return new Entry(parser.failedFetch(e.status()), now.plus(ttl));
      }
      // unreachable: allow nothing for now (RFC 9309, 2.3.1.4), ask again soon
      return new Entry(parser.failedFetch(503), now.plus(FAILED_TTL));
    }
  }
}
