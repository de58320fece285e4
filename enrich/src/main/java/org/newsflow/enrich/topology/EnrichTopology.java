package org.newsflow.enrich.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.kafka.ArticleSerde;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.tagging.ArticleEnricher;

/**
 * Builds the enrich topology: raw articles in, each article deduplicated against the revisions already published
 * (state store {@value #REVISIONS_STORE}), tagged, and written to the enriched topic under the same key.
 * Poison records are not handled here: the Streams exception-handler settings send them to the dead-letter topic.
 */
public final class EnrichTopology {

  /** Store of the last published revision per article id. */
  public static final String REVISIONS_STORE = "article-revisions";

  private EnrichTopology() {
  }

  /**
   * The topology, given everything it depends on. Never starts anything.
   *
   * @param topics   topic names
   * @param enricher the taggers
   * @param options  shape options
   * @param json     article JSON mapping
   */
  public static Topology build(Topics topics, ArticleEnricher enricher, EnrichOptions options, ArticleJson json) {
    ArticleSerde articleSerde = new ArticleSerde(json);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVISIONS_STORE),
        Serdes.String(), Serdes.String()));

    KStream<String, Article> raw = builder.stream(topics.articlesRaw().name(),
        Consumed.with(Serdes.String(), articleSerde));
    KStream<String, Article> enriched = raw.processValues(() -> new RevisionProcessor(enricher), REVISIONS_STORE);
    enriched.to(topics.articlesEnriched().name(), Produced.with(Serdes.String(), articleSerde));
    if (options.routeByTopic()) {
      enriched.filter((id, a) -> a != null)
          .flatMapValues(a -> a.topics().stream().filter(t -> t.level() == 1).map(t -> new Routed(t.label(), a)).toList())
          .to((id, routed, ctx) -> topics.topicRoute(TopicSlugs.slug(routed.topic())).name(),
              Produced.with(Serdes.String(), new RoutedSerde(articleSerde)));
    }
    return builder.build();
  }

  /** An article on its way to one subject topic. */
  record Routed(String topic, Article article) {
  }
}
