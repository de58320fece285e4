package org.newsflow.enrich.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;
import org.newsflow.enrich.cluster.ClusterParams;

/** The settings of the enrich service, declared once. */
public final class EnrichSettings {

  private EnrichSettings() {
  }

  /** Streams application id. */
  public static final Setting<String> APPLICATION_ID = Setting.of("enrich.application.id", SettingType.STRING)
      .defaultValue("newsflow-enrich")
      .rule(s -> s.matches("[A-Za-z0-9._-]{1,200}"), "consists of letters, digits, '.', '_' or '-'")
      .doc("Kafka Streams application id: instances with the same id share the work (and the consumer group).");

  /** Processing guarantee. */
  public static final Setting<String> GUARANTEE = Setting.of("enrich.processing.guarantee", SettingType.STRING)
      .defaultValue("exactly_once_v2")
      .rule(s -> Set.of("exactly_once_v2", "at_least_once").contains(s), "is exactly_once_v2 or at_least_once")
      .doc("Kafka Streams processing guarantee.");

  /** Stream threads. */
  public static final Setting<Integer> THREADS = Setting.of("enrich.threads", SettingType.INT)
      .defaultValue(1)
      .rule(n -> n >= 1 && n <= 64, "is between 1 and 64")
      .doc("Stream threads in this instance (about one per core; tagging is CPU-bound).");

  /** Per-topic routing. */
  public static final Setting<Boolean> ROUTE_BY_TOPIC = Setting.of("enrich.route.by.topic", SettingType.BOOLEAN)
      .defaultValue(false)
      .doc("Also write each article to <prefix>.topic.<iptc-subject> for every IPTC top-level topic it has.");

  /** Revision dedupe window. */
  public static final Setting<Duration> REVISION_WINDOW = Setting.of("enrich.revision.window", SettingType.DURATION)
      .defaultValue(Duration.ofDays(30))
      .rule(d -> d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(Duration.ofDays(3650)) <= 0,
          "is between 1m and 3650d")
      .doc("How long enrich remembers the last published revision of each article (retention of the "
          + "article-revisions store). An unchanged article re-published by ingest after this is published again.");

  /** Story clustering window. */
  public static final Setting<Duration> STORY_WINDOW = Setting.of("enrich.story.window", SettingType.DURATION)
      .defaultValue(Duration.ofDays(7))
      .rule(d -> d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(Duration.ofDays(365)) <= 0,
          "is between 1m and 365d")
      .doc("How long an article can still be matched into a story, and the retention of the clustering state stores "
          + "(LSH buckets, fingerprints, story views). Articles further apart than this start separate stories.");

  /** Story similarity threshold. */
  public static final Setting<Integer> STORY_SIMILARITY = Setting.of("enrich.story.similarity", SettingType.INT)
      .defaultValue(35)
      .rule(n -> n >= 10 && n <= 100, "is a percentage between 10 and 100")
      .doc("Estimated Jaccard similarity (percent, over 3-word shingles) at or above which an article joins the "
          + "story of the most similar earlier article. Below about 30 the LSH bands miss many matches.");

  /** Near-copy similarity threshold. */
  public static final Setting<Integer> DUPLICATE_SIMILARITY = Setting.of("enrich.story.duplicate.similarity",
          SettingType.INT)
      .defaultValue(60)
      .rule(n -> n >= 10 && n <= 100, "is a percentage between 10 and 100")
      .notBelow(STORY_SIMILARITY)
      .doc("Estimated Jaccard similarity (percent) at or above which an article is marked duplicateOf the earlier "
          + "one; 60 corresponds to about 80 % shared text. Must not be below enrich.story.similarity.");

  /** All enrich settings. */
  public static List<Setting<?>> all() {
    return List.of(APPLICATION_ID, GUARANTEE, THREADS, ROUTE_BY_TOPIC, REVISION_WINDOW, STORY_WINDOW, STORY_SIMILARITY,
        DUPLICATE_SIMILARITY);
  }

  /**
   * The clustering parameters of a config: its window and thresholds (their order was checked when the config
   * was loaded) with the fixed LSH layout.
   */
  public static ClusterParams clusterParams(Config config) {
    return ClusterParams.of(config.get(STORY_SIMILARITY) / 100.0, config.get(DUPLICATE_SIMILARITY) / 100.0,
        config.get(STORY_WINDOW));
  }

  /** The clustering parameters of the declared defaults (tests and benchmarks). */
  public static ClusterParams defaultClusterParams() {
    return clusterParams(Config.defaults(all()));
  }
}
