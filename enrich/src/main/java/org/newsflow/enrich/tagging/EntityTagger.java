package org.newsflow.enrich.tagging;

import java.util.List;
import org.newsflow.common.article.Entity;

/**
 * Finds the people, organisations, places and other names in an article and folds their mentions into canonical
 * entities. Implementations are thread-safe and never throw on odd text (empty, huge, any Unicode).
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
