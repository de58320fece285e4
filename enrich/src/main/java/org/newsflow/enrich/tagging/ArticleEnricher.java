package org.newsflow.enrich.tagging;

import java.time.Clock;
import java.util.List;
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

  /** Wires the taggers. */
  public ArticleEnricher(EntityTagger entities, TopicTagger topics, LanguageDetector languages, Clock clock) {
    this.entities = entities;
    this.topics = topics;
    this.languages = languages;
    this.clock = clock;
  }

  /** The article with language, entities, topics and the enrichment time set. */
  public Article enrich(Article article) {
    String language = languages.detect(article.title() + "\n" + article.text());
    if (LanguageDetector.UNKNOWN.equals(language) && article.language() != null) {
      language = article.language();
    }
    List<Entity> foundEntities = List.of();
    List<MediaTopic> foundTopics = List.of();
    if (ENGLISH.equals(language) || LanguageDetector.UNKNOWN.equals(language)) {
      foundEntities = entities.tag(article.title(), article.text());
      foundTopics = topics.tag(article.title(), article.text());
    }
    return article.toBuilder()
        .language(language)
        .entities(foundEntities)
        .topics(foundTopics)
        .enriched(clock.instant())
        .build();
  }
}
