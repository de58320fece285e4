package org.newsflow.sink.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.InvalidArticleException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
   * A search document straight from the article's JSON bytes, read with one streaming pass that looks only at the
   * fields indexing needs: the article JSON is the document, so its bytes are sent as they are, and when linked
   * places have coordinates a {@code places} field is spliced in before the closing brace instead of rebuilding
   * the JSON (the sink's CPU competes with the node's on small machines). Checks what indexing relies on (an object
   * with an id and a known schema version); anything else OpenSearch rejects goes to the dead-letter topic with
   * OpenSearch's reason.
   *
   * @throws InvalidArticleException when the bytes are not an article
   */
  public Document fromJson(byte[] articleJson) {
    Scan scan;
    try {
      scan = scan(articleJson);
    } catch (java.io.IOException e) {
      throw new InvalidArticleException("not a valid article: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (scan == null) {
      throw new InvalidArticleException("not a valid article: not a JSON object", null);
    }
    if (scan.id == null || scan.id.isBlank()) {
      throw new InvalidArticleException("not a valid article: missing id", null);
    }
    if (scan.schema < 1 || scan.schema > Article.SCHEMA_VERSION) {
      throw new InvalidArticleException("unsupported schemaVersion " + scan.schemaText, null);
    }
    long version = 1;
    String[] names = {"updated", "published", "fetched"};
    String[] times = {scan.updated, scan.published, scan.fetched};
    for (int i = 0; i < times.length; i++) {
      if (times[i] != null) {
        try {
          version = Math.max(1, Instant.parse(times[i]).toEpochMilli());
          break;
        } catch (java.time.format.DateTimeParseException e) {
          throw new InvalidArticleException("not a valid article: " + names[i] + " is not an ISO-8601 instant", e);
        }
      }
    }
    long fetched = 0;
    if (scan.fetched != null) {
      try {
        fetched = Instant.parse(scan.fetched).toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidArticleException("not a valid article: fetched is not an ISO-8601 instant", e);
      }
    }
    if (scan.places.length() == 0) {
      return new Document(scan.id, version, articleJson, fetched);
    }
    byte[] places = (",\"places\":[" + scan.places + "]}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] source = java.util.Arrays.copyOf(articleJson, scan.closingBrace + places.length);
    System.arraycopy(places, 0, source, scan.closingBrace, places.length);
    return new Document(scan.id, version, source, fetched);
  }

  /** What one pass over an article's JSON found; {@code places} holds {@code {"lat":..,"lon":..}} objects. */
  private static final class Scan {
    String id;
    int schema = -1;
    String schemaText = "null";
    String updated;
    String published;
    String fetched;
    final StringBuilder places = new StringBuilder();
    int closingBrace;
  }

  /** Reads the top-level fields indexing needs and skips the rest; null when the JSON is not an object. */
  private Scan scan(byte[] json) throws java.io.IOException {
    try (JsonParser p = mapper.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Scan scan = new Scan();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> scan.id = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "schemaVersion" -> {
            scan.schema = value.isScalarValue() ? p.getValueAsInt(-1) : -1;
            scan.schemaText = value.isScalarValue() ? p.getText() : value.asString();
            p.skipChildren();
          }
          case "updated" -> scan.updated = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "published" -> scan.published = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "fetched" -> scan.fetched = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "entities" -> {
            scan.places.setLength(0);
            readPlaces(p, value, scan.places);
          }
          case "places" -> throw new java.io.IOException("'places' is set by the sink, not by the article");
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new java.io.IOException("the JSON object is not closed");
      }
      // the parser stands on the object's closing brace: places go right before it; anything after it is left to
      // OpenSearch to judge, as before
      scan.closingBrace = (int) p.currentTokenLocation().getByteOffset();
      return scan;
    }
  }

  private static void readPlaces(JsonParser p, JsonToken value, StringBuilder places) throws java.io.IOException {
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      Double lat = null;
      Double lon = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v.isNumeric() && (name.equals("lat") || name.equals("lon"))) {
          if (name.equals("lat")) {
            lat = p.getDoubleValue();
          } else {
            lon = p.getDoubleValue();
          }
        } else {
          p.skipChildren();
        }
      }
      if (lat != null && lon != null && Double.isFinite(lat) && Double.isFinite(lon)) {
        if (!places.isEmpty()) {
          places.append(',');
        }
        places.append("{\"lat\":").append(lat).append(",\"lon\":").append(lon).append('}');
      }
    }
  }

  /**
   * A document ready for the bulk API.
   *
   * @param id      document id (the article id)
   * @param version external version (revision time in ms)
   * @param source  document JSON
   */
  public record Document(String id, long version, byte[] source, long fetched) {
  }

  /** The external version of an article: its revision time in epoch milliseconds (never the Kafka offset). */
  public static long version(Article article) {
    return article.revisionTime() == null ? 1 : Math.max(1, article.revisionTime().toEpochMilli());
  }
}
