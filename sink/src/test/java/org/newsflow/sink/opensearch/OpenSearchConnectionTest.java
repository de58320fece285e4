package org.newsflow.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.config.ConfigException;

class OpenSearchConnectionTest {

  @Test
  void shouldNameTheCaFileSettingWhenTheCertificateIsUnreadable(@TempDir Path dir) throws Exception {
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> new OpenSearchConnection(List.of("https://127.0.0.1:9200"), "u", "p", ca))
        .isInstanceOf(ConfigException.class).hasMessageContaining("opensearch.ca.file").hasMessageContaining("Fix:");
  }
}
