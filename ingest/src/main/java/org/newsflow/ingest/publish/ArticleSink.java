package org.newsflow.ingest.publish;

import java.util.List;
import org.newsflow.common.article.Article;

/** Where polls deliver their results: Kafka in production ({@link ArticlePublisher}). */
public interface ArticleSink {

  /** Delivers articles durably; returns only once they are stored. */
  void publish(List<Article> articles) throws PublishException;

  /** Records a feed's poll status. */
  void publishStatus(FeedStatus status);
}
