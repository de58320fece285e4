package org.newsflow.ingest.normalise;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Makes feed HTML safe and readable: an allow-list of formatting tags (no script, style, iframe, forms or event
 * handlers; only http, https and mailto links; relative links made absolute against the base), and a plain-text
 * form with paragraph breaks kept, which the taggers read and which entity offsets index into.
 */
public final class HtmlCleaner {

  private final Safelist safelist = Safelist.relaxed()
      .addTags("figure", "figcaption", "abbr", "time", "mark", "s")
      .removeProtocols("img", "src", "http", "https")
      .addProtocols("img", "src", "http", "https")
      .addAttributes("a", "rel")
      .preserveRelativeLinks(false);

  /**
   * Sanitised HTML.
   *
   * @param html    untrusted HTML (or plain text)
   * @param baseUri URL relative links resolve against; links that cannot be made absolute are dropped
   */
  public String sanitize(String html, String baseUri) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
    Document clean = new Cleaner(safelist).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    for (Element a : clean.select("a[href]")) {
      a.attr("rel", "nofollow noopener");
    }
    return clean.body().html();
  }

  /** Plain text of HTML: entities decoded, block elements separated by blank lines, whitespace collapsed. */
  public String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    StringBuilder sb = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          appendCollapsed(sb, t.getWholeText());
        } else if (node instanceof Element e && e.normalName().equals("br")) {
          trimTrailingSpace(sb);
          sb.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock() && !e.normalName().equals("body") && !e.normalName().equals("br")) {
          trimTrailingSpace(sb);
          if (!sb.isEmpty() && !endsWithBlankLine(sb)) {
            sb.append(sb.charAt(sb.length() - 1) == '\n' ? "\n" : "\n\n");
          }
        }
      }
    }, doc.body());
    return sb.toString().strip();
  }

  /** Plain text of a title: tags removed, entities decoded, on one line. */
  public String titleText(String title) {
    if (title == null || title.isBlank()) {
      return "";
    }
    String text = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(title).text() : title;
    return text.replaceAll("\\s+", " ").strip();
  }

  private static void appendCollapsed(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!sb.isEmpty() && !Character.isWhitespace(sb.charAt(sb.length() - 1))) {
          sb.append(' ');
        }
      } else {
        sb.append(c);
      }
    }
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
