package org.newsflow.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The {@code xml:base} and {@code xml:lang} in effect on a feed's elements, which Rome does not track: read in one
 * walk down the few levels that matter (root, channel, entries and their text children), never over content.
 * Relative bases resolve against the enclosing base and finally the document's URL.
 */
final class XmlScope {

  private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

  /**
   * What the walk found for one entry; {@code published} and {@code updated} are the entry's date texts as written
   * (null when absent), which {@link DateParser} reads strictly where Rome would roll an impossible date forward.
   */
  record EntryScope(String base, String language, TextContext title, TextContext summary, TextContext content,
                    String published, String updated) {
  }

  /** What the walk found for the feed and its entries (in document order, as Rome returns them). */
  record FeedScope(String base, String language, TextContext title, TextContext subtitle, TextContext rights,
                   List<EntryScope> entries) {
  }

  private static final Pattern TOO_MANY_SLASHES = Pattern.compile("^(?i)(https?):/{3,}");

  private XmlScope() {
  }

  static FeedScope read(Element root, String documentUrl) {
    Scope doc = new Scope(blankToNull(documentUrl), null).enter(root);
    Namespace ns = root.getNamespace();
    boolean atom = root.getName().equals("feed");
    Element channel = atom ? root : child(root, "channel", null);
    Scope feed = channel == null || channel == root ? doc : doc.enter(channel);
    List<EntryScope> entries = new ArrayList<>();
    List<Element> items;
    if (atom) {
      items = root.getChildren("entry", ns);
    } else if (root.getName().equals("RDF")) {
      items = root.getChildren().stream().filter(e -> e.getName().equals("item")).toList();
    } else {
      items = channel == null ? List.of() : channel.getChildren("item", channel.getNamespace());
    }
    for (Element item : items) {
      Scope s = feed.enter(item);
      Namespace ins = item.getNamespace();
      Element title = child(item, "title", ins);
      Element summary = atom ? child(item, "summary", ins) : child(item, "description", ins);
      Element content = atom ? child(item, "content", ins) : rssContent(item);
      String contentType = content == null ? null : atom ? atomType(content)
          : content.getNamespaceURI().equals(XHTML_NS) ? "application/xhtml+xml" : "text/html";
      entries.add(new EntryScope(s.base(), s.language(),
          s.text(title, title == null ? null : atom ? atomType(title) : "text/plain"),
          s.text(summary, summary == null ? null : atom ? atomType(summary) : "text/html"),
          s.text(content, contentType), dateText(item, PUBLISHED), dateText(item, UPDATED)));
    }
    if (channel == null) {
      return new FeedScope(feed.base(), feed.language(), TextContext.UNKNOWN, TextContext.UNKNOWN,
          TextContext.UNKNOWN, entries);
    }
    Namespace cns = channel.getNamespace();
    Element title = child(channel, "title", cns);
    Element subtitle = atom ? first(child(channel, "subtitle", cns), child(channel, "tagline", cns))
        : child(channel, "description", cns);
    Element rights = atom ? first(child(channel, "rights", cns), child(channel, "copyright", cns))
        : first(child(channel, "copyright", cns), child(channel, "rights", Namespace.getNamespace(DC_NS)));
    return new FeedScope(feed.base(), feed.language(),
        feed.text(title, title == null ? null : atom ? atomType(title) : "text/plain"),
        feed.text(subtitle, subtitle == null ? null : atom ? atomType(subtitle) : "text/html"),
        feed.text(rights, rights == null ? null : atom ? atomType(rights) : "text/plain"), entries);
  }

  /** Names of an entry's publication date, in the order Rome prefers them (RSS, Atom 1.0, Atom 0.3, Dublin Core). */
  private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "date");
  /** Names of an entry's update date. */
  private static final List<String> UPDATED = List.of("updated", "modified");

  /** The text of the first child with one of the names (any namespace), null when there is none. */
  private static String dateText(Element item, List<String> names) {
    for (String name : names) {
      for (Element c : item.getChildren()) {
        if (c.getName().equals(name)) {
          String t = c.getTextNormalize();
          return t.isEmpty() ? null : t;
        }
      }
    }
    return null;
  }

  /** The element an RSS item's content is read from, in the order {@code FeedParser} folds them. */
  private static Element rssContent(Element item) {
    Element encoded = item.getChild("encoded", Namespace.getNamespace(CONTENT_NS));
    if (encoded != null) {
      return encoded;
    }
    for (Element c : item.getChildren()) {
      String ns = c.getNamespaceURI();
      if (c.getName().equals("body") && (ns.isEmpty() || ns.equals(XHTML_NS)) || c.getName().equals("fullitem")) {
        return c;
      }
    }
    return null;
  }

  /** Atom's {@code type} as a media type; Atom 1.0's short names expanded, Atom 0.3's MIME types kept. */
  static String atomType(Element el) {
    String t = el.getAttributeValue("type");
    if (t == null || t.isBlank()) {
      return "text/plain";
    }
    t = t.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "text" -> "text/plain";
      case "html" -> "text/html";
      case "xhtml" -> "application/xhtml+xml";
      default -> t;
    };
  }

  private static Element child(Element parent, String name, Namespace ns) {
    return ns == null ? parent.getChildren().stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null)
        : parent.getChild(name, ns);
  }

  private static Element first(Element a, Element b) {
    return a != null ? a : b;
  }

  /**
   * The xml:base {@code ref} resolved against the enclosing {@code base}. A relative reference without a base stays
   * as written; one that cannot be parsed, or whose scheme is not http(s) ({@code javascript:} …), is ignored: the
   * enclosing base stays in effect. {@code http:///host/} (a slash too many) is read as {@code http://host/}.
   */
  static String resolve(String base, String ref) {
    String r = TOO_MANY_SLASHES.matcher(ref.strip()).replaceFirst("$1://");
    if (r.isEmpty()) {
      return base;
    }
    try {
      URI ru = new URI(r.replace(" ", "%20"));
      if (ru.isAbsolute()) {
        String scheme = ru.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? ru.toString() : base;
      }
      if (base == null) {
        return r;
      }
      URI bu = new URI(base.replace(" ", "%20"));
      if (bu.isOpaque()) {
        return r; // javascript:, mailto: … bases resolve nothing
      }
      if (bu.getPath() != null && bu.getPath().isEmpty() && bu.getAuthority() != null) {
        bu = new URI(bu.getScheme(), bu.getAuthority(), "/", bu.getQuery(), bu.getFragment());
      }
      return bu.resolve(ru).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return base;
    }
  }

  static String language(String value) {
    String v = value.strip();
    return v.isEmpty() ? null : v.replace('_', '-');
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
