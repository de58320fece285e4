package org.newsflow.ingest.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.fulltext.FullTextCompleter;
import org.newsflow.ingest.fulltext.PageFetcher;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.publish.ArticleSink;
import org.newsflow.ingest.publish.PublishException;
import org.newsflow.ingest.read.FeedRead;
import org.newsflow.ingest.read.FeedReader;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollFailure;
import org.newsflow.ingest.registry.PollerState;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.ingest.websub.HubDiscovery;
import org.newsflow.ingest.websub.HubEndpoints;
import org.newsflow.ingest.websub.PushSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetch (conditional), parse, normalise, drop entries already published unchanged, publish the
 * rest, record the poll's {@link FeedHealth}. Holds the feed's memory between polls, records it as a
 * {@link PollerState} whenever it changes and restores it from the last one, so conditional GET, backoff and dedupe
 * survive restarts and hand-overs. One poll at a time.
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  /** Entries remembered per feed for dedupe; more than any feed keeps in its document. */
  static final int REMEMBERED_ENTRIES = 500;
  /** Content hash characters kept per remembered entry: 64 bits tell a revision apart well enough. */
  private static final int HASH_CHARS = 16;

  private final FeedDefinition feed;
  private final FeedReader reader;
  private final ArticleSink sink;
  private final Clock clock;
  private final PollPolicy policy;
  private final HostLimiter hosts;
  private final RandomGenerator random;
  private final PushSubscriptions push;
  private final FullTextCompleter fullText;

  /** Published entries: article id to content hash prefix, oldest first; null until the first publication. */
  private Map<String, String> published;
  /** {@link #published} as recorded in the state; rebuilt only when it changes, not on every 304. */
  private List<String> remembered = List.of();
  /** The state last recorded (or restored), so an unchanged one is not written again. */
  private PollerState recorded;
  private String url;
  private String etag;
  private String lastModified;
  private int failures;
  private Duration interval;
  private Duration hint;
  /** The hub and topic the feed advertised when last read; kept through 304s so leases are renewed. */
  private Optional<HubEndpoints> advertised = Optional.empty();

  /** A poller without push delivery and without article pages. */
  public FeedPoller(FeedDefinition feed, FeedReader reader, ArticleSink sink, Clock clock, PollPolicy policy,
                    HostLimiter hosts, PollerState restored, RandomGenerator random) {
    this(feed, reader, sink, clock, policy, hosts, restored, random, PushSubscriptions.none(), null);
  }

  /**
   * @param feed     the feed
   * @param policy   intervals and backoff
   * @param hosts    per-host politeness
   * @param restored the feed's poller's last recorded memory (from news.feed-poller-state), null for a new feed
   * @param push     WebSub subscriptions; while one is active the feed is polled only as a safety net
   * @param pages    the instance's article page fetcher for summary-only entries, null for none
   */
  public FeedPoller(FeedDefinition feed, FeedReader reader, ArticleSink sink, Clock clock, PollPolicy policy,
                    HostLimiter hosts, PollerState restored, RandomGenerator random, PushSubscriptions push,
                    PageFetcher pages) {
    this.fullText = new FullTextCompleter(pages, restored == null ? null : restored.pages());
    this.feed = feed;
    this.push = push;
    this.reader = reader;
    this.sink = sink;
    this.clock = clock;
    this.policy = policy;
    this.hosts = hosts;
    this.random = random;
    this.url = feed.url();
    this.interval = policy.intervalFor(feed.interval(), List.of());
    if (restored != null) {
      restore(restored);
    }
    this.recorded = restored;
  }

  private void restore(PollerState s) {
    // a permanent redirect recorded earlier still applies; only for ids derived from the URL can we be sure the
    // state belongs to the URL registered now (an operator may have re-pointed a feed with an explicit id)
    if (s.url() != null && FeedDefinition.idFor(feed.url()).equals(feed.id())) {
      url = s.url();
    }
    etag = s.etag();
    lastModified = s.lastModified();
    failures = s.consecutiveFailures();
    if (s.intervalSeconds() != null && feed.interval() == null) {
      interval = Duration.ofSeconds(s.intervalSeconds());
    }
    hint = s.hintSeconds() == null ? null : Duration.ofSeconds(s.hintSeconds());
    if (!s.seen().isEmpty()) {
      published = new LinkedHashMap<>(s.seen().size() * 2);
      for (String entry : s.seen()) {
        int colon = entry.indexOf(':');
        if (colon > 0) {
          published.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
      }
      remembered = List.copyOf(s.seen());
    }
  }

  /** The feed this poller polls. */
  public FeedDefinition feed() {
    return feed;
  }

  /**
   * What this poller remembers (what it records, and what a poller that replaces this one when the feed's
   * definition changes starts from, so the change does not cost a refetch or a republication).
   */
  public synchronized PollerState state() {
    return new PollerState(feed.id(), url, etag, lastModified, failures, interval.toSeconds(),
        hint == null ? null : hint.toSeconds(), remembered, fullText.counts());
  }

  /** Records the memory when it changed since last recorded: a 304 changes nothing, so it writes nothing. */
  private void recordState() {
    PollerState now = state();
    if (!now.equals(recorded)) {
      sink.publishState(now);
      recorded = now;
    }
  }

  /** The URL polled now (differs from the feed's after a permanent redirect). */
  public synchronized String url() {
    return url;
  }

  /**
   * Polls once and returns how long to wait before the next poll. Never throws, except for errors that leave the
   * JVM unusable ({@link FeedReader#fatal}); every other failure is recorded in the feed's health.
   */
  public synchronized Duration poll() {
    Instant start = clock.instant();
    int httpStatus = 0;
    int seen = 0;
    int fresh = 0;
    String error = null;
    PollFailure failure = null;
    Duration retryAfter = null;
    Duration maxAge = null;
    try (HostLimiter.Permit permit = hosts.acquire(hostOf(url))) {
      FeedRead read = reader.read(feed, url, etag, lastModified, start);
      FetchResult result = read.fetch();
      httpStatus = result.status();
      maxAge = result.maxAge();
      if (result.permanentRedirect()) {
        LOG.info("feed {} moved permanently to {}", url, result.finalUri());
        url = result.finalUri().toString();
      }
      etag = result.etag();
      lastModified = result.lastModified();
      if (!read.notModified()) {
        ParsedFeed parsed = read.parsed();
        advertised = httpUri(read.documentUrl()).flatMap(u -> HubDiscovery.discover(result.links(), parsed.links(), u));
        if (parsed.reading().recovered()) {
          LOG.warn("feed {} has a problem ({}); read {} entries despite it", url, parsed.reading().problem(),
              parsed.entries().size());
        }
        hint = parsed.updateHint();
        interval = policy.intervalFor(feed.interval(),
            parsed.entries().stream().map(e -> e.dates().published()).toList());
        seen = read.articles().size();
        fresh = publishChanged(read.articles(), start);
      }
      fresh += publishRevised(fullText.retryDue());
      failures = 0;
    } catch (FetchException e) {
      httpStatus = e.status();
      retryAfter = e.retryAfter();
      failure = PollFailure.of(e.reason());
      error = e.reason() + ": " + e.getMessage();
    } catch (FeedParseException e) {
      failure = PollFailure.PARSE;
      error = "PARSE: " + e.getMessage();
    } catch (PublishException e) {
      failure = PollFailure.PUBLISH;
      error = "PUBLISH: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = PollFailure.INTERRUPTED;
      error = "INTERRUPTED: ingest is stopping";
    } catch (Throwable e) {
      if (FeedReader.fatal(e)) {
        throw e;
      }
      // a bug or a hostile document (even a stack overflow) costs this poll, never the feed's schedule
      failure = PollFailure.INTERNAL;
      error = "INTERNAL: " + e;
      LOG.error("feed {}: unexpected failure", url, e);
    }
    Duration wait;
    if (error != null) {
      failures++;
      wait = policy.afterFailure(failures, retryAfter, random);
      LOG.warn("feed {} failed ({} in a row), retry in {} s: {}", url, failures, wait.toSeconds(), error);
    } else {
      wait = policy.afterSuccess(interval, hint, maxAge);
      wait = pushAware(wait);
    }
    recordState();
    sink.publishStatus(new FeedHealth(feed.id(), url, start, httpStatus, seen, fresh, failures,
        clock.instant().plus(wait), error, failure, fullText.counts()));
    return wait;
  }

  /**
   * The wait after a successful poll with push delivery in mind: an active subscription makes polling a safety
   * net at the longest interval, but never past the moment its lease must be renewed.
   */
  private Duration pushAware(Duration wait) {
    boolean pushed;
    try {
      pushed = push.afterPoll(feed.id(), advertised);
    } catch (RuntimeException e) {
      LOG.warn("feed {}: WebSub subscription not updated: {}", url, e.toString());
      return wait;
    }
    if (!pushed) {
      return wait;
    }
    Duration longest = wait.compareTo(policy.maxInterval()) > 0 ? wait : policy.maxInterval();
    Optional<Instant> renew = push.renewalDue(feed.id());
    if (renew.isPresent()) {
      Duration untilRenewal = Duration.between(clock.instant(), renew.get());
      Duration floor = Duration.ofSeconds(1);
      untilRenewal = untilRenewal.compareTo(floor) < 0 ? floor : untilRenewal;
      return untilRenewal.compareTo(longest) < 0 ? untilRenewal : longest;
    }
    return longest;
  }

  /**
   * Takes a document a WebSub hub pushed for this feed through the same normalising and deduplication as a poll:
   * entries published before unchanged are skipped, new and revised ones are published.
   *
   * @return how many articles were published
   */
  public synchronized int acceptPush(String topicUrl, byte[] body, String contentType)
      throws FeedParseException, PublishException {
    Instant now = clock.instant();
    List<Article> articles = reader.readPushed(feed, topicUrl, body, contentType, now);
    int fresh = publishChanged(articles, now);
    recordState();
    LOG.info("feed {}: pushed document with {} entries, {} published", url, articles.size(), fresh);
    return fresh;
  }

  /** Publishes new and revised articles; returns how many. Unchanged ones were published before: skipped. */
  private int publishChanged(List<Article> articles, Instant fetched) throws PublishException {
    List<Article> out = new ArrayList<>();
    for (Article a : articles) {
      String hash = shortHash(a);
      String before = published == null ? null : published.get(a.id());
      if (hash.equals(before)) {
        continue;
      }
      if (before != null && !a.updated().isAfter(a.published())) {
        // a revision the feed did not date: it is at least as new as the moment we saw it change
        a = a.toBuilder().updated(fetched).build();
      }
      out.add(a);
    }
    if (out.isEmpty()) {
      return 0;
    }
    // the feed's version is what is remembered: a page fetched once per revision, not again on the next poll
    sink.publish(fullText.complete(feed, out));
    if (published == null) {
      published = new LinkedHashMap<>();
    }
    for (Article a : out) {
      published.remove(a.id());
      published.put(a.id(), shortHash(a));
    }
    var it = published.entrySet().iterator();
    while (published.size() > REMEMBERED_ENTRIES && it.hasNext()) {
      it.next();
      it.remove();
    }
    List<String> list = new ArrayList<>(published.size());
    published.forEach((id, hash) -> list.add(id + ':' + hash));
    remembered = List.copyOf(list);
    LOG.info("feed {}: {} entries, {} published", url, articles.size(), out.size());
    return out.size();
  }

  /** Publishes revisions whose article page arrived after earlier failures; returns how many. */
  private int publishRevised(List<Article> revised) throws PublishException {
    if (!revised.isEmpty()) {
      sink.publish(revised);
    }
    return revised.size();
  }

  private static String shortHash(Article a) {
    String h = a.contentHash();
    return h.length() > HASH_CHARS ? h.substring(0, HASH_CHARS) : h;
  }

  private static Optional<URI> httpUri(String url) {
    try {
      URI u = URI.create(url);
      return "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()) ? Optional.of(u)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

}
