package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.ConfigDocs;

class ConfigurationDocTest {

  @Test
  void shouldMatchTheSettingDeclarations() throws Exception {
    String onDisk = Files.readString(Path.of("..", "docs", "configuration.md"));
    assertThat(onDisk)
        .as("docs/configuration.md is stale: regenerate it with ./newsflow config-docs > docs/configuration.md")
        .isEqualTo(ConfigDocs.markdown(Services.allSettings()));
  }
}
