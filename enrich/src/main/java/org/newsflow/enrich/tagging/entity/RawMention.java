package org.newsflow.enrich.tagging.entity;

import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/**
 * A name found in one field, before folding.
 *
 * @param field  {@code title} or {@code text}
 * @param start  start offset in the field
 * @param end    end offset in the field
 * @param text   the mention as written
 * @param type   its type after clean-up
 * @param words  its normalised words
 * @param order  position among the article's mentions
 * @param form   {@link Mention#NAME} or {@link Mention#DEMONYM}
 */
record RawMention(String field, int start, int end, String text, EntityType type, String[] words, int order,
                  String form) {

  RawMention(String field, int start, int end, String text, EntityType type, String[] words, int order) {
    this(field, start, end, text, type, words, order, Mention.NAME);
  }

  /** The same mention as a demonym of its place. */
  RawMention asDemonym() {
    return new RawMention(field, start, end, text, type, words, order, Mention.DEMONYM);
  }

  /** The normalised words joined by spaces. */
  String key() {
    return String.join(" ", words);
  }

  /** The last normalised word. */
  String last() {
    return words[words.length - 1];
  }
}
