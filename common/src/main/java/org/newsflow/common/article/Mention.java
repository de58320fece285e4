package org.newsflow.common.article;

/**
 * One occurrence of an entity in an article.
 *
 * @param field {@code title} or {@code text}: which plain-text field of the article the offsets index into
 * @param start start offset (inclusive), a Java String index
 * @param end   end offset (exclusive), a Java String index
 * @param text  the mentioned text, equal to {@code field.substring(start, end)}
 */
public record Mention(String field, int start, int end, String text) {

  /** Rejects impossible offsets. */
  public Mention {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad mention offsets " + start + ".." + end);
    }
  }
}
