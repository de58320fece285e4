package org.newsflow.enrich.tagging;

import java.util.List;
import org.newsflow.common.article.MediaTopic;

/**
 * Assigns IPTC Media Topics to an article. Implementations are thread-safe. The text is assumed to be English (the
 * bundled model knows English only): callers tag topics only for articles whose detected language is {@code en}, e.g.
 * through {@code LinearTopicTagger.tag(title, text, language)}.
 */
public interface TopicTagger {

  /**
   * Tags one article.
   *
   * @param title plain-text title
   * @param text  plain-text body
   * @return topics, best first: level-1 topics, plus level-2 topics where confident
   */
  List<MediaTopic> tag(String title, String text);
}
