package org.newsflow.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.publish.ArticleSink;
import org.newsflow.ingest.publish.PublishException;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollerState;

/**
 * Counts what ingest delivers: every poll ends in exactly one status, so polls by outcome (changed, not_modified,
 * failed) and failures by reason are read off the statuses; published articles off the batches.
 */
public final class MeteredArticleSink implements ArticleSink {

  private final ArticleSink delegate;
  private final MeterRegistry registry;
  private final Counter published;

  /** Wraps a sink, recording into the registry. */
  public MeteredArticleSink(ArticleSink delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
    this.published = Counter.builder("newsflow.ingest.articles.published")
        .description("Articles written to the raw-articles topic (new or revised)").register(registry);
  }

  @Override
  public void publish(List<Article> articles) throws PublishException {
    delegate.publish(articles);
    published.increment(articles.size());
  }

  @Override
  public void publishStatus(FeedHealth status) {
    String outcome;
    if (status.error() != null) {
      outcome = "failed";
      String reason = status.failure() == null ? "OTHER" : status.failure().name();
      registry.counter("newsflow.ingest.failures", "reason", reason).increment();
    } else {
      outcome = status.httpStatus() == 304 ? "not_modified" : "changed";
    }
    registry.counter("newsflow.ingest.polls", "outcome", outcome).increment();
    delegate.publishStatus(status);
  }

  @Override
  public void publishState(PollerState state) {
    delegate.publishState(state);
  }
}
