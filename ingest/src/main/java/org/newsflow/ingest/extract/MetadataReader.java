package org.newsflow.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsflow.ingest.parse.DateParser;

/**
 * Reads {@link PageMetadata} from a parsed page. JSON-LD article objects win over meta tags, which win over the
 * markup ({@code <time>}, {@code <h1>}, {@code <html lang>}), since publishers fill structured data most carefully.
 */
final class MetadataReader {

  /** JSON-LD blocks larger than this are skipped (a page's whole structured data is rarely over a few kB). */
  private static final int MAX_JSON_LD_CHARS = 1 << 20;
  /** JSON nodes visited per block at most, so a hostile block cannot stall the reader. */
  private static final int MAX_JSON_NODES = 20_000;

  private final ObjectMapper json = new ObjectMapper();

  PageMetadata read(Document doc, String pageUrl) {
    Tags tags = Tags.of(doc);
    JsonNode article = jsonLdArticle(tags.jsonLd);
    String title = text(article, "headline");
    if (title == null) {
      title = tags.meta("og:title", "twitter:title");
    }
    if (title == null) {
      title = tags.h1 != null && !tags.h1.text().isBlank() ? tags.h1.text().strip() : blankToNull(doc.title());
    }
    Instant published = DateParser.parse(text(article, "datePublished"));
    if (published == null) {
      published = DateParser.parse(tags.meta("article:published_time", "og:published_time", "datePublished",
          "parsely-pub-date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "date",
          "sailthru.date"));
    }
    if (published == null && tags.time != null) {
      published = DateParser.parse(tags.time.attr("datetime"));
    }
    List<String> authors = authors(article);
    if (authors.isEmpty()) {
      String a = tags.meta("author", "article:author", "parsely-author", "dc.creator", "sailthru.author");
      if (a != null && !a.startsWith("http")) {
        authors = List.of(a);
      }
    }
    String language = language(text(article, "inLanguage"));
    if (language == null) {
      Element html = doc.firstElementChild();
      language = language(html == null ? null : html.attr("lang"));
    }
    if (language == null) {
      language = language(tags.meta("og:locale", "language", "content-language", "dc.language"));
    }
    String image = absolute(image(article), pageUrl);
    if (image == null) {
      image = absolute(tags.meta("og:image", "og:image:url", "twitter:image", "twitter:image:src"), pageUrl);
    }
    String canonical = absolute(tags.canonical == null ? tags.meta("og:url") : tags.canonical, pageUrl);
    return new PageMetadata(title, published, authors, language, image, canonical, paywalled(tags, article),
        text(article, "articleBody"));
  }

  /** The elements metadata is read from, gathered in one walk over the page. */
  private static final class Tags {
    final Map<String, String> metas = new HashMap<>();
    final List<String> jsonLd = new ArrayList<>();
    String canonical;
    Element time;
    Element h1;

    static Tags of(Document doc) {
      Tags t = new Tags();
      for (Element e : doc.getAllElements()) {
        switch (e.normalName()) {
          case "meta" -> {
            String content = blankToNull(e.attr("content"));
            if (content != null) {
              for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
                String k = e.attr(key);
                if (!k.isEmpty()) {
                  t.metas.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), content);
                }
              }
            }
          }
          case "script" -> {
            if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
              t.jsonLd.add(e.data());
            }
          }
          case "link" -> {
            if (t.canonical == null && e.attr("rel").strip().equalsIgnoreCase("canonical") && e.hasAttr("href")) {
              t.canonical = e.attr("href");
            }
          }
          case "time" -> {
            if (e.hasAttr("datetime") && (t.time == null
                || !t.time.hasAttr("pubdate") && !"datePublished".equals(t.time.attr("itemprop"))
                && (e.hasAttr("pubdate") || "datePublished".equals(e.attr("itemprop"))))) {
              t.time = e;
            }
          }
          case "h1" -> {
            if (t.h1 == null) {
              t.h1 = e;
            }
          }
          default -> {
            // not a metadata element
          }
        }
      }
      return t;
    }

    /** The content of the first meta tag with one of the names (name, property, itemprop or http-equiv). */
    String meta(String... names) {
      for (String name : names) {
        String c = metas.get(name.toLowerCase(Locale.ROOT));
        if (c != null) {
          return c;
        }
      }
      return null;
    }
  }

  /** The first JSON-LD object of an article type, else the first with a headline; null when none. */
  private JsonNode jsonLdArticle(List<String> blocks) {
    JsonNode fallback = null;
    for (String data : blocks) {
      if (data.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      JsonNode root;
      try {
        root = json.readTree(data.strip());
      } catch (JsonProcessingException e) {
        continue; // broken structured data is common; the meta tags still count
      }
      Deque<JsonNode> todo = new ArrayDeque<>();
      todo.push(root);
      int visited = 0;
      while (!todo.isEmpty() && visited++ < MAX_JSON_NODES) {
        JsonNode n = todo.pop();
        if (n == null) {
          continue;
        }
        if (n.isArray()) {
          n.forEach(todo::addLast);
          continue;
        }
        if (!n.isObject()) {
          continue;
        }
        if (isArticleType(n.get("@type"))) {
          return n;
        }
        if (fallback == null && n.hasNonNull("headline")) {
          fallback = n;
        }
        for (String child : List.of("@graph", "mainEntity", "mainEntityOfPage")) {
          if (n.has(child)) {
            todo.addLast(n.get(child));
          }
        }
      }
    }
    return fallback;
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("LiveBlogPosting") || t.equals("Report");
  }

  private static boolean paywalled(Tags tags, JsonNode article) {
    if (article != null) {
      if (isFalse(article.get("isAccessibleForFree"))) {
        return true;
      }
      JsonNode parts = article.get("hasPart");
      if (parts != null) {
        for (JsonNode p : parts.isArray() ? parts : List.of(parts)) {
          if (isFalse(p.get("isAccessibleForFree"))) {
            return true;
          }
        }
      }
    }
    if ("false".equalsIgnoreCase(tags.meta("isAccessibleForFree"))) {
      return true;
    }
    // Piano and similar paywalls tag the page's tier; "locked" and "metered" pages are not free to read
    String tier = tags.meta("article:content_tier", "content_tier");
    return tier != null && (tier.equalsIgnoreCase("locked") || tier.equalsIgnoreCase("metered"));
  }

  private static boolean isFalse(JsonNode n) {
    return n != null && (n.isBoolean() && !n.asBoolean() || n.isTextual() && n.asText().strip().equalsIgnoreCase("false"));
  }

  private static List<String> authors(JsonNode article) {
    if (article == null || !article.has("author")) {
      return List.of();
    }
    JsonNode a = article.get("author");
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode n : a.isArray() ? a : List.of(a)) {
      String name = n.isTextual() ? n.asText() : n.path("name").asText("");
      name = name.strip();
      if (!name.isEmpty() && !name.startsWith("http") && out.size() < 20) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  private static String image(JsonNode article) {
    if (article == null) {
      return null;
    }
    JsonNode i = article.get("image");
    if (i != null && i.isArray()) {
      i = i.isEmpty() ? null : i.get(0);
    }
    if (i == null) {
      return null;
    }
    return blankToNull(i.isTextual() ? i.asText() : i.path("url").asText(null));
  }

  private static String text(JsonNode article, String field) {
    if (article == null) {
      return null;
    }
    JsonNode n = article.get(field);
    if (n != null && n.isArray()) {
      n = n.isEmpty() ? null : n.get(0);
    }
    return n != null && n.isValueNode() ? blankToNull(n.asText()) : null;
  }

  static String language(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String l = declared.strip().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    if (dash < 0) {
      dash = l.indexOf('_');
    }
    l = dash > 0 ? l.substring(0, dash) : l;
    return l.matches("[a-z]{2,3}") ? l : null;
  }

  private static String absolute(String url, String base) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip().replace(" ", "%20"));
      if (u.isAbsolute()) {
        return u.getScheme().startsWith("http") ? u.toString() : null;
      }
      return base == null ? null : new URI(base.strip().replace(" ", "%20")).resolve(u).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
