package org.newsflow.common.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;

/**
 * Kafka serde for {@link Article} as JSON. A null value is a tombstone in both directions; bytes that are not an
 * article raise {@link org.newsflow.common.article.InvalidArticleException} so that the caller's error handling
 * (a dead-letter topic) sees them.
 */
public final class ArticleSerde implements Serde<Article> {

  private final ArticleJson json;

  /** A serde with the shared article JSON mapping. */
  public ArticleSerde(ArticleJson json) {
    this.json = json;
  }

  @Override
  public Serializer<Article> serializer() {
    return (topic, article) -> article == null ? null : json.toBytes(article);
  }

  @Override
  public Deserializer<Article> deserializer() {
    return (topic, bytes) -> bytes == null ? null : json.fromBytes(bytes);
  }
}
