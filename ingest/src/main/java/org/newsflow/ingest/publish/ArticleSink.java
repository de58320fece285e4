package org.newsflow.ingest.publish;

import java.util.List;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollerState;

/** Where polls deliver their results: Kafka in production ({@link ArticlePublisher}). */
public interface ArticleSink {

  /** Delivers articles durably; returns only once they are stored. */
  void publish(List<Article> articles) throws PublishException;

  /** Records how a feed's poll went (once per poll). */
  void publishStatus(FeedHealth status);

  /** Records a feed poller's memory (only when it changed). */
  void publishState(PollerState state);
}
