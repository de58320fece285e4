package org.newsflow.enrich.tagging;

import java.util.List;
import org.newsflow.common.article.Entity;

/**
 * Finds the people, organisations, places and other names in an article and folds their mentions into canonical
 * entities. Implementations are thread-safe and handle any text (empty, huge, any Unicode); an exception means a
 * bug, and is left to the caller to report ({@link ArticleEnricher} names the article) rather than hidden as an
 * empty result.
 */
public interface EntityTagger {

  /**
   * Tags one article.
   *
   * @param title the article's plain-text title (mentions get field {@code title})
   * @param text  the article's plain-text body (mentions get field {@code text})
   * @return canonical entities, most salient first
   */
  List<Entity> tag(String title, String text);
}
