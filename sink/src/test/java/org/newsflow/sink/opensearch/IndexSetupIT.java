package org.newsflow.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** The index set-up against the in-process OpenSearch node. */
class IndexSetupIT {

  @TempDir
  static Path dir;
  static EmbeddedOpenSearch openSearch;

  @BeforeAll
  static void startNode() throws Exception {
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    openSearch.start();
  }

  @AfterAll
  static void stopNode() {
    openSearch.close();
  }

  @Test
  void shouldApplyAChangedRefreshIntervalToTheTemplateAndTheIndexAlreadyBehindTheAlias() throws Exception {
    try (OpenSearchConnection os = new OpenSearchConnection(List.of(openSearch.url()), null, null, null)) {
      IndexSetup.ensure(os, "refresh-articles", Duration.ofSeconds(2));
      assertThat(get(os, "/refresh-articles-000001/_settings")).contains("\"refresh_interval\":\"2000ms\"");

      IndexSetup.ensure(os, "refresh-articles", Duration.ofMillis(700));

      assertThat(get(os, "/refresh-articles-000001/_settings")).contains("\"refresh_interval\":\"700ms\"");
      assertThat(get(os, "/_index_template/refresh-articles")).contains("\"refresh_interval\":\"700ms\"");
    }
  }

  private static String get(OpenSearchConnection os, String endpoint) throws Exception {
    try (Response r = os.generic().execute(Requests.builder().method("GET").endpoint(endpoint).build())) {
      assertThat(r.getStatus()).as(endpoint).isEqualTo(200);
      return r.getBody().map(b -> b.bodyAsString()).orElse("");
    }
  }
}
