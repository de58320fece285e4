package org.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.newsflow.common.article.Enclosure;

/**
 * Parses feed documents: RSS 0.9x/1.0/2.0, RDF and Atom through Rome (DOCTYPEs refused, so no external entities and
 * no expansion bombs), JSON Feed 1.0/1.1 through Jackson, and, when a document is not well-formed XML, a lenient
 * recovery of whatever entries can still be read. Thread-safe.
 */
public final class FeedParser {

  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

  private final ObjectMapper json = new ObjectMapper();
  private final LenientFeedReader lenient = new LenientFeedReader();

  /**
   * Parses one document.
   *
   * @param body        the raw bytes
   * @param contentType the HTTP Content-Type header, may be null (it can carry the charset)
   * @throws FeedParseException when nothing could be read
   */
  public ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
    if (body.length == 0) {
      throw new FeedParseException("empty document", null);
    }
    if (looksLikeJson(body, contentType)) {
      return parseJsonFeed(body);
    }
    // undeclared and not UTF-8: read as windows-1252 rather than let invalid bytes become replacement characters
    String fallback = LenientFeedReader.isUtf8(body) ? null : "windows-1252";
    byte[] xml = stripExternalDoctype(body);
    String problem;
    Exception cause;
    try {
      return rome(xml, contentType, fallback, false, null);
    } catch (FeedException | IOException | RuntimeException e) {
      problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      cause = e;
    }
    // not well-formed: Rome's healer (HTML entities, stray ampersands, junk before the declaration) first, then
    // the lenient reader; either way the result is flagged, as feedparser flags bozo feeds. Well-formed input
    // never gets here, so the fallbacks cost it nothing.
    try {
      return rome(xml, contentType, fallback, true, problem);
    } catch (FeedException | IOException | RuntimeException e) {
      ParsedFeed recovered = lenient.read(body, contentType, problem);
      if (recovered.entries().isEmpty() && recovered.title() == null) {
        throw new FeedParseException("not a feed: " + problem, cause);
      }
      return recovered;
    }
  }

  private ParsedFeed rome(byte[] xml, String contentType, String fallback, boolean heal, String problem)
      throws IOException, FeedException {
    XmlReader reader = new XmlReader(new ByteArrayInputStream(xml), contentType, true, fallback);
    WireFeedInput input = new WireFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(heal);
    WireFeed wire = input.build(reader);
    ParsedFeed parsed = fromRome(new SyndFeedImpl(wire, false), updateHint(wire), reader.getEncoding());
    return heal ? new ParsedFeed(parsed.format(), parsed.title(), parsed.link(), parsed.language(), parsed.entries(), true,
        problem, parsed.updateHint(), parsed.encoding()) : parsed;
  }

  /**
   * Removes a DOCTYPE that only names an external DTD (no internal subset), as feedparser does: such a DOCTYPE adds
   * nothing a feed reader needs, and Rome, which refuses every DOCTYPE against XXE, would otherwise send the whole
   * feed to the lenient reader. A DOCTYPE with an internal subset ({@code [...]}, where entity tricks live) stays
   * and is refused. Only for ASCII-compatible encodings; UTF-16 documents are left alone.
   */
  static byte[] stripExternalDoctype(byte[] body) {
    int limit = Math.min(body.length, 4096);
    int start = -1;
    for (int i = 0; i + 9 <= limit; i++) {
      if (body[i] == '<' && body[i + 1] == '!' && (body[i + 2] | 0x20) == 'd' && (body[i + 3] | 0x20) == 'o'
          && (body[i + 4] | 0x20) == 'c' && (body[i + 5] | 0x20) == 't' && (body[i + 6] | 0x20) == 'y'
          && (body[i + 7] | 0x20) == 'p' && (body[i + 8] | 0x20) == 'e') {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return body;
    }
    for (int j = start + 9; j < body.length; j++) {
      if (body[j] == '[') {
        return body;
      }
      if (body[j] == '>') {
        byte[] out = new byte[body.length - (j + 1 - start)];
        System.arraycopy(body, 0, out, 0, start);
        System.arraycopy(body, j + 1, out, start, body.length - j - 1);
        return out;
      }
    }
    return body;
  }

  /** The longer of RSS {@code <ttl>} and the syndication module's period, the feed's own word on how often it changes. */
  static Duration updateHint(WireFeed wire) {
    Duration hint = null;
    if (wire instanceof Channel c && c.getTtl() > 0) {
      hint = Duration.ofMinutes(c.getTtl());
    }
    if (wire.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
      Duration period = switch (sy.getUpdatePeriod().strip().toLowerCase(Locale.ROOT)) {
        case "hourly" -> Duration.ofHours(1);
        case "daily" -> Duration.ofDays(1);
        case "weekly" -> Duration.ofDays(7);
        case "monthly" -> Duration.ofDays(30);
        case "yearly" -> Duration.ofDays(365);
        default -> null;
      };
      if (period != null) {
        Duration sy1 = period.dividedBy(Math.max(1, sy.getUpdateFrequency()));
        hint = hint == null || sy1.compareTo(hint) > 0 ? sy1 : hint;
      }
    }
    return hint;
  }

  private static boolean looksLikeJson(byte[] body, String contentType) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private ParsedFeed fromRome(SyndFeed feed, Duration updateHint, String encoding) {
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String content = null;
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null && !c.getValue().isBlank()) {
          content = c.getValue();
          break;
        }
      }
      String summary = e.getDescription() == null ? null : e.getDescription().getValue();
      List<String> authors = new ArrayList<>();
      for (SyndPerson p : e.getAuthors()) {
        if (p.getName() != null && !p.getName().isBlank()) {
          authors.add(p.getName().strip());
        }
      }
      if (authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
        authors.add(e.getAuthor().strip());
      }
      List<String> categories = new ArrayList<>();
      for (SyndCategory c : e.getCategories()) {
        if (c.getName() != null && !c.getName().isBlank()) {
          categories.add(c.getName().strip());
        }
      }
      String link = e.getLink();
      if ((link == null || link.isBlank()) && !e.getLinks().isEmpty()) {
        link = e.getLinks().getFirst().getHref();
      }
      entries.add(new FeedEntry(e.getUri(), link, e.getTitle(), summary, content, authors, categories,
          instant(e.getPublishedDate()), instant(e.getUpdatedDate()), null, enclosures(e)));
    }
    return new ParsedFeed(feed.getFeedType(), feed.getTitle(), feed.getLink(), feed.getLanguage(), entries, false, null,
        updateHint, encoding);
  }

  /** RSS enclosures and Atom enclosure links (Rome), plus Media RSS content and thumbnails (foreign markup). */
  private static List<Enclosure> enclosures(SyndEntry e) {
    List<Enclosure> out = new ArrayList<>();
    for (SyndEnclosure en : e.getEnclosures()) {
      if (en.getUrl() != null && !en.getUrl().isBlank()) {
        out.add(new Enclosure(en.getUrl().strip(), blankToNull(en.getType()), en.getLength() > 0 ? en.getLength() : null));
      }
    }
    for (org.jdom2.Element el : e.getForeignMarkup()) {
      collectMedia(el, out);
    }
    return out;
  }

  private static void collectMedia(org.jdom2.Element el, List<Enclosure> out) {
    if (MEDIA_RSS.equals(el.getNamespaceURI())) {
      String name = el.getName();
      if ((name.equals("content") || name.equals("thumbnail")) && el.getAttributeValue("url") != null) {
        String url = el.getAttributeValue("url").strip();
        if (out.stream().noneMatch(x -> x.url().equals(url))) {
          String size = el.getAttributeValue("fileSize");
          out.add(new Enclosure(url, blankToNull(el.getAttributeValue("type")),
              size != null && size.strip().matches("\\d{1,18}") ? Long.valueOf(size.strip()) : null));
        }
      }
      for (org.jdom2.Element child : el.getChildren()) {
        collectMedia(child, out); // media:group wraps content
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private ParsedFeed parseJsonFeed(byte[] body) throws FeedParseException {
    JsonNode root;
    try {
      root = json.readTree(new String(body, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new FeedParseException("not a JSON Feed: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
      throw new FeedParseException("JSON document is not a JSON Feed (no https://jsonfeed.org/version/ version)", null);
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      List<String> authors = new ArrayList<>();
      item.path("authors").forEach(a -> addText(authors, a.path("name")));
      addText(authors, item.path("author").path("name"));
      List<String> tags = new ArrayList<>();
      item.path("tags").forEach(t -> addText(tags, t));
      String content = text(item.path("content_html"));
      if (content == null && text(item.path("content_text")) != null) {
        content = escapeHtml(text(item.path("content_text")));
      }
      String link = text(item.path("url"));
      if (link == null) {
        link = text(item.path("external_url"));
      }
      List<Enclosure> media = new ArrayList<>();
      for (JsonNode a : item.path("attachments")) {
        if (text(a.path("url")) != null) {
          media.add(new Enclosure(text(a.path("url")), text(a.path("mime_type")),
              a.path("size_in_bytes").canConvertToLong() ? a.path("size_in_bytes").asLong() : null));
        }
      }
      if (text(item.path("image")) != null) {
        media.add(new Enclosure(text(item.path("image")), null, null));
      }
      entries.add(new FeedEntry(text(item.path("id")), link, text(item.path("title")), text(item.path("summary")),
          content, authors, tags, DateParser.parse(text(item.path("date_published"))),
          DateParser.parse(text(item.path("date_modified"))), null, media));
    }
    return new ParsedFeed("json-feed", text(root.path("title")), text(root.path("home_page_url")),
        text(root.path("language")), entries, false, null);
  }

  private static void addText(List<String> out, JsonNode n) {
    String t = text(n);
    if (t != null) {
      out.add(t);
    }
  }

  private static String text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    String s = n.asText();
    return s.isBlank() ? null : s;
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
