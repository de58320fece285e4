package org.newsflow.ingest.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.registry.FeedDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every registered feed on its own schedule: each poll runs on a virtual thread, so thousands of slow feeds
 * can be in flight at once, and a feed that fails only delays itself.
 */
public final class IngestService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final List<FeedPoller> pollers;
  private final AutoCloseable onClose;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("ingest-timer").daemon().factory());
  private final ExecutorService polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("poll-", 0).factory());
  private volatile boolean running;

  /**
   * @param feeds       the feeds to poll
   * @param fetcher     the fetcher
   * @param sink        where articles and statuses go
   * @param interval    default poll interval
   * @param maxBackoff  longest wait after failures
   * @param onClose     closed last when the service stops (the Kafka publisher), may be null
   */
  public IngestService(List<FeedDefinition> feeds, FeedFetcher fetcher, ArticleSink sink, Duration interval,
                       Duration maxBackoff, AutoCloseable onClose) {
    FeedParser parser = new FeedParser();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<FeedPoller> list = new ArrayList<>();
    for (FeedDefinition f : feeds) {
      list.add(new FeedPoller(f, fetcher, parser, normalizer, sink, Clock.systemUTC(),
          f.interval() != null ? f.interval() : interval, maxBackoff));
    }
    this.pollers = List.copyOf(list);
    this.onClose = onClose;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void start() {
    running = true;
    LOG.info("ingest polling {} feeds", pollers.size());
    for (FeedPoller p : pollers) {
      schedule(p, Duration.ZERO);
    }
  }

  private void schedule(FeedPoller poller, Duration delay) {
    if (!running) {
      return;
    }
    timer.schedule(() -> polls.execute(() -> {
      if (running) {
        Duration next = poller.poll();
        schedule(poller, next);
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Health health() {
    return running ? Health.up(pollers.size() + " feeds") : Health.down("stopped");
  }

  @Override
  public void close() {
    running = false;
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
    if (onClose != null) {
      try {
        onClose.close();
      } catch (Exception e) {
        LOG.warn("publisher did not close cleanly: {}", e.toString());
      }
    }
  }
}
