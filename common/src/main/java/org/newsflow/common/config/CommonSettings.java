package org.newsflow.common.config;

import java.nio.file.Path;
import java.util.List;

/** Settings every newsflow service reads: where Kafka is, how topics are named, where data and the admin port live. */
public final class CommonSettings {

  private CommonSettings() {
  }

  /** Kafka bootstrap servers. */
  public static final Setting<List<String>> KAFKA_BOOTSTRAP_SERVERS = Setting.of("kafka.bootstrap.servers", SettingType.LIST)
      .defaultValue(List.of("127.0.0.1:9092"))
      .rule(l -> !l.isEmpty() && l.stream().allMatch(CommonSettings::isHostPort), "is a comma-separated list of host:port")
      .doc("Kafka bootstrap servers (host:port, comma-separated).");

  /** Topic name prefix. */
  public static final Setting<String> TOPIC_PREFIX = Setting.of("topics.prefix", SettingType.STRING)
      .defaultValue("news")
      .rule(s -> s.matches("[A-Za-z0-9._-]{1,100}"), "consists of letters, digits, '.', '_' or '-'")
      .doc("Prefix of every topic name: <prefix>.articles.raw, <prefix>.articles.enriched, ...");

  /** How long a service waits for Kafka at start. */
  public static final Setting<java.time.Duration> KAFKA_STARTUP_TIMEOUT = Setting.of("kafka.startup.timeout", SettingType.DURATION)
      .defaultValue(java.time.Duration.ofSeconds(30))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .doc("How long a service waits for Kafka to answer at start before it stops with an error.");

  /** Partitions of topics this service creates. */
  public static final Setting<Integer> TOPIC_PARTITIONS = Setting.of("topics.partitions", SettingType.INT)
      .defaultValue(3)
      .rule(n -> n >= 1 && n <= 10_000, "is between 1 and 10000")
      .doc("Partitions of the topics newsflow creates when they do not exist yet.");

  /** Replication factor of topics this service creates. */
  public static final Setting<Integer> TOPIC_REPLICATION = Setting.of("topics.replication.factor", SettingType.INT)
      .defaultValue(-1)
      .rule(n -> n == -1 || (n >= 1 && n <= 32), "is -1 (the broker's default) or between 1 and 32")
      .doc("Replication factor of the topics newsflow creates; -1 uses the broker's default.replication.factor.");

  /** Admin HTTP port. */
  public static final Setting<Integer> ADMIN_PORT = Setting.of("admin.port", SettingType.INT)
      .defaultValue(-1)
      .rule(n -> n >= -1 && n <= 65535, "is a port number, 0 for any free port or -1 for the service's default")
      .doc("Port of the admin HTTP server (/health/live, /health/ready). -1 picks the service's default: "
          + "up 8080, ingest 8081, enrich 8082, sink 8083; 0 picks any free port.");

  /** Admin HTTP bind address. */
  public static final Setting<String> ADMIN_HOST = Setting.of("admin.host", SettingType.STRING)
      .defaultValue("127.0.0.1")
      .rule(s -> !s.isBlank(), "is a host name or address")
      .doc("Address the admin HTTP server binds to; 0.0.0.0 inside containers.");

  /** Local data directory. */
  public static final Setting<Path> DATA_DIR = Setting.of("data.dir", SettingType.PATH)
      .defaultValue(Path.of("data"))
      .doc("Directory for local state: Kafka Streams state, and in `up` the embedded Kafka and OpenSearch data.");

  /** All common settings. */
  public static List<Setting<?>> all() {
    return List.of(KAFKA_BOOTSTRAP_SERVERS, KAFKA_STARTUP_TIMEOUT, TOPIC_PREFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION, ADMIN_HOST, ADMIN_PORT,
        DATA_DIR);
  }

  static boolean isHostPort(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return false;
    }
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      return port > 0 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
