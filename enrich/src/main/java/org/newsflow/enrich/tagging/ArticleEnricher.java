package org.newsflow.enrich.tagging;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.MediaTopic;

/**
 * Adds language, entities and topics to an article. The entity and topic models are English, so other languages
 * get their language and no tags rather than wrong ones. Used by the Streams topology and by `newsflow tag` alike.
 */
public final class ArticleEnricher {

  private static final String ENGLISH = "en";

  private final EntityTagger entities;
  private final TopicTagger topics;
  private final LanguageDetector languages;
  private final Clock clock;
  private final LongConsumer taggingNanos;

  /** Wires the taggers. */
  public ArticleEnricher(EntityTagger entities, TopicTagger topics, LanguageDetector languages, Clock clock) {
    this(entities, topics, languages, clock, nanos -> { });
  }

  /**
   * Wires the taggers and a listener told how long each article took to tag (in nanoseconds), so a caller can
   * record it as a metric without this package knowing about metrics.
   */
  public ArticleEnricher(EntityTagger entities, TopicTagger topics, LanguageDetector languages, Clock clock,
                         LongConsumer taggingNanos) {
    this.entities = entities;
    this.topics = topics;
    this.languages = languages;
    this.clock = clock;
    this.taggingNanos = taggingNanos;
  }

  /** The same taggers reporting tagging time to a listener. */
  public ArticleEnricher withTimingListener(LongConsumer listener) {
    return new ArticleEnricher(entities, topics, languages, clock, listener);
  }

  /** The article with language, entities, topics and the enrichment time set. */
  public Article enrich(Article article) {
    long start = System.nanoTime();
    // the detector reads only the beginning; copying a whole long text for it would be wasted work
    String text = article.text();
    String language = languages.detect(article.title() + "\n" + text.substring(0, Math.min(text.length(), 2000)));
    if (LanguageDetector.UNKNOWN.equals(language) && article.language() != null) {
      language = article.language();
    }
    List<Entity> foundEntities = List.of();
    List<MediaTopic> foundTopics = List.of();
    if (ENGLISH.equals(language) || LanguageDetector.UNKNOWN.equals(language)) {
      foundEntities = entities.tag(article.title(), article.text());
      foundTopics = topics.tag(article.title(), article.text());
    }
    Article enriched = article.toBuilder()
        .language(language)
        .entities(foundEntities)
        .topics(foundTopics)
        .enriched(clock.instant())
        .build();
    taggingNanos.accept(System.nanoTime() - start);
    return enriched;
  }
}
