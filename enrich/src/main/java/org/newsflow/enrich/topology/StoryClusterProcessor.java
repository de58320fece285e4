package org.newsflow.enrich.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.newsflow.common.article.Article;
import org.newsflow.enrich.cluster.StoryAssignment;
import org.newsflow.enrich.cluster.StoryClusterer;

/**
 * Sets {@code storyId} and {@code duplicateOf} on each article. Runs in the single-partition clustering
 * sub-topology, so every article is compared with every other one in the window, whatever partition it came from.
 */
final class StoryClusterProcessor implements FixedKeyProcessor<String, Article, Article> {

  private final StoryClusterer clusterer;
  private FixedKeyProcessorContext<String, Article> context;
  private WindowedStoryIndex index;

  StoryClusterProcessor(StoryClusterer clusterer) {
    this.clusterer = clusterer;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Article> context) {
    this.context = context;
    this.index = new WindowedStoryIndex(context.getStateStore(EnrichTopology.STORY_BUCKETS_STORE),
        context.getStateStore(EnrichTopology.STORY_FINGERPRINTS_STORE), clusterer.params().window().toMillis());
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    Article article = record.value();
    if (article == null) {
      context.forward(record);
      return;
    }
    StoryAssignment story = clusterer.assign(record.key(), article.title() + "\n" + article.text(),
        eventTime(context, record.timestamp()), index);
    context.forward(record.withValue(article.toBuilder().storyId(story.storyId()).duplicateOf(story.duplicateOf()).build()));
  }

  /**
   * The record time, but never later than the wall clock: window stores expire by the newest time they have seen, so
   * one record stamped far in the future would otherwise expire every story at once.
   */
  static long eventTime(FixedKeyProcessorContext<?, ?> context, long recordTime) {
    return Math.max(0, Math.min(recordTime, context.currentSystemTimeMs()));
  }
}
