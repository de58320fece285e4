package org.newsflow.sink.service;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;

/** The sink against the in-process Kafka broker and OpenSearch node. */
class SinkServiceIT extends AbstractSinkServiceIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;

  @BeforeAll
  static void startServers() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    openSearch.start();
  }

  @AfterAll
  static void stopServers() {
    openSearch.close();
    kafka.close();
  }

  @Override
  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  String openSearchUrl() {
    return openSearch.url();
  }
}
