package org.newsflow.ingest.parse;

/** How a feed's texts become HTML by their declared type (Atom {@code text}, {@code html}, {@code xhtml}). */
final class TextTypes {

  private TextTypes() {
  }

  /**
   * A text declared {@code text/plain} (Atom's {@code type="text"}, the default) as HTML: escaped, so that
   * {@code a <b> tag} reads as written instead of losing its "tag", unless it plainly is HTML after all (a closing tag
   * or a character reference), which is how many feeds mislabel their HTML. Atom 1.0's inline XHTML loses its
   * wrapping div ({@code atom10}; Atom 0.3 had no such wrapper rule).
   */
  static String asHtml(String value, TextContext context, boolean atom10) {
    if (value == null) {
      return null;
    }
    if (atom10 && "application/xhtml+xml".equals(context.type())) {
      return unwrapXhtmlDiv(value);
    }
    if (!"text/plain".equals(context.type()) || LOOKS_LIKE_HTML.matcher(value).find()) {
      return value;
    }
    return escapeHtml(value);
  }

  /**
   * Atom's inline XHTML without the {@code <div>} that wraps it, which RFC 4287 (4.1.3.3) says is not part of the
   * content; anything else is returned as it is.
   */
  static String unwrapXhtmlDiv(String value) {
    String v = value.strip();
    if (!v.startsWith("<div") || !v.endsWith("</div>") || v.length() < 10 || v.charAt(4) != ' ' && v.charAt(4) != '>') {
      return value;
    }
    int open = v.indexOf('>');
    String inner = v.substring(open + 1, v.length() - 6);
    // only when that div is the single wrapper: no other div closes inside before the end
    return inner.contains("<div") || inner.contains("</div") ? value : inner;
  }

  private static final java.util.regex.Pattern LOOKS_LIKE_HTML =
      java.util.regex.Pattern.compile("</[A-Za-z][A-Za-z0-9]*\\s*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);");

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

}
