package org.newsflow.enrich.service;

import java.util.List;
import java.util.Set;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

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

  /** All enrich settings. */
  public static List<Setting<?>> all() {
    return List.of(APPLICATION_ID, GUARANTEE, THREADS, ROUTE_BY_TOPIC);
  }
}
