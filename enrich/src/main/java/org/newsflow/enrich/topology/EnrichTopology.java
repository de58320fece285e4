package org.newsflow.enrich.topology;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.kafka.ArticleSerde;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.cluster.ClusterParams;
import org.newsflow.enrich.cluster.StoryClusterer;
import org.newsflow.enrich.tagging.ArticleEnricher;

/**
 * Builds the enrich topology in two sub-topologies.
 *
 * <ol>
 *   <li>Partitioned by article id, scaling with the raw topic's partitions: each article is deduplicated against the
 *   revisions already published (store {@value #REVISIONS_STORE}) and tagged, which is where the CPU goes.</li>
 *   <li>One partition (internal repartition topic {@value #CLUSTERING_REPARTITION}): story clustering, which must see
 *   every article to compare it with the others, sets {@code storyId} and {@code duplicateOf} (windowed stores
 *   {@value #STORY_BUCKETS_STORE}, {@value #STORY_FINGERPRINTS_STORE}), keeps the story views ({@value #STORIES_STORE})
 *   for the stories topic, and writes the enriched articles (keyed by article id as before).</li>
 * </ol>
 *
 * <p>Poison records are not handled here: the Streams exception-handler settings send them to the dead-letter topic.
 */
public final class EnrichTopology {

  /** Windowed store of the last published revision per article id. */
  public static final String REVISIONS_STORE = "article-revisions";
  /** Windowed store of LSH buckets: bucket key to member article ids. */
  public static final String STORY_BUCKETS_STORE = "story-lsh-buckets";
  /** Windowed store of MinHash fingerprints by article id. */
  public static final String STORY_FINGERPRINTS_STORE = "story-fingerprints";
  /** Windowed store of story views by story id. */
  public static final String STORIES_STORE = "story-views";
  /** Name of the single-partition repartition step in front of clustering. */
  public static final String CLUSTERING_REPARTITION = "story-clustering";

  private EnrichTopology() {
  }

  /**
   * The topology, given everything it depends on. Never starts anything.
   *
   * @param topics   topic names
   * @param enricher the taggers
   * @param options  shape options
   * @param cluster  story clustering parameters
   * @param json     article JSON mapping
   */
  public static Topology build(Topics topics, ArticleEnricher enricher, EnrichOptions options, ClusterParams cluster,
                               ArticleJson json) {
    ArticleSerde articleSerde = new ArticleSerde(json);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(REVISIONS_STORE, options.revisionWindow(), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.String()));
    Duration window = cluster.window();
    // window size 1 ms: entries are points in time; the retention is the clustering window, so segments older than
    // the window are dropped whole. Bucket entries retain duplicates: one entry per member article.
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORY_BUCKETS_STORE, window, Duration.ofMillis(1), true),
        Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORY_FINGERPRINTS_STORE, window, Duration.ofMillis(1), false),
        Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORIES_STORE, window, Duration.ofMillis(1), false),
        Serdes.String(), Serdes.ByteArray()));

    KStream<String, Article> raw = builder.stream(topics.articlesRaw().name(),
        Consumed.with(Serdes.String(), articleSerde));
    KStream<String, Article> tagged = raw.processValues(
        () -> new RevisionProcessor(enricher, options.revisionWindow().toMillis()), REVISIONS_STORE);
    StoryClusterer clusterer = new StoryClusterer(cluster);
    KStream<String, Article> enriched = tagged
        // one partition: clustering compares across all articles; it is cheap next to tagging (docs/enrich.md)
        .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName(CLUSTERING_REPARTITION)
            .withNumberOfPartitions(1))
        .processValues(() -> new StoryClusterProcessor(clusterer), STORY_BUCKETS_STORE, STORY_FINGERPRINTS_STORE);
    enriched.to(topics.articlesEnriched().name(), Produced.with(Serdes.String(), articleSerde));
    enriched.process(() -> new StoryViewProcessor(json.mapper(), window.toMillis()), STORIES_STORE)
        .to(topics.stories().name(), Produced.with(Serdes.String(), new StorySerde(json.mapper())));
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
