package org.newsflow.common.topics;

import java.util.List;
import java.util.Map;

/**
 * The names of the pipeline's topics under one prefix (default {@code news}). Built once from configuration and
 * passed to whoever needs it; there is no static registry.
 *
 * @param prefix the topic name prefix
 */
public record Topics(String prefix) {

  /** The default prefix. */
  public static final String DEFAULT_PREFIX = "news";

  /**
   * Largest article record the article topics take (max.message.bytes) and ingest's producer sends
   * (max.request.size): 2 MiB, above the size ingest caps an article at (ArticleNormalizer in ingest).
   */
  public static final int MAX_ARTICLE_RECORD_BYTES = 2 * 1024 * 1024;

  /** Feed registry: key feed id, value feed definition or tombstone. Compacted. */
  public TopicSpec feeds() {
    return new TopicSpec(prefix + ".feeds", true, Map.of("cleanup.policy", "compact"));
  }

  /** Per-feed health: key feed id, value last poll status (for operators, one record per poll). Compacted. */
  public TopicSpec feedStatus() {
    return new TopicSpec(prefix + ".feed-status", true, Map.of("cleanup.policy", "compact"));
  }

  /**
   * Feed pollers' memory: key feed id, value the validators, backoff, interval and entries already published that
   * an ingest instance taking the feed over restores. Written only when it changes. Compacted.
   */
  public TopicSpec feedPollerState() {
    return new TopicSpec(prefix + ".feed-poller-state", true, Map.of("cleanup.policy", "compact"));
  }

  /**
   * WebSub subscriptions: key feed id, value the feed's hub, topic, secret, state and lease. Compacted. Beside the
   * feed status, so whichever ingest instance owns a feed knows its subscription.
   */
  public TopicSpec feedSubscriptions() {
    return new TopicSpec(prefix + ".feed-subscriptions", true, Map.of("cleanup.policy", "compact"));
  }

  /** Normalised articles from ingest: key article id, value Article JSON without tags. */
  public TopicSpec articlesRaw() {
    return new TopicSpec(prefix + ".articles.raw", false, Map.of("cleanup.policy", "delete", "max.message.bytes",
        String.valueOf(MAX_ARTICLE_RECORD_BYTES)));
  }

  /** Enriched articles: key article id, value Article JSON with entities, topics, language, storyId. */
  public TopicSpec articlesEnriched() {
    return new TopicSpec(prefix + ".articles.enriched", false, Map.of("cleanup.policy", "delete", "max.message.bytes",
        String.valueOf(MAX_ARTICLE_RECORD_BYTES)));
  }

  /** Dead letters: key the original key, value the original bytes, headers saying why and where from. */
  public TopicSpec deadLetters() {
    return new TopicSpec(prefix + ".articles.dlq", false, Map.of("cleanup.policy", "delete", "max.message.bytes",
        String.valueOf(MAX_ARTICLE_RECORD_BYTES)));
  }

  /** Stories: key story id, value the story's member articles (ids, titles, urls). Compacted: latest per story. */
  public TopicSpec stories() {
    return new TopicSpec(prefix + ".stories", true, Map.of("cleanup.policy", "compact"));
  }

  /** The per-subject topic an article with the given IPTC top-level slug is routed to, when routing is on. */
  public TopicSpec topicRoute(String slug) {
    return new TopicSpec(prefix + ".topic." + slug, false, Map.of("cleanup.policy", "delete"));
  }

  /** Every topic the pipeline itself reads or writes (routing topics excluded). */
  public List<TopicSpec> all() {
    return List.of(feeds(), feedStatus(), feedPollerState(), feedSubscriptions(), articlesRaw(), articlesEnriched(),
        deadLetters(), stories());
  }
}
