package org.newsflow.app.wiring;

import java.util.List;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

/**
 * Settings of the all-in-one mode ({@code newsflow up}): the ports of its embedded Kafka broker and OpenSearch
 * node. Its admin port is {@code admin.port} (8080 when that is -1) and its data directory {@code data.dir}.
 */
public final class UpSettings {

  private UpSettings() {
  }

  /** Port of the embedded Kafka broker. */
  public static final Setting<Integer> KAFKA_PORT = Setting.of("up.kafka.port", SettingType.INT)
      .defaultValue(9092)
      .rule(n -> n >= 0 && n <= 65535, "is a port number, or 0 for any free port")
      .doc("`up` only: port of the embedded Kafka broker on 127.0.0.1 (flag --kafka-port).");

  /** HTTP port of the embedded OpenSearch node. */
  public static final Setting<Integer> OPENSEARCH_PORT = Setting.of("up.opensearch.port", SettingType.INT)
      .defaultValue(9200)
      .rule(n -> n >= 0 && n <= 65535, "is a port number, or 0 for any free port")
      .doc("`up` only: HTTP port of the embedded OpenSearch node on 127.0.0.1 (flag --opensearch-port).");

  /** The admin port {@code up} uses when {@code admin.port} is -1. */
  public static final int DEFAULT_ADMIN_PORT = 8080;

  /** All settings of the all-in-one mode. */
  public static List<Setting<?>> all() {
    return List.of(KAFKA_PORT, OPENSEARCH_PORT);
  }
}
