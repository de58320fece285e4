package org.newsflow.ingest.service;

import java.util.List;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.publish.FeedStatus;
import org.newsflow.ingest.publish.PublishException;

/** Where polls deliver their results: Kafka in production ({@link org.newsflow.ingest.publish.ArticlePublisher}). */
public interface ArticleSink {

  /** Delivers articles durably; returns only once they are stored. */
  void publish(List<Article> articles) throws PublishException;

  /** Records a feed's poll status. */
  void publishStatus(FeedStatus status);
}
