package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.ConfigException;
import org.newsflow.common.topics.Topics;

class SinkSettingsTest {

  private static Config load(Map<String, String> env) {
    return Config.load(SinkSettings.all(), null, env, Map.of());
  }

  @Test
  void shouldLeaveTheInstanceIdUnsetByDefaultSoEachProcessGetsARandomTransactionalId() {
    assertThat(Config.defaults(SinkSettings.all()).get(SinkSettings.INSTANCE_ID)).isNull();
    String one = SinkService.transactionalId("newsflow-sink", null);
    String two = SinkService.transactionalId("newsflow-sink", null);
    assertThat(one).startsWith("newsflow-sink-sink-").isNotEqualTo(two);
  }

  @Test
  void shouldAcceptPodAndHostNamesAndDeriveTheSameTransactionalIdFromThemEachTime() {
    for (String id : List.of("newsflow-sink-0", "sink_1", "host.example.org", "A", "x".repeat(128))) {
      assertThat(load(Map.of("NEWSFLOW_SINK_INSTANCE_ID", id)).get(SinkSettings.INSTANCE_ID)).isEqualTo(id);
    }
    assertThat(SinkService.transactionalId("news", "newsflow-sink-0")).isEqualTo("news-sink-newsflow-sink-0")
        .isEqualTo(SinkService.transactionalId("news", "newsflow-sink-0"));
  }

  @Test
  void shouldRefuseAtStartAnInstanceIdThatIsBlankTooLongOrHasCharactersBeyondANamesWithTheFix() {
    for (String bad : List.of("", " ", " sink-0", "sink 0", "sink/0", "sink*", "sink-*", "ünïcode", "a\nb",
        "x".repeat(129))) {
      assertThatThrownBy(() -> load(Map.of("NEWSFLOW_SINK_INSTANCE_ID", bad)))
          .as("'%s'", bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("setting 'sink.instance.id'")
          .hasMessageContaining("is 1 to 128 letters, digits, '.', '_' or '-'")
          .hasMessageContaining("Fix:");
    }
  }

  @Test
  void shouldRefuseAnInvalidInstanceIdGivenToTheServiceDirectly() {
    assertThatThrownBy(() -> new SinkService(new Properties(), "g", "sink 0", new Topics("t"), null, "a", 10, 1 << 20, 1,
        Duration.ofSeconds(1), Duration.ofMillis(500), new SimpleMeterRegistry()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sink.instance.id");
  }
}
