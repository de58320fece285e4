package org.newsflow.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  static final Setting<Duration> INTERVAL = Setting.of("ingest.poll.interval", SettingType.DURATION)
      .defaultValue(Duration.ofMinutes(5))
      .rule(d -> !d.isNegative() && !d.isZero(), "is positive")
      .doc("How often each feed is polled.");
  static final Setting<String> PASSWORD = Setting.of("opensearch.password", SettingType.STRING).secret()
      .doc("Password.");

  static final List<Setting<?>> ALL = List.of(INTERVAL, PASSWORD, CommonSettings.KAFKA_BOOTSTRAP_SERVERS);

  static final Setting<Integer> LOW = Setting.of("t.low", SettingType.INT).defaultValue(35).doc("Lower bound.");
  static final Setting<Integer> HIGH = Setting.of("t.high", SettingType.INT).defaultValue(60).notBelow(LOW)
      .doc("Upper bound.");

  @Test
  void shouldStopAtLoadWhenTwoSettingsThatMustStayInOrderDoNot() {
    assertThatThrownBy(() -> Config.load(List.of(LOW, HIGH), null, Map.of("NEWSFLOW_T_LOW", "70"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'t.high' = 60 (from default) is below 't.low' = 70 (from environment variable NEWSFLOW_T_LOW)")
        .hasMessageContaining("Fix:");
    assertThat(Config.load(List.of(LOW, HIGH), null, Map.of(), Map.of("t.low", "60")).get(HIGH)).isEqualTo(60);
  }

  @Test
  void shouldUseDefaultsWhenNothingIsSet() {
    Config c = Config.defaults(ALL);
    assertThat(c.get(INTERVAL)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.get(PASSWORD)).isNull();
    assertThat(c.source(INTERVAL)).isEqualTo("default");
  }

  @Test
  void shouldLetEnvironmentOverrideFileAndCommandLineOverrideEnvironment(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "ingest:\n  poll.interval: 1m\nkafka.bootstrap.servers: [a:1, b:2]\n");
    Config fileOnly = Config.load(ALL, file, Map.of(), Map.of());
    assertThat(fileOnly.get(INTERVAL)).isEqualTo(Duration.ofMinutes(1));
    assertThat(fileOnly.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS)).containsExactly("a:1", "b:2");

    Config env = Config.load(ALL, file, Map.of("NEWSFLOW_INGEST_POLL_INTERVAL", "30s"), Map.of());
    assertThat(env.get(INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(env.source(INTERVAL)).contains("NEWSFLOW_INGEST_POLL_INTERVAL");

    Config cli = Config.load(ALL, file, Map.of("NEWSFLOW_INGEST_POLL_INTERVAL", "30s"), Map.of("ingest.poll.interval", "PT2S"));
    assertThat(cli.get(INTERVAL)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldNameTheSettingAndTheFixForABadValue() {
    assertThatThrownBy(() -> Config.load(ALL, null, Map.of("NEWSFLOW_INGEST_POLL_INTERVAL", "-5s"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.poll.interval")
        .hasMessageContaining("NEWSFLOW_INGEST_POLL_INTERVAL")
        .hasMessageContaining("is positive")
        .hasMessageContaining("Fix:");
    assertThatThrownBy(() -> Config.load(ALL, null, Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "nohostport"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.bootstrap.servers");
  }

  @Test
  void shouldRejectUnknownKeysInTheFileAndSuggestTheNearestOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "ingest.pol.interval: 1m\n");
    assertThatThrownBy(() -> Config.load(ALL, file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean 'ingest.poll.interval'");
  }

  @Test
  void shouldMaskSecretsInTheEffectiveConfig(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "opensearch.password: hunter2\nkafka.client.sasl.jaas.config: secretstuff\n"
        + "kafka.client.security.protocol: SASL_SSL\n");
    Config c = Config.load(ALL, file, Map.of(), Map.of());
    assertThat(c.effective()).containsEntry("opensearch.password", "****")
        .containsEntry("kafka.client.sasl.jaas.config", "****")
        .containsEntry("kafka.client.security.protocol", "SASL_SSL");
    assertThat(c.passthrough(Config.KAFKA_PASSTHROUGH_PREFIX)).containsEntry("security.protocol", "SASL_SSL");
    assertThat(c.get(PASSWORD)).isEqualTo("hunter2");
  }

  @Test
  void shouldAcceptClientPassThroughPropertiesFromTheCommandLine() {
    Config c = Config.load(ALL, null, Map.of(), Map.of("kafka.client.security.protocol", "SSL",
        "enrich.streams.commit.interval.ms", "50"));
    assertThat(c.passthrough(Config.KAFKA_PASSTHROUGH_PREFIX)).containsEntry("security.protocol", "SSL");
    assertThat(c.passthrough(Config.STREAMS_PASSTHROUGH_PREFIX)).containsEntry("commit.interval.ms", "50");
  }

  @Test
  void shouldParseDurationsAndByteSizes() {
    assertThat(SettingType.DURATION.parse().apply("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(SettingType.DURATION.parse().apply("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(SettingType.LONG.parse().apply("10mb")).isEqualTo(10L * 1024 * 1024);
    assertThatThrownBy(() -> SettingType.DURATION.parse().apply("soon")).hasMessageContaining("not a duration");
  }
}
