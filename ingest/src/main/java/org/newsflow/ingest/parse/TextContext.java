package org.newsflow.ingest.parse;

/**
 * How one text of a feed (a title, summary, content, subtitle or rights statement) is to be read, as the XML around
 * it declares it.
 *
 * @param type     the text's media type: {@code text/plain}, {@code text/html} or {@code application/xhtml+xml}
 *                 (Atom's {@code text}, {@code html} and {@code xhtml}; Atom 0.3 may name another), {@code text/html}
 *                 for RSS descriptions and content, {@code text/plain} for RSS titles; null when unknown
 * @param base     the {@code xml:base} in effect on the element, resolved against the enclosing bases and the
 *                 document's URL; relative URLs inside the text resolve against it. Null when the document declares
 *                 none and its URL is unknown; may itself be relative when the document URL is unknown
 * @param language the {@code xml:lang} in effect on the element ({@code _} written as {@code -}), null when none is
 *                 in effect or the nearest one is empty ({@code xml:lang=""} means "unknown")
 */
public record TextContext(String type, String base, String language) {

  /** Nothing known. */
  public static final TextContext UNKNOWN = new TextContext(null, null, null);
}
