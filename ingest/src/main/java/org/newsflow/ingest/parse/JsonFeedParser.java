package org.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.newsflow.common.article.Enclosure;

/** Parses JSON Feed 1.0/1.1 documents (jsonfeed.org) with Jackson, whose nesting limits bound the work. Thread-safe. */
final class JsonFeedParser {

  private final ObjectMapper json = new ObjectMapper();

  /** Parses a JSON Feed document; a JSON document that is not a JSON Feed is refused. */
  ParsedFeed parse(byte[] body) throws FeedParseException {
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
        content = TextTypes.escapeHtml(text(item.path("content_text")));
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
      entries.add(new FeedEntry(text(item.path("id")), FeedText.of(text(item.path("title"))),
          FeedText.of(text(item.path("summary"))), FeedText.of(content), new People(authors, null, null), tags,
          new EntryDates(DateParser.parse(text(item.path("date_published"))),
              DateParser.parse(text(item.path("date_modified")))),
          new EntryLinks(link, null, media, null), null));
    }
    return new ParsedFeed(new Reading("json-feed", null, null), FeedText.of(text(root.path("title"))),
        FeedText.of(text(root.path("description"))), null, text(root.path("home_page_url")), null, null, null,
        new Scope(null, text(root.path("language"))), null, entries);
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

}
