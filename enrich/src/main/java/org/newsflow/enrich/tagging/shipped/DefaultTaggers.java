package org.newsflow.enrich.tagging.shipped;

import java.time.Clock;
import org.newsflow.enrich.tagging.ArticleEnricher;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.PerceptronEntityTagger;
import org.newsflow.enrich.tagging.language.OpenNlpLanguageDetector;
import org.newsflow.enrich.tagging.topic.LinearTopicTagger;

/** The taggers newsflow ships with, wired into one {@link ArticleEnricher}. Loading takes a second or two. */
public final class DefaultTaggers {

  private DefaultTaggers() {
  }

  /** The enricher with the shipped entity, topic and language models. */
  public static ArticleEnricher enricher(Clock clock) {
    return new ArticleEnricher(new PerceptronEntityTagger(EntityModel.loadDefault()), LinearTopicTagger.loadDefault(),
        OpenNlpLanguageDetector.loadDefault(), clock);
  }
}
