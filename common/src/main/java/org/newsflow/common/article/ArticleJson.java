package org.newsflow.common.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of {@link Article} used on every topic and every command. Unknown fields are ignored so that
 * older readers keep working when fields are added; dates are ISO-8601 strings in UTC.
 */
public final class ArticleJson {

  private final ObjectMapper mapper;

  /** A mapper configured for the article schema. */
  public ArticleJson() {
    this.mapper = newMapper();
  }

  /** An ObjectMapper with newsflow's JSON conventions, for other records that travel with articles. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  /** The underlying mapper (thread-safe). */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Article to UTF-8 JSON bytes. */
  public byte[] toBytes(Article article) {
    try {
      return mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("article " + article.id() + " cannot be written as JSON", e);
    }
  }

  /** Article to a JSON string (one line). */
  public String toJson(Article article) {
    try {
      return mapper.writeValueAsString(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("article " + article.id() + " cannot be written as JSON", e);
    }
  }

  /**
   * Reads an article.
   *
   * @throws InvalidArticleException when the bytes are not an article of a schema version this code reads
   */
  public Article fromBytes(byte[] json) {
    try {
      return check(mapper.readValue(json, Article.class));
    } catch (IOException | RuntimeException e) {
      throw new InvalidArticleException("not a valid article: " + rootMessage(e), e);
    }
  }

  /** Reads an article from a JSON string; see {@link #fromBytes(byte[])}. */
  public Article fromJson(String json) {
    try {
      return check(mapper.readValue(json, Article.class));
    } catch (IOException | RuntimeException e) {
      throw new InvalidArticleException("not a valid article: " + rootMessage(e), e);
    }
  }

  private static Article check(Article article) {
    if (article.schemaVersion() < 1 || article.schemaVersion() > Article.SCHEMA_VERSION) {
      throw new InvalidArticleException("unsupported schemaVersion " + article.schemaVersion()
          + " (this build reads 1.." + Article.SCHEMA_VERSION + ")", null);
    }
    return article;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /** Writes any value with the article conventions; for tools that print records. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
