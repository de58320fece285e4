package org.newsflow.ingest.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.publish.ArticleSink;
import org.newsflow.ingest.read.FeedReader;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedListener;
import org.newsflow.ingest.registry.FeedSource;
import org.newsflow.ingest.registry.PollerState;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.fulltext.PageFetcher;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.ingest.websub.PushSubscriptions;
import org.newsflow.ingest.websub.Subscription;
import org.newsflow.ingest.websub.WebSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed its {@link FeedSource} hands it, each on its own schedule: a timer thread only dispatches, each
 * poll runs on a virtual thread, so thousands of slow feeds can be in flight at once and a feed that fails, is
 * rate-limited or times out only delays itself. Feeds can be added, changed and removed while running.
 */
public final class IngestService implements Service, FeedListener {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final FeedSource source;
  private final FeedReader reader;
  private final ArticleSink sink;
  private final PollPolicy policy;
  private final HostLimiter hosts;
  private final PageFetcher pages;
  private final Clock clock;
  private final AutoCloseable onClose;
  private final Optional<WebSub> webSub;
  private final ConcurrentHashMap<String, Scheduled> feeds = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
      Thread.ofPlatform().name("ingest-timer").daemon().factory());
  private final ExecutorService polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("poll-", 0).factory());
  private final AtomicLong pollCount = new AtomicLong();
  private final AtomicLong pushCount = new AtomicLong();
  private volatile boolean running;

  /** A feed's poller and its pending timer task; replaced as a whole when the feed changes. */
  private static final class Scheduled {
    final FeedPoller poller;
    volatile ScheduledFuture<?> next;
    volatile boolean moveReported;

    Scheduled(FeedPoller poller) {
      this.poller = poller;
    }
  }

  /**
   * A service polling a fixed list of feeds at a fixed interval (tools and tests).
   *
   * @param feeds      the feeds to poll
   * @param fetcher    the fetcher
   * @param sink       where articles and statuses go
   * @param interval   default poll interval
   * @param maxBackoff longest wait after failures
   * @param onClose    closed last when the service stops (the Kafka publisher), may be null
   */
  public IngestService(List<FeedDefinition> feeds, FeedFetcher fetcher, ArticleSink sink, Duration interval,
                       Duration maxBackoff, AutoCloseable onClose) {
    this(FeedSource.of(feeds), fetcher, sink, PollPolicy.fixed(interval, maxBackoff), HostLimiter.unlimited(),
        Clock.systemUTC(), onClose);
  }

  /**
   * @param source  where feeds come from (a list, or this instance's share of news.feeds)
   * @param fetcher the fetcher
   * @param sink    where articles and statuses go
   * @param policy  intervals and backoff
   * @param hosts   per-host politeness
   * @param clock   the clock
   * @param onClose closed last when the service stops (the Kafka publisher), may be null
   */
  public IngestService(FeedSource source, FeedFetcher fetcher, ArticleSink sink, PollPolicy policy, HostLimiter hosts,
                       Clock clock, AutoCloseable onClose) {
    this(source, fetcher, sink, policy, hosts, clock, onClose, null, Optional.empty());
  }

  /**
   * A service that fetches the article pages of summary-only entries.
   *
   * @param pages the article page fetcher (sharing {@code hosts} with the feed polls), null for none
   */
  public IngestService(FeedSource source, FeedFetcher fetcher, ArticleSink sink, PollPolicy policy, HostLimiter hosts,
                       Clock clock, AutoCloseable onClose, PageFetcher pages) {
    this(source, fetcher, sink, policy, hosts, clock, onClose, pages, Optional.empty());
  }

  /** A service with WebSub push delivery (started and closed with the service), without article pages. */
  public IngestService(FeedSource source, FeedFetcher fetcher, ArticleSink sink, PollPolicy policy, HostLimiter hosts,
                       Clock clock, AutoCloseable onClose, Optional<WebSub> webSub) {
    this(source, fetcher, sink, policy, hosts, clock, onClose, null, webSub);
  }

  /**
   * The service with every part.
   *
   * @param pages  the article page fetcher (sharing {@code hosts} with the feed polls), null for none
   * @param webSub push delivery, started and closed with the service; empty for none
   */
  public IngestService(FeedSource source, FeedFetcher fetcher, ArticleSink sink, PollPolicy policy, HostLimiter hosts,
                       Clock clock, AutoCloseable onClose, PageFetcher pages, Optional<WebSub> webSub) {
    this.pages = pages;
    this.webSub = webSub;
    this.source = source;
    this.reader = new FeedReader(fetcher, new FeedParser(), new ArticleNormalizer());
    this.sink = sink;
    this.policy = policy;
    this.hosts = hosts;
    this.clock = clock;
    this.onClose = onClose;
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * The production service: the feeds of this instance's share of news.feeds (after importing {@code imports},
   * e.g. a feeds file), settings from the config.
   *
   * @param clientProps base Kafka client properties
   * @param publisher   the Kafka publisher, closed with the service
   */
  public static IngestService create(org.newsflow.common.config.Config config, java.util.Properties clientProps,
                                     org.newsflow.common.topics.Topics topics, List<FeedDefinition> imports,
                                     FeedFetcher fetcher, org.newsflow.ingest.publish.ArticlePublisher publisher,
                                     io.micrometer.core.instrument.MeterRegistry metrics) {
    FeedSource source = new org.newsflow.ingest.registry.KafkaFeedRegistry(clientProps, topics,
        config.get(IngestSettings.GROUP_ID), config.get(IngestSettings.SESSION_TIMEOUT), imports);
    publisher.bindMetrics(metrics);
    HostLimiter hosts = new HostLimiter(config.get(IngestSettings.HOST_CONCURRENCY), config.get(IngestSettings.HOST_DELAY));
    PageFetcher pages = new PageFetcher(fetcher, hosts, new ArticleExtractor(), IngestSettings.fullText(config),
        config.get(IngestSettings.USER_AGENT), Clock.systemUTC());
    Optional<WebSub> webSub = WebSub.fromConfig(config, clientProps, topics.feedSubscriptions().name(),
        new org.newsflow.common.article.ArticleJson().mapper(), fetcher, Clock.systemUTC(), metrics);
    return new IngestService(source, fetcher, new MeteredArticleSink(publisher, metrics), IngestSettings.policy(config),
        hosts, Clock.systemUTC(), publisher, pages, webSub);
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void start() throws java.io.IOException {
    running = true;
    if (webSub.isPresent()) {
      webSub.get().start(this::acceptPush);
    }
    source.start(this);
    LOG.info("ingest started with {} feeds", feeds.size());
  }

  @Override
  public void upsert(FeedDefinition feed, PollerState restored, Instant nextPoll) {
    Scheduled current = feeds.get(feed.id());
    if (current != null && (current.poller.feed().equals(feed) || isMoveOf(current.poller, feed))) {
      return;
    }
    // a changed definition keeps what the running poller knows (ETag, backoff, published entries)
    PollerState state = current != null ? current.poller.state() : restored;
    Scheduled s = new Scheduled(new FeedPoller(feed, reader, sink, clock, policy, hosts, state,
        ThreadLocalRandom.current(), webSub.map(WebSub::subscriptions).orElse(PushSubscriptions.none()), pages));
    Scheduled old = feeds.put(feed.id(), s);
    cancel(old);
    Duration delay = Duration.ZERO;
    if (nextPoll != null && old == null) {
      // keep the schedule the previous owner promised (backoff, Retry-After), but never wait longer than a backoff
      Duration left = Duration.between(clock.instant(), nextPoll);
      Duration longest = policy.maxBackoff().compareTo(policy.maxInterval()) > 0 ? policy.maxBackoff() : policy.maxInterval();
      delay = left.isNegative() ? Duration.ZERO : left.compareTo(longest) > 0 ? longest : left;
    }
    schedule(feed.id(), s, delay);
  }

  /** The registry echoing back a permanent redirect this poller followed: keep the poller and its state. */
  private static boolean isMoveOf(FeedPoller poller, FeedDefinition feed) {
    FeedDefinition old = poller.feed();
    return poller.url().equals(feed.url()) && java.util.Objects.equals(old.name(), feed.name())
        && java.util.Objects.equals(old.interval(), feed.interval()) && old.tags().equals(feed.tags());
  }

  @Override
  public void remove(String feedId) {
    cancel(feeds.remove(feedId));
  }

  /**
   * A verified push from a hub: the feed's poller takes it through the same parse, normalise and dedupe path as
   * its polls. A push for a feed this instance does not poll (it moved to another instance, which subscribes with
   * its own callback) is dropped; the feed's owner gets the same content by its own push or poll.
   */
  private void acceptPush(Subscription subscription, byte[] body, String contentType) {
    Scheduled s = feeds.get(subscription.feedId());
    if (s == null) {
      LOG.info("WebSub push for feed {} dropped: not polled by this instance", subscription.feedId());
      return;
    }
    try {
      s.poller.acceptPush(subscription.topic(), body, contentType);
      pushCount.incrementAndGet();
    } catch (org.newsflow.ingest.parse.FeedParseException | org.newsflow.ingest.publish.PublishException e) {
      LOG.warn("WebSub push for feed {} not published: {}", subscription.feedId(), e.getMessage());
    }
  }

  private static void cancel(Scheduled s) {
    if (s != null && s.next != null) {
      s.next.cancel(false);
    }
  }

  private void schedule(String feedId, Scheduled s, Duration delay) {
    if (!running || feeds.get(feedId) != s) {
      return;
    }
    s.next = timer.schedule(() -> polls.execute(() -> {
      if (running && feeds.get(feedId) == s) {
        Duration next = s.poller.poll();
        pollCount.incrementAndGet();
        if (!s.moveReported && !s.poller.url().equals(s.poller.feed().url())) {
          s.moveReported = true;
          source.moved(s.poller.feed(), s.poller.url());
        }
        schedule(feedId, s, next);
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Feeds this instance polls now. */
  public int feedCount() {
    return feeds.size();
  }

  /** Polls completed since start (benchmarks and metrics). */
  public long pollCount() {
    return pollCount.get();
  }

  /** When the feed with this id is polled next, if this instance polls it (tests). */
  public Instant nextPoll(String feedId) {
    Scheduled s = feeds.get(feedId);
    return s == null || s.next == null ? null : clock.instant().plusMillis(s.next.getDelay(TimeUnit.MILLISECONDS));
  }

  /** Pushed documents taken since start (tests and metrics). */
  public long pushCount() {
    return pushCount.get();
  }

  /** The WebSub callback port, -1 without push delivery (tests). */
  public int webSubPort() {
    return webSub.map(WebSub::port).orElse(-1);
  }

  @Override
  public Health health() {
    return running ? Health.up(feeds.size() + " feeds, " + pollCount.get() + " polls"
        + (webSub.isPresent() ? ", " + pushCount.get() + " pushes" : "")) : Health.down("stopped");
  }

  @Override
  public void close() {
    running = false;
    source.close();
    timer.shutdownNow();
    polls.shutdown();
    try {
      if (!polls.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("some feed polls did not finish within 30 s");
        polls.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    webSub.ifPresent(WebSub::close);
    if (onClose != null) {
      try {
        onClose.close();
      } catch (Exception e) {
        LOG.warn("publisher did not close cleanly: {}", e.toString());
      }
    }
  }
}
