package org.newsflow.enrich.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.newsflow.common.kafka.ArticleSerde;

/** Writes a routed article as the plain article JSON: the subject only chooses the topic. */
final class RoutedSerde implements Serde<EnrichTopology.Routed> {

  private final ArticleSerde articles;

  RoutedSerde(ArticleSerde articles) {
    this.articles = articles;
  }

  @Override
  public Serializer<EnrichTopology.Routed> serializer() {
    Serializer<org.newsflow.common.article.Article> s = articles.serializer();
    return (topic, routed) -> routed == null ? null : s.serialize(topic, routed.article());
  }

  @Override
  public Deserializer<EnrichTopology.Routed> deserializer() {
    throw new UnsupportedOperationException("routed articles are only written");
  }
}
