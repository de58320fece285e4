package org.newsflow.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads what it can from a feed that is not well-formed XML (stray ampersands, undeclared entities, junk before
 * the root, truncation), with jsoup's forgiving XML parser, which never resolves external entities. Every result
 * is marked {@code recovered} so consumers can tell.
 */
final class LenientFeedReader {

  ParsedFeed read(String text, String encoding, String problem) {
    int root = firstRoot(text);
    Document doc = Jsoup.parse(root > 0 ? text.substring(root) : text, "", Parser.xmlParser());
    List<Element> items = new ArrayList<>(doc.select("item, entry"));
    // Items that were never closed contain every item after them, so reading each one's text would cost the rest of
    // the document: quadratic. Detached last to first (each removal then takes the last child, in constant time),
    // every item holds only its own children, and the whole read is linear.
    for (int i = items.size() - 1; i >= 0; i--) {
      items.get(i).remove();
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (Element item : items) {
      String link = null;
      for (Element l : item.children()) {
        if (l.normalName().equals("link")) {
          String href = l.attr("href");
          String rel = l.attr("rel");
          if (!href.isBlank() && (rel.isBlank() || rel.equals("alternate"))) {
            link = href;
            break;
          }
          if (href.isBlank() && !l.text().isBlank()) {
            link = l.text().strip();
            break;
          }
        }
      }
      List<String> authors = new ArrayList<>();
      for (Element a : item.children()) {
        String n = a.normalName();
        if (n.equals("author") || n.equals("dc:creator")) {
          Element nameChild = a.children().stream().filter(c -> c.normalName().equals("name")).findFirst().orElse(null);
          String name = nameChild != null ? nameChild.text() : a.text();
          if (!name.isBlank()) {
            authors.add(name.strip());
          }
        }
      }
      List<String> categories = new ArrayList<>();
      for (Element c : item.children()) {
        if (c.normalName().equals("category")) {
          String term = c.hasAttr("term") ? c.attr("term") : c.text();
          if (!term.isBlank()) {
            categories.add(term.strip());
          }
        }
      }
      entries.add(new FeedEntry(childText(item, "guid", "id"), FeedText.of(childHtml(item, "title")),
          FeedText.of(childHtml(item, "description", "summary")),
          FeedText.of(childHtml(item, "content:encoded", "content")),
          new People(authors, null, null), categories,
          new EntryDates(DateParser.parse(childText(item, "pubdate", "published", "dc:date", "issued")),
              DateParser.parse(childText(item, "updated", "modified", "dcterms:modified"))),
          new EntryLinks(link, null, media(item), null), null));
    }
    Element channel = doc.selectFirst("channel, feed");
    String title = channel == null ? null : childText(channel, "title");
    String link = channel == null ? null : childText(channel, "link");
    String language = channel == null ? null : childText(channel, "language", "dc:language");
    String subtitle = channel == null ? null : childHtml(channel, "description", "subtitle", "tagline");
    String rights = channel == null ? null : childText(channel, "copyright", "rights", "dc:rights");
    // every result is flagged recovered: it has a problem, whether or not the caller named one
    return new ParsedFeed(new Reading("recovered", encoding, problem == null ? "not well-formed XML" : problem),
        FeedText.of(title), FeedText.of(subtitle), FeedText.of(rights), link, null, null, null,
        new Scope(null, language), null, entries);
  }

  /**
   * Enclosures, Media RSS content and thumbnails (also inside {@code media:group}) and Atom enclosure links among an
   * item's children. Only children are looked at, never the whole subtree: in a document whose items are not
   * closed every item contains all the items after it, and a subtree search per item would be quadratic.
   */
  private static List<org.newsflow.common.article.Enclosure> media(Element item) {
    List<org.newsflow.common.article.Enclosure> out = new ArrayList<>();
    for (Element e : item.children()) {
      if (e.normalName().equals("media:group")) {
        for (Element m : e.children()) {
          addMedia(m, out);
        }
      } else {
        addMedia(e, out);
      }
    }
    return out;
  }

  private static void addMedia(Element e, List<org.newsflow.common.article.Enclosure> out) {
    String n = e.normalName();
    boolean media = (n.equals("enclosure") || n.equals("media:content") || n.equals("media:thumbnail")) && e.hasAttr("url")
        || n.equals("link") && e.attr("rel").equals("enclosure") && e.hasAttr("href");
    if (!media) {
      return;
    }
    String url = (e.hasAttr("url") ? e.attr("url") : e.attr("href")).strip();
    String size = e.hasAttr("length") ? e.attr("length") : e.attr("fileSize");
    if (!url.isEmpty() && out.stream().noneMatch(x -> x.url().equals(url))) {
      out.add(new org.newsflow.common.article.Enclosure(url, e.attr("type").isBlank() ? null : e.attr("type").strip(),
          size.strip().matches("\\d{1,18}") ? Long.valueOf(size.strip()) : null));
    }
  }

  private static int firstRoot(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int best = -1;
    for (String tag : List.of("<rss", "<rdf:rdf", "<feed", "<channel")) {
      int i = lower.indexOf(tag);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  private static String childText(Element parent, String... names) {
    for (String name : names) {
      for (Element c : parent.children()) {
        if (c.normalName().equals(name)) {
          String t = Parser.unescapeEntities(c.text(), false).strip();
          if (!t.isEmpty()) {
            return t;
          }
        }
      }
    }
    return null;
  }

  private static String childHtml(Element parent, String... names) {
    for (String name : names) {
      for (Element c : parent.children()) {
        if (c.normalName().equals(name)) {
          // escaped HTML arrives as text, CDATA and inline XHTML as markup: both become HTML for the sanitiser
          String html = c.children().isEmpty() ? c.wholeText() : c.html();
          if (!html.isBlank()) {
            return FeedCharset.c1ToWindows1252(html.strip());
          }
        }
      }
    }
    return null;
  }
}
