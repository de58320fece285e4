package org.newsflow.common.article;

/**
 * One occurrence of an entity in an article.
 *
 * @param field {@code title} or {@code text}: which plain-text field of the article the offsets index into
 * @param start start offset (inclusive), a Java String index
 * @param end   end offset (exclusive), a Java String index
 * @param text  the mentioned text, equal to {@code field.substring(start, end)}
 * @param form  {@value #NAME} when the entity is named ("Israel", "Joe Biden"), {@value #DEMONYM} when a place is
 *              mentioned through its nationality or inhabitant word ("Israeli", "Gazans", "American"); mentions
 *              read from records written before the field existed are names
 */
public record Mention(String field, int start, int end, String text, String form) {

  /** Form of a mention that names its entity. */
  public static final String NAME = "name";
  /** Form of a mention that is a demonym of a place (nationality or adjectival form). */
  public static final String DEMONYM = "demonym";

  /** Rejects impossible offsets and unknown forms. */
  public Mention {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad mention offsets " + start + ".." + end);
    }
    form = form == null ? NAME : form;
    if (!form.equals(NAME) && !form.equals(DEMONYM)) {
      throw new IllegalArgumentException("unknown mention form '" + form + "' (expected name or demonym)");
    }
  }

  /** A mention that names its entity. */
  public Mention(String field, int start, int end, String text) {
    this(field, start, end, text, NAME);
  }
}
