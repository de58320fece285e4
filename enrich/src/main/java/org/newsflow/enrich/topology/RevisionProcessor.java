package org.newsflow.enrich.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsflow.common.article.Article;
import org.newsflow.enrich.tagging.ArticleEnricher;
import org.newsflow.enrich.tagging.TaggingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each article once per revision: an article whose content hash was already published is dropped (the
 * same story syndicated by several feeds, or re-polled after a restart); an older revision than the one published
 * is dropped; anything new or newer is enriched and forwarded. A tombstone is forwarded and forgets the article.
 * Revisions are remembered in a window store for the revision window, so the store does not grow forever; an
 * article re-polled after the window is published again (harmless downstream: same key, same content).
 */
final class RevisionProcessor implements FixedKeyProcessor<String, Article, Article> {

  /** Scope of newsflow's own Streams metrics. */
  static final String METRICS_SCOPE = "newsflow-enrich";

  private static final Logger LOG = LoggerFactory.getLogger(RevisionProcessor.class);

  private final ArticleEnricher enricher;
  private FixedKeyProcessorContext<String, Article> context;
  private WindowStore<String, String> revisions;
  private final long windowMs;
  private Sensor taggingTime;
  private Sensor taggingFailures;

  RevisionProcessor(ArticleEnricher enricher, long windowMs) {
    this.enricher = enricher;
    this.windowMs = windowMs;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Article> context) {
    this.context = context;
    this.revisions = context.getStateStore(EnrichTopology.REVISIONS_STORE);
    // Streams' own metrics registry, so tagging time shows up with the Streams metrics (JMX, KafkaStreams#metrics):
    // group stream-newsflow-enrich-metrics, tag-latency-avg / tag-latency-max (ms), tag-rate, tag-total
    this.taggingTime = context.metrics().addLatencyRateTotalSensor(METRICS_SCOPE, "tagging", "tag",
        Sensor.RecordingLevel.INFO);
    // group stream-newsflow-enrich-metrics, tag-failure-rate / tag-failure-total: articles a tagger failed on
    this.taggingFailures = context.metrics().addRateTotalSensor(METRICS_SCOPE, "tagging", "tag-failure",
        Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    String id = record.key();
    Article article = record.value();
    if (id == null) {
      throw new IllegalArgumentException("record without key: every raw article is keyed by its id");
    }
    long now = StoryClusterProcessor.eventTime(context, record.timestamp());
    if (article == null) {
      // a window store cannot delete every entry of a key; an empty value newer than them all means "forgotten"
      revisions.put(id, "", now);
      context.forward(record);
      return;
    }
    String hash = article.contentHash() == null ? "" : article.contentHash();
    long time = article.revisionTime() == null ? 0 : article.revisionTime().toEpochMilli();
    String seen = latest(id, now);
    if (seen != null && !seen.isEmpty()) {
      int bar = seen.indexOf('|');
      String seenHash = seen.substring(0, bar);
      long seenTime = Long.parseLong(seen.substring(bar + 1));
      if (seenHash.equals(hash) || time < seenTime) {
        return;
      }
    }
    long start = System.nanoTime();
    Article enriched;
    try {
      enriched = enricher.enrich(article);
    } catch (TaggingException e) {
      // counted and logged here with the article id; rethrown so the processing exception handler dead-letters
      // the record (with its origin headers) like any other poison record
      taggingFailures.record();
      LOG.error("{} tagging failed for article {} (partition {}, offset {}); sending it to the dead-letter topic",
          e.stage(), e.articleId(), context.recordMetadata().map(m -> m.partition()).orElse(-1),
          context.recordMetadata().map(m -> m.offset()).orElse(-1L), e.getCause());
      throw e;
    }
    taggingTime.record((System.nanoTime() - start) / 1e6);
    revisions.put(id, hash + "|" + time, now);
    context.forward(record.withValue(enriched));
  }

  /** The newest remembered revision entry of an article, or null. */
  private String latest(String id, long now) {
    long to = now > Long.MAX_VALUE - windowMs ? Long.MAX_VALUE : now + windowMs;
    try (WindowStoreIterator<String> it = revisions.backwardFetch(id, Math.max(0, now - windowMs), to)) {
      return it.hasNext() ? it.next().value : null;
    }
  }
}
