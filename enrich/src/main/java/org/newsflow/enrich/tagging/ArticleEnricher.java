package org.newsflow.enrich.tagging;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
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

  /**
   * The article with language, entities, topics and the enrichment time set.
   *
   * @throws TaggingException when a tagger fails on it
   */
  public Article enrich(Article article) {
    long start = System.nanoTime();
    // the detector reads only the beginning; copying a whole long text for it would be wasted work
    String text = article.text();
    String sample = article.title() + "\n" + text.substring(0, Math.min(text.length(), 2000));
    String language = guarded("language", article, () -> languages.detect(sample));
    if (LanguageDetector.UNKNOWN.equals(language) && article.language() != null) {
      language = article.language();
    }
    List<Entity> foundEntities = List.of();
    List<MediaTopic> foundTopics = List.of();
    if (ENGLISH.equals(language) || LanguageDetector.UNKNOWN.equals(language)) {
      foundEntities = guarded("entities", article, () -> entities.tag(article.title(), article.text()));
      foundTopics = guarded("topics", article, () -> topics.tag(article.title(), article.text()));
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

  /**
   * Runs one tagger; whatever it throws (including a stack overflow on hostile input) becomes a
   * {@link TaggingException} naming the stage and the article, so a failure is never mistaken for "no tags".
   */
  private static <T> T guarded(String stage, Article article, Supplier<T> tagger) {
    try {
      return tagger.get();
    } catch (RuntimeException | StackOverflowError e) {
      throw new TaggingException(stage, article.id(), e);
    }
  }
}
