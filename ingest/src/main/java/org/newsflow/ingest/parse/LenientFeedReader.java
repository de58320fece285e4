package org.newsflow.ingest.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  ParsedFeed read(byte[] body, String contentType, String problem) {
    String text = decode(body, contentType);
    int root = firstRoot(text);
    Document doc = Jsoup.parse(root > 0 ? text.substring(root) : text, "", Parser.xmlParser());
    List<FeedEntry> entries = new ArrayList<>();
    for (Element item : doc.select("item, entry")) {
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
          String name = a.selectFirst("name") != null ? a.selectFirst("name").text() : a.text();
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
      entries.add(new FeedEntry(childText(item, "guid", "id"), link, childHtml(item, "title"),
          childHtml(item, "description", "summary"), childHtml(item, "content:encoded", "content"), authors, categories,
          DateParser.parse(childText(item, "pubdate", "published", "dc:date", "issued")),
          DateParser.parse(childText(item, "updated", "modified", "dcterms:modified")), null, media(item)));
    }
    Element channel = doc.selectFirst("channel, feed");
    String title = channel == null ? null : childText(channel, "title");
    String link = channel == null ? null : childText(channel, "link");
    String language = channel == null ? null : childText(channel, "language", "dc:language");
    return new ParsedFeed("recovered", title, link, language, entries, true, problem);
  }

  private static List<org.newsflow.common.article.Enclosure> media(Element item) {
    List<org.newsflow.common.article.Enclosure> out = new ArrayList<>();
    for (Element e : item.select("enclosure[url], media|content[url], media|thumbnail[url], link[rel=enclosure][href]")) {
      String url = (e.hasAttr("url") ? e.attr("url") : e.attr("href")).strip();
      String size = e.hasAttr("length") ? e.attr("length") : e.attr("fileSize");
      if (!url.isEmpty() && out.stream().noneMatch(x -> x.url().equals(url))) {
        out.add(new org.newsflow.common.article.Enclosure(url, e.attr("type").isBlank() ? null : e.attr("type").strip(),
            size.strip().matches("\\d{1,18}") ? Long.valueOf(size.strip()) : null));
      }
    }
    return out;
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
            return html.strip();
          }
        }
      }
    }
    return null;
  }

  static String decode(byte[] body, String contentType) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return new String(body, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return new String(body, StandardCharsets.UTF_16LE);
    }
    Charset cs = null;
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    if (cs == null) {
      String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
      Matcher m = XML_ENCODING.matcher(head);
      if (m.find()) {
        cs = charset(m.group(1));
      }
    }
    if (cs == null) {
      cs = isUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
    return new String(body, cs);
  }

  /**
   * Detection for documents that declare nothing: bytes that are valid UTF-8 are UTF-8 (XML's default); anything
   * else is read as windows-1252, the superset of Latin-1 that undeclared feeds in the wild are nearly always in,
   * so accented letters survive instead of turning into replacement characters.
   */
  static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
