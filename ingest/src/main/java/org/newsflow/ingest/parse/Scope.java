package org.newsflow.ingest.parse;

import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The {@code xml:base} and language in effect on a feed or entry.
 *
 * @param base     the xml:base in effect, resolved against the enclosing ones and the document URL when known;
 *                 relative links of the element resolve against it. Null when none is declared
 * @param language the language in effect: an entry's xml:lang, a feed's declared language (RSS {@code language},
 *                 else its xml:lang); null when none
 */
public record Scope(String base, String language) {

  /** Nothing declared. */
  public static final Scope NONE = new Scope(null, null);

  /** The scope inside {@code el}: its own xml:base resolved against ours, its own xml:lang if it has one. */
  Scope enter(Element el) {
    String b = el.getAttributeValue("base", Namespace.XML_NAMESPACE);
    Attribute l = el.getAttribute("lang", Namespace.XML_NAMESPACE);
    return new Scope(b == null ? base : XmlScope.resolve(base, b),
        l == null ? language : XmlScope.language(l.getValue()));
  }

  /** How a text child of ours is to be read: its type, and the base and language in effect on it. */
  TextContext text(Element el, String type) {
    if (el == null) {
      return new TextContext(type, base, language);
    }
    Scope s = enter(el);
    return new TextContext(type, s.base, s.language);
  }
}
