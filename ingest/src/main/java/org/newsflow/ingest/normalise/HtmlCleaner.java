package org.newsflow.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Makes feed HTML safe and readable: an allow-list of formatting tags (no script, style, iframe, forms or event
 * handlers; only http, https and mailto links; relative links made absolute against the base), and a plain-text
 * form with paragraph breaks kept, which the taggers read and which entity offsets index into.
 *
 * <p>One jsoup parse and one walk over the tree produce both the clean HTML and the text: the allow-list is applied
 * while writing, so nothing outside it is ever emitted (elements not allowed are unwrapped, their text kept; the
 * content of script, style and other active or invisible elements is dropped). The allow-list is jsoup's
 * {@code Safelist.relaxed()} widened to the structural and presentational HTML feeds use (sectioning elements,
 * {@code del}/{@code ins}, {@code font}, {@code hr}, {@code details} …) and to attributes that cannot load or run
 * anything (table layout, image size, list numbering, {@code dir}/{@code lang}, titles), at a fraction of jsoup
 * Cleaner's cost, which spends most of its time resolving every URL twice.
 */
public final class HtmlCleaner {

  /**
   * Allowed tags, each with the attributes only it may carry (URL attributes, which are scheme-checked and resolved,
   * live only here). Elements that can run script, load anything or take input are not in it: no forms, frames,
   * object/embed, media, SVG/MathML, {@code area}/{@code map}.
   */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("a", Set.of("href")), Map.entry("abbr", Set.of()), Map.entry("acronym", Set.of()),
      Map.entry("address", Set.of()), Map.entry("article", Set.of()), Map.entry("aside", Set.of()),
      Map.entry("b", Set.of()), Map.entry("bdi", Set.of()), Map.entry("bdo", Set.of()), Map.entry("big", Set.of()),
      Map.entry("blockquote", Set.of("cite")), Map.entry("br", Set.of()), Map.entry("caption", Set.of()),
      Map.entry("center", Set.of()), Map.entry("cite", Set.of()), Map.entry("code", Set.of()),
      Map.entry("col", Set.of()), Map.entry("colgroup", Set.of()), Map.entry("dd", Set.of()),
      Map.entry("del", Set.of("cite")), Map.entry("details", Set.of("open")), Map.entry("dfn", Set.of()),
      Map.entry("dir", Set.of()), Map.entry("div", Set.of()), Map.entry("dl", Set.of()), Map.entry("dt", Set.of()),
      Map.entry("em", Set.of()), Map.entry("figcaption", Set.of()), Map.entry("figure", Set.of()),
      Map.entry("font", Set.of()), Map.entry("footer", Set.of()), Map.entry("h1", Set.of()), Map.entry("h2", Set.of()),
      Map.entry("h3", Set.of()), Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()),
      Map.entry("header", Set.of()), Map.entry("hr", Set.of()), Map.entry("i", Set.of()),
      Map.entry("img", Set.of("src")), Map.entry("ins", Set.of("cite")), Map.entry("kbd", Set.of()),
      Map.entry("li", Set.of()), Map.entry("mark", Set.of()), Map.entry("menu", Set.of()), Map.entry("nav", Set.of()),
      Map.entry("ol", Set.of()), Map.entry("p", Set.of()), Map.entry("pre", Set.of()),
      Map.entry("q", Set.of("cite")), Map.entry("s", Set.of()), Map.entry("samp", Set.of()),
      Map.entry("section", Set.of()), Map.entry("small", Set.of()), Map.entry("span", Set.of()),
      Map.entry("strike", Set.of()), Map.entry("strong", Set.of()), Map.entry("sub", Set.of()),
      Map.entry("summary", Set.of()), Map.entry("sup", Set.of()), Map.entry("table", Set.of()),
      Map.entry("tbody", Set.of()), Map.entry("td", Set.of()), Map.entry("tfoot", Set.of()), Map.entry("th", Set.of()),
      Map.entry("thead", Set.of()), Map.entry("time", Set.of()), Map.entry("tr", Set.of()), Map.entry("tt", Set.of()),
      Map.entry("u", Set.of()), Map.entry("ul", Set.of()), Map.entry("var", Set.of()), Map.entry("wbr", Set.of()));

  /**
   * Attributes any allowed element may carry: presentational or descriptive values that browsers never load or run
   * (table layout, image size and alternative text, list numbering, text direction and language, colours and
   * borders, titles). Not here, on purpose: {@code style} (CSS can load URLs and overlay the page), {@code class}
   * and {@code id}/{@code name} (they hook into the embedding page's CSS and scripts), event handlers, {@code target}
   * (tab-nabbing), {@code ping}, {@code background}, {@code lowsrc}/{@code dynsrc}/{@code poster} (they load),
   * {@code contenteditable}, {@code tabindex}/{@code accesskey}, {@code hidden} and every form attribute.
   */
  private static final Set<String> GLOBAL = Set.of("abbr", "align", "alt", "axis", "bgcolor", "border", "cellpadding",
      "cellspacing", "ch", "char", "charoff", "choff", "clear", "color", "cols", "colspan", "compact", "datetime",
      "dir", "face", "frame", "headers", "height", "hreflang", "hspace", "lang", "noshade", "nowrap", "reversed",
      "rows", "rowspan", "rules", "scope", "size", "span", "start", "summary", "title", "type", "valign", "value",
      "vspace", "width");

  /** Elements dropped with everything inside: active content, or content a reader never sees. */
  private static final Set<String> DROP = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
      "applet", "noscript", "noembed", "noframes", "template", "svg", "math", "head", "title", "textarea", "select",
      "option", "button", "input", "meta", "link", "base", "canvas", "audio", "video", "source", "track", "param");

  /** Elements after which the plain text gets a paragraph break. */
  private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
      "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "figure",
      "figcaption", "address", "article", "aside", "section", "header", "footer", "nav", "main", "hr", "center",
      "details", "summary", "menu", "dir");

  private static final Set<String> VOID = Set.of("br", "img", "col", "hr", "wbr");

  /** URL attributes and the schemes each allows; others are dropped. */
  private static final Set<String> URL_ATTRS = Set.of("href", "src", "cite");

  /**
   * Sanitised HTML and its plain text, from one parse.
   *
   * @param html the clean HTML
   * @param text the plain text (entities decoded, block elements separated by blank lines, whitespace collapsed)
   */
  public record Cleaned(String html, String text) {
  }

  /**
   * Sanitised HTML and its plain text.
   *
   * @param html    untrusted HTML (or plain text)
   * @param baseUri URL relative links resolve against; links that cannot be made absolute are dropped
   */
  public Cleaned clean(String html, String baseUri) {
    if (html == null || html.isBlank()) {
      return new Cleaned("", "");
    }
    Document doc = Jsoup.parseBodyFragment(html);
    Writer w = new Writer(base(baseUri), html.length());
    for (Node n : doc.body().childNodes()) {
      w.node(n);
    }
    return new Cleaned(w.html.toString(), w.text.toString().strip());
  }

  /**
   * Sanitised HTML and plain text of parsed nodes (for callers that have a tree already, such as the main text of
   * an article page): the same allow-list as {@link #clean(String, String)}, the nodes themselves are not changed.
   */
  public Cleaned clean(List<? extends Node> nodes, String baseUri) {
    Writer w = new Writer(base(baseUri), 4096);
    for (Node n : nodes) {
      w.node(n);
    }
    return new Cleaned(w.html.toString(), w.text.toString().strip());
  }

  /** Sanitised HTML; see {@link #clean(String, String)}. */
  public String sanitize(String html, String baseUri) {
    return clean(html, baseUri).html();
  }

  /** Plain text of HTML: entities decoded, block elements separated by blank lines, whitespace collapsed. */
  public String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      StringBuilder sb = new StringBuilder(html.length());
      appendCollapsed(sb, html);
      return sb.toString().strip();
    }
    return clean(html, null).text();
  }

  /** Plain text of a title: tags removed, entities decoded, on one line. */
  public String titleText(String title) {
    if (title == null || title.isBlank()) {
      return "";
    }
    // most titles are plain text (Rome has decoded the XML already): only markup or entities need the HTML parser
    String text = title.indexOf('<') >= 0 || hasEntity(title) ? Jsoup.parseBodyFragment(title).text() : title;
    // only ASCII whitespace collapses: a title's no-break or typographic spaces are the author's choice
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (!space) {
        sb.append(c);
      } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }

  /** Whether the text contains something that looks like an HTML character reference ({@code &name;}, {@code &#n;}). */
  static boolean hasEntity(String s) {
    for (int i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
      int j = i + 1;
      while (j < s.length() && j - i <= 32 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '#')) {
        j++;
      }
      if (j > i + 1 && (j == s.length() || s.charAt(j) == ';' || j - i <= 8)) {
        return true; // HTML also decodes some references without ';'; let jsoup decide
      }
    }
    return false;
  }

  private static URI base(String baseUri) {
    if (baseUri == null || baseUri.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(baseUri.strip().replace(" ", "%20"));
      return u.isAbsolute() ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Writes the allowed part of a tree as HTML and as text at once. */
  private static final class Writer implements NodeFilter {
    final URI base;
    final StringBuilder html;
    final StringBuilder text;

    Writer(URI base, int size) {
      this.base = base;
      this.html = new StringBuilder(size);
      this.text = new StringBuilder(size);
    }

    /**
     * Writes a node and everything under it. The walk is jsoup's iterative traversal, not recursion, so a document
     * nested ten thousand levels deep costs a loop, not the thread's stack.
     */
    void node(Node root) {
      NodeTraversor.filter(this, root);
    }

    @Override
    public FilterResult head(Node n, int depth) {
      if (n instanceof TextNode t) {
        String s = t.getWholeText();
        escape(html, s, false);
        appendCollapsed(text, s);
        return FilterResult.CONTINUE;
      }
      if (!(n instanceof Element e)) {
        return FilterResult.SKIP_ENTIRELY; // comments, data of script/style, doctypes
      }
      String tag = e.normalName();
      if (DROP.contains(tag)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      Set<String> attrs = ALLOWED.get(tag);
      if (attrs != null) {
        html.append('<').append(tag);
        for (Attribute a : e.attributes()) {
          String key = a.getKey(); // the HTML parser lower-cases attribute names already
          if (!attrs.contains(key) && !GLOBAL.contains(key)) {
            continue;
          }
          String value = a.getValue();
          if (URL_ATTRS.contains(key)) {
            value = safeUrl(value, tag.equals("a") ? List.of("http", "https", "mailto") : List.of("http", "https"));
            if (value == null) {
              continue;
            }
          }
          html.append(' ').append(key).append("=\"");
          escape(html, value, true);
          html.append('"');
        }
        if (tag.equals("a") && e.hasAttr("href")) {
          html.append(" rel=\"nofollow noopener\"");
        }
        html.append('>');
      }
      if (tag.equals("br")) {
        trimTrailingSpace(text);
        text.append('\n');
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node n, int depth) {
      if (!(n instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String tag = e.normalName();
      if (ALLOWED.containsKey(tag) && !VOID.contains(tag)) {
        html.append("</").append(tag).append('>');
      }
      if (BLOCKS.contains(tag)) {
        trimTrailingSpace(text);
        if (!text.isEmpty() && !endsWithBlankLine(text)) {
          text.append(text.charAt(text.length() - 1) == '\n' ? "\n" : "\n\n");
        }
      }
      return FilterResult.CONTINUE;
    }

    /** The absolute form of a URL if its scheme is allowed, else null. */
    String safeUrl(String value, List<String> schemes) {
      StringBuilder sb = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c > ' ' && c != 0x7f) {
          sb.append(c);
        }
      }
      String v = sb.toString();
      if (v.isEmpty()) {
        return null;
      }
      int colon = v.indexOf(':');
      int end = firstOf(v, "/?#");
      if (colon > 0 && (end < 0 || colon < end)) {
        String scheme = v.substring(0, colon).toLowerCase(Locale.ROOT);
        return schemes.contains(scheme) ? v : null;
      }
      if (base == null) {
        return null;
      }
      try {
        URI resolved = base.resolve(v.replace(" ", "%20"));
        String scheme = resolved.getScheme();
        return scheme != null && schemes.contains(scheme.toLowerCase(Locale.ROOT)) ? resolved.toString() : null;
      } catch (IllegalArgumentException ex) {
        return null; // not a URL at all: drop the attribute
      }
    }

    private static int firstOf(String s, String chars) {
      for (int i = 0; i < s.length(); i++) {
        if (chars.indexOf(s.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }
  }

  /** HTML-escapes text (and, in attribute values, double quotes); non-breaking spaces stay visible as entities. */
  private static void escape(StringBuilder out, String s, boolean attribute) {
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '\u00a0' -> "&nbsp;";
        case '"' -> attribute ? "&quot;" : null;
        default -> null;
      };
      if (rep != null) {
        out.append(s, start, i).append(rep);
        start = i + 1;
      }
    }
    out.append(s, start, s.length());
  }

  private static void appendCollapsed(StringBuilder sb, String text) {
    // copies runs of non-space characters in one go; each run of whitespace becomes one space
    int n = text.length();
    int i = 0;
    while (i < n) {
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        sb.append(text, start, i);
      }
      if (i < n) {
        if (!sb.isEmpty() && !Character.isWhitespace(sb.charAt(sb.length() - 1))) {
          sb.append(' ');
        }
        while (i < n && isSpace(text.charAt(i))) {
          i++;
        }
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c > 0x7f && Character.isWhitespace(c);
  }

  private static void trimTrailingSpace(StringBuilder sb) {
    while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
  }

  private static boolean endsWithBlankLine(StringBuilder sb) {
    int n = sb.length();
    return n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n';
  }
}
