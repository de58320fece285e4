package org.newsflow.sink.service;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

/** The settings of the sink service, declared once. */
public final class SinkSettings {

  private SinkSettings() {
  }

  /** What a stable instance id may be: a pod or host name fits, whitespace and ACL wildcards do not. */
  private static final Pattern INSTANCE_ID_FORM = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /** Consumer group. */
  public static final Setting<String> GROUP_ID = Setting.of("sink.group.id", SettingType.STRING)
      .defaultValue("newsflow-sink")
      .rule(s -> !s.isBlank(), "is not blank")
      .doc("Kafka consumer group of the sink: instances with the same group share the partitions.");

  /** Documents per bulk request. */
  public static final Setting<Integer> BATCH_DOCS = Setting.of("sink.batch.max.docs", SettingType.INT)
      .defaultValue(1000)
      .rule(n -> n >= 1 && n <= 100_000, "is between 1 and 100000")
      .doc("Most documents in one bulk request.");

  /** Bytes per bulk request. */
  public static final Setting<Long> BATCH_BYTES = Setting.of("sink.batch.max.bytes", SettingType.LONG)
      .defaultValue(5L * 1024 * 1024)
      .rule(n -> n >= 1024 && n <= 100L * 1024 * 1024, "is between 1kb and 100mb")
      .doc("Largest bulk request body (accepts kb/mb suffixes).");

  /** Bulk requests in flight. */
  public static final Setting<Integer> MAX_IN_FLIGHT = Setting.of("sink.max.in.flight", SettingType.INT)
      .defaultValue(2)
      .rule(n -> n >= 1 && n <= 16, "is between 1 and 16")
      .doc("Bulk requests sent at the same time by one sink instance; offsets are committed once all of a poll's requests succeeded.");

  /** Longest retry wait. */
  public static final Setting<Duration> MAX_BACKOFF = Setting.of("sink.backoff.max", SettingType.DURATION)
      .defaultValue(Duration.ofSeconds(30))
      .rule(d -> d.toMillis() >= 10, "is at least 10ms")
      .doc("Longest wait between retries while OpenSearch is unreachable or overloaded.");

  /** How soon written articles become searchable. */
  public static final Setting<Duration> REFRESH_INTERVAL = Setting.of("sink.index.refresh.interval", SettingType.DURATION)
      .defaultValue(Duration.ofMillis(500))
      .rule(d -> d.toMillis() >= 100 && d.compareTo(Duration.ofHours(1)) <= 0, "is between 100ms and 1h")
      .doc("The article index's refresh_interval, set on the index template and on the alias's indices at start: an "
          + "article is searchable at the first refresh after the sink writes it. Shorter means less delay and more "
          + "indexing work (docs/operations.md).");

  /** A stable name of this instance, for its transactional producer. */
  public static final Setting<String> INSTANCE_ID = Setting.of("sink.instance.id", SettingType.STRING)
      .rule(id -> INSTANCE_ID_FORM.matcher(id).matches(), "is 1 to 128 letters, digits, '.', '_' or '-'")
      .doc("A stable name of this sink instance that no other running instance of the group has, such as its pod "
          + "name in a StatefulSet; its dead-letter producer's transactional.id becomes "
          + "`<sink.group.id>-sink-<sink.instance.id>`. Restarted with the same name after a crash, the instance aborts "
          + "at start the transaction its predecessor left open instead of waiting up to about 20 s for the broker to "
          + "time it out. Unset: a random name per process (docs/operations.md).");

  /** All sink settings. */
  public static List<Setting<?>> all() {
    return List.of(GROUP_ID, BATCH_DOCS, BATCH_BYTES, MAX_IN_FLIGHT, MAX_BACKOFF, REFRESH_INTERVAL, INSTANCE_ID);
  }
}
