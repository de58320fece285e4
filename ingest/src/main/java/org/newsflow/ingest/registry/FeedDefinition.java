package org.newsflow.ingest.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.newsflow.common.article.ArticleIds;

/**
 * One feed to poll.
 *
 * @param id       stable feed id (from the URL unless given)
 * @param url      http(s) URL, {@code file:} URL or local path
 * @param name     display name, may be null
 * @param interval poll interval, null for the service default
 * @param tags     free labels an operator gives the feed
 * @param fullText whether every entry's text is taken from its article page, however long the feed's text is
 *                 (entries with short texts get their page anyway)
 */
public record FeedDefinition(String id, String url, String name, Duration interval, List<String> tags,
                             boolean fullText) {

  /** Checks the fields; derives the id from the URL when none is given. */
  public FeedDefinition {
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new IllegalArgumentException("feed url must not be blank");
    }
    url = url.strip();
    if (id == null || id.isBlank()) {
      id = idFor(url);
    }
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("feed " + url + ": interval must be positive, was " + interval);
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A feed whose full-text choice is left to the entries' length. */
  public FeedDefinition(String id, String url, String name, Duration interval, List<String> tags) {
    this(id, url, name, interval, tags, false);
  }

  /** A feed with only a URL. */
  public static FeedDefinition of(String url) {
    return new FeedDefinition(null, url, null, null, List.of());
  }

  /** The feed id derived from a URL: 16 hex characters. */
  public static String idFor(String url) {
    return ArticleIds.hash("feed\n" + url.strip()).substring(0, 16);
  }
}
