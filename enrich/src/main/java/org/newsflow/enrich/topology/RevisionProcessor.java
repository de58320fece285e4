package org.newsflow.enrich.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsflow.common.article.Article;
import org.newsflow.enrich.tagging.ArticleEnricher;

/**
 * Publishes each article once per revision: an article whose content hash was already published is dropped (the
 * same story syndicated by several feeds, or re-polled after a restart); an older revision than the one published
 * is dropped; anything new or newer is enriched and forwarded. A tombstone is forwarded and forgets the article.
 */
final class RevisionProcessor implements FixedKeyProcessor<String, Article, Article> {

  private final ArticleEnricher enricher;
  private FixedKeyProcessorContext<String, Article> context;
  private KeyValueStore<String, String> revisions;

  RevisionProcessor(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Article> context) {
    this.context = context;
    this.revisions = context.getStateStore(EnrichTopology.REVISIONS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    String id = record.key();
    Article article = record.value();
    if (id == null) {
      throw new IllegalArgumentException("record without key: every raw article is keyed by its id");
    }
    if (article == null) {
      revisions.delete(id);
      context.forward(record);
      return;
    }
    String hash = article.contentHash() == null ? "" : article.contentHash();
    long time = article.revisionTime() == null ? 0 : article.revisionTime().toEpochMilli();
    String seen = revisions.get(id);
    if (seen != null) {
      int bar = seen.indexOf('|');
      String seenHash = seen.substring(0, bar);
      long seenTime = Long.parseLong(seen.substring(bar + 1));
      if (seenHash.equals(hash) || time < seenTime) {
        return;
      }
    }
    Article enriched = enricher.enrich(article);
    revisions.put(id, hash + "|" + time);
    context.forward(record.withValue(enriched));
  }
}
