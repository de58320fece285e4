package org.newsflow.common.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A news article as it travels through the pipeline: normalised by ingest (schema fields up to {@code flags}),
 * completed by enrich (language, entities, topics, story). Serialised as JSON by {@link ArticleJson}; the
 * field-by-field contract for consumers is the README's "The Article" section and docs/article.schema.json.
 *
 * <p>Fields are only ever added; a breaking change gets a new {@link #schemaVersion}.
 *
 * @param schemaVersion version of this JSON shape, {@link #SCHEMA_VERSION} when written by this code
 * @param id            stable article id: hex SHA-256 prefix of the canonical URL (or of feed URL + guid without a link)
 * @param url           canonical URL: absolute, scheme and host lower-cased, fragment and tracking parameters removed
 * @param link          the link exactly as the feed gave it, not resolved (the resolved form is {@code url})
 * @param guid          the entry's guid/id in the feed, if any
 * @param feedId        id of the feed registration this article came from
 * @param feedUrl       URL of the feed document
 * @param feedTitle     title of the feed
 * @param title         title as plain text
 * @param summary       summary/description as plain text (may be empty)
 * @param contentHtml   body as sanitised HTML (no scripts, no event handlers, absolute links)
 * @param text          body as plain text; entity mention offsets for field {@code text} index into this string
 * @param authors       author names
 * @param categories    categories/tags given by the feed
 * @param enclosures    media files attached to the entry (enclosures, Media RSS, JSON Feed attachments)
 * @param published     publication time (UTC); the fetch time when the feed gave none (then flag {@code date-missing})
 * @param updated       time of this revision (UTC): the entry's updated time, else {@code published}
 * @param fetched       when ingest fetched the feed
 * @param language      ISO 639-1 language: from the feed at ingest, detected from the text at enrich
 * @param contentHash   hash of title + text, which tells a revision from a re-publication
 * @param flags         data-quality flags, e.g. {@code date-missing}, {@code recovered}
 * @param entities      people, organisations, places and other names mentioned (set by enrich)
 * @param topics        IPTC Media Topics with scores (set by enrich)
 * @param storyId       id shared by articles that tell the same story (set by enrich)
 * @param duplicateOf   id of the article this one is a near-copy of, if any (set by enrich)
 * @param enriched      when enrich processed this article; {@code null} on news.articles.raw
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "id", "url", "link", "guid", "feedId", "feedUrl", "feedTitle", "title", "summary",
    "contentHtml", "text", "authors", "categories", "enclosures", "published", "updated", "fetched", "language", "contentHash",
    "flags", "entities", "topics", "storyId", "duplicateOf", "enriched"})
public record Article(
    int schemaVersion,
    String id,
    String url,
    String link,
    String guid,
    String feedId,
    String feedUrl,
    String feedTitle,
    String title,
    String summary,
    String contentHtml,
    String text,
    List<String> authors,
    List<String> categories,
    List<Enclosure> enclosures,
    Instant published,
    Instant updated,
    Instant fetched,
    String language,
    String contentHash,
    List<String> flags,
    List<Entity> entities,
    List<MediaTopic> topics,
    String storyId,
    String duplicateOf,
    Instant enriched) {

  /** The schema version this code writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Flag: the feed gave no usable date; {@code published} is the fetch time. */
  public static final String FLAG_DATE_MISSING = "date-missing";

  /** Flag: the entry was recovered from a feed that is not well-formed. */
  public static final String FLAG_RECOVERED = "recovered";

  /** Flag: the feed dated the entry more than a day after it was fetched; {@code published} is the fetch time. */
  public static final String FLAG_DATE_FUTURE = "date-future";

  /** Flag: the entry's link is longer than ingest keeps as a canonical URL; {@code url} is null. */
  public static final String FLAG_URL_TOO_LONG = "url-too-long";

  /** Flag: a text of the entry was longer than ingest keeps and was cut (see docs/ingest.md for the limits). */
  public static final String FLAG_TRUNCATED = "truncated";

  /** Flag: {@code text} and {@code contentHtml} come from the article's web page, the feed gave only a summary. */
  public static final String FLAG_FULL_TEXT = "full-text";

  /** Flag: the article's web page declares its content not free to read; the text is the feed's summary. */
  public static final String FLAG_PAYWALLED = "paywalled";

  /** Validates the invariants every consumer relies on and makes the lists immutable. */
  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    title = title == null ? "" : title;
    summary = summary == null ? "" : summary;
    contentHtml = contentHtml == null ? "" : contentHtml;
    text = text == null ? "" : text;
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    flags = flags == null ? List.of() : List.copyOf(flags);
    entities = entities == null ? List.of() : List.copyOf(entities);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** A builder holding this article's values, for derived copies. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder for a new article of the current schema version. */
  public static Builder builder() {
    return new Builder();
  }

  /** The time that orders revisions of one article: {@code updated}, else {@code published}, else {@code fetched}. */
  public Instant revisionTime() {
    if (updated != null) {
      return updated;
    }
    return published != null ? published : fetched;
  }

  /** Mutable builder for {@link Article}; each setter returns the builder. */
  public static final class Builder {
    private int schemaVersion = SCHEMA_VERSION;
    private String id;
    private String url;
    private String link;
    private String guid;
    private String feedId;
    private String feedUrl;
    private String feedTitle;
    private String title;
    private String summary;
    private String contentHtml;
    private String text;
    private List<String> authors;
    private List<String> categories;
    private List<Enclosure> enclosures;
    private Instant published;
    private Instant updated;
    private Instant fetched;
    private String language;
    private String contentHash;
    private List<String> flags;
    private List<Entity> entities;
    private List<MediaTopic> topics;
    private String storyId;
    private String duplicateOf;
    private Instant enriched;

    private Builder() {
    }

    private Builder(Article a) {
      schemaVersion = a.schemaVersion;
      id = a.id;
      url = a.url;
      link = a.link;
      guid = a.guid;
      feedId = a.feedId;
      feedUrl = a.feedUrl;
      feedTitle = a.feedTitle;
      title = a.title;
      summary = a.summary;
      contentHtml = a.contentHtml;
      text = a.text;
      authors = a.authors;
      categories = a.categories;
      enclosures = a.enclosures;
      published = a.published;
      updated = a.updated;
      fetched = a.fetched;
      language = a.language;
      contentHash = a.contentHash;
      flags = a.flags;
      entities = a.entities;
      topics = a.topics;
      storyId = a.storyId;
      duplicateOf = a.duplicateOf;
      enriched = a.enriched;
    }

    public Builder id(String v) { id = v; return this; }
    public Builder url(String v) { url = v; return this; }
    public Builder link(String v) { link = v; return this; }
    public Builder guid(String v) { guid = v; return this; }
    public Builder feedId(String v) { feedId = v; return this; }
    public Builder feedUrl(String v) { feedUrl = v; return this; }
    public Builder feedTitle(String v) { feedTitle = v; return this; }
    public Builder title(String v) { title = v; return this; }
    public Builder summary(String v) { summary = v; return this; }
    public Builder contentHtml(String v) { contentHtml = v; return this; }
    public Builder text(String v) { text = v; return this; }
    public Builder authors(List<String> v) { authors = v; return this; }
    public Builder categories(List<String> v) { categories = v; return this; }
    public Builder enclosures(List<Enclosure> v) { enclosures = v; return this; }
    public Builder published(Instant v) { published = v; return this; }
    public Builder updated(Instant v) { updated = v; return this; }
    public Builder fetched(Instant v) { fetched = v; return this; }
    public Builder language(String v) { language = v; return this; }
    public Builder contentHash(String v) { contentHash = v; return this; }
    public Builder flags(List<String> v) { flags = v; return this; }
    public Builder entities(List<Entity> v) { entities = v; return this; }
    public Builder topics(List<MediaTopic> v) { topics = v; return this; }
    public Builder storyId(String v) { storyId = v; return this; }
    public Builder duplicateOf(String v) { duplicateOf = v; return this; }
    public Builder enriched(Instant v) { enriched = v; return this; }

    /** Builds the article, checking its invariants. */
    public Article build() {
      return new Article(schemaVersion, id, url, link, guid, feedId, feedUrl, feedTitle, title, summary, contentHtml,
          text, authors, categories, enclosures, published, updated, fetched, language, contentHash, flags, entities, topics,
          storyId, duplicateOf, enriched);
    }
  }
}
