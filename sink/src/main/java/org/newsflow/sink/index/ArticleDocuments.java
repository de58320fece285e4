package org.newsflow.sink.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.InvalidArticleException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Maps an article to its search document: the article JSON plus {@code places}, the coordinates of linked places. */
public final class ArticleDocuments {

  private final ObjectMapper mapper;

  /** With the article JSON conventions. */
  public ArticleDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The document for an article. */
  public ObjectNode toDocument(Article article) {
    ObjectNode doc = mapper.valueToTree(article);
    ArrayNode places = mapper.createArrayNode();
    for (Entity e : article.entities()) {
      if (e.lat() != null && e.lon() != null) {
        places.addObject().put("lat", e.lat()).put("lon", e.lon());
      }
    }
    if (!places.isEmpty()) {
      doc.set("places", places);
    }
    return doc;
  }

  /**
   * A search document straight from the article's JSON bytes, parsed once as a tree: the article JSON is the
   * document, so the original bytes are sent as they are unless linked places need a {@code places} field. Checks
   * what indexing relies on (an object with an id and a known schema version); anything else OpenSearch rejects
   * goes to the dead-letter topic with OpenSearch's reason.
   *
   * @throws InvalidArticleException when the bytes are not an article
   */
  public Document fromJson(byte[] articleJson) {
    JsonNode tree;
    try {
      tree = mapper.readTree(articleJson);
    } catch (java.io.IOException e) {
      throw new InvalidArticleException("not a valid article: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidArticleException("not a valid article: not a JSON object", null);
    }
    JsonNode id = tree.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new InvalidArticleException("not a valid article: missing id", null);
    }
    int schema = tree.path("schemaVersion").asInt(-1);
    if (schema < 1 || schema > Article.SCHEMA_VERSION) {
      throw new InvalidArticleException("unsupported schemaVersion " + tree.path("schemaVersion"), null);
    }
    long version = 1;
    for (String field : new String[] {"updated", "published", "fetched"}) {
      JsonNode t = tree.get(field);
      if (t != null && t.isTextual()) {
        try {
          version = Math.max(1, Instant.parse(t.asText()).toEpochMilli());
          break;
        } catch (java.time.format.DateTimeParseException e) {
          throw new InvalidArticleException("not a valid article: " + field + " is not an ISO-8601 instant", e);
        }
      }
    }
    ArrayNode places = null;
    for (JsonNode e : tree.path("entities")) {
      JsonNode lat = e.get("lat");
      JsonNode lon = e.get("lon");
      if (lat != null && lon != null && lat.isNumber() && lon.isNumber()) {
        if (places == null) {
          places = mapper.createArrayNode();
        }
        places.addObject().put("lat", lat.asDouble()).put("lon", lon.asDouble());
      }
    }
    if (places == null) {
      return new Document(id.asText(), version, articleJson);
    }
    ((ObjectNode) tree).set("places", places);
    try {
      return new Document(id.asText(), version, mapper.writeValueAsBytes(tree));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a parsed tree can always be written", e);
    }
  }

  /**
   * A document ready for the bulk API.
   *
   * @param id      document id (the article id)
   * @param version external version (revision time in ms)
   * @param source  document JSON
   */
  public record Document(String id, long version, byte[] source) {
  }

  /** The external version of an article: its revision time in epoch milliseconds (never the Kafka offset). */
  public static long version(Article article) {
    return article.revisionTime() == null ? 1 : Math.max(1, article.revisionTime().toEpochMilli());
  }
}
