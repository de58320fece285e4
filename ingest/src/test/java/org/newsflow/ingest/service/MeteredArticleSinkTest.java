package org.newsflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.newsflow.common.article.Article;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.publish.ArticleSink;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollFailure;
import org.newsflow.ingest.registry.PollerState;

class MeteredArticleSinkTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MeteredArticleSink sink = new MeteredArticleSink(new ArticleSink() {
    @Override
    public void publish(List<Article> articles) {
    }

    @Override
    public void publishStatus(FeedHealth status) {
    }

    @Override
    public void publishState(PollerState state) {
    }
  }, registry);

  private static FeedHealth status(int http, String error, PollFailure failure) {
    return new FeedHealth("f", "https://e.org/f", null, http, 0, 0, error == null ? 0 : 1, null, error, failure, null);
  }

  @Test
  void shouldCountFailuresByTheirRecordedReason() {
    sink.publishStatus(status(0, "TIMEOUT: no answer: within 700 ms", PollFailure.TIMEOUT));
    sink.publishStatus(status(0, "PARSE: not a feed", PollFailure.PARSE));
    sink.publishStatus(status(0, "written by an older version", null));
    sink.publishStatus(status(304, null, null));
    assertThat(registry.counter("newsflow.ingest.failures", "reason", "TIMEOUT").count()).isEqualTo(1);
    assertThat(registry.counter("newsflow.ingest.failures", "reason", "PARSE").count()).isEqualTo(1);
    assertThat(registry.counter("newsflow.ingest.failures", "reason", "OTHER").count()).isEqualTo(1);
    assertThat(registry.counter("newsflow.ingest.polls", "outcome", "failed").count()).isEqualTo(3);
    assertThat(registry.counter("newsflow.ingest.polls", "outcome", "not_modified").count()).isEqualTo(1);
  }
}
