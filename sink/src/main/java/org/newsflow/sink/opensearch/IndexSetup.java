package org.newsflow.sink.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Puts the article index template and, on first use, creates the first index {@code <alias>-000001} with the
 * write alias, so that the index can later be rolled over without touching the sink. The refresh interval is set on
 * the template and on the indices already behind the alias, so a changed setting takes effect at the next start.
 */
public final class IndexSetup {

  private IndexSetup() {
  }

  /** The template JSON for an alias, with the index's refresh interval. */
  public static String templateJson(String alias, Duration refreshInterval) {
    try (InputStream in = IndexSetup.class.getResourceAsStream("/org/newsflow/sink/index-template.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("%ALIAS%", alias)
          .replace("%REFRESH%", interval(refreshInterval));
    } catch (IOException e) {
      throw new UncheckedIOException("index template missing from the jar", e);
    }
  }

  /**
   * Makes sure the template, the first index and the write alias exist, with the given refresh interval. Safe to
   * run from many instances at once.
   *
   * @throws IOException when OpenSearch cannot be reached or refuses
   */
  public static void ensure(OpenSearchConnection os, String alias, Duration refreshInterval) throws IOException {
    expectOk(os, "PUT", "/_index_template/" + alias, templateJson(alias, refreshInterval));
    try (Response r = os.generic().execute(Requests.builder().method("HEAD").endpoint("/_alias/" + alias).build())) {
      if (r.getStatus() == 200) {
        expectOk(os, "PUT", "/" + alias + "/_settings",
            "{\"index\":{\"refresh_interval\":\"" + interval(refreshInterval) + "\"}}");
        return;
      }
    }
    String first = alias + "-000001";
    try (Response r = os.generic().execute(Requests.builder().method("PUT").endpoint("/" + first)
        .json("{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}").build())) {
      String body = r.getBody().map(b -> b.bodyAsString()).orElse("");
      if (r.getStatus() >= 300 && !body.contains("resource_already_exists_exception")) {
        throw new IOException("creating index " + first + " failed: HTTP " + r.getStatus() + " " + body);
      }
    }
  }

  /** OpenSearch's time unit syntax, in milliseconds so that no precision is lost. */
  static String interval(Duration d) {
    return d.toMillis() + "ms";
  }

  private static void expectOk(OpenSearchConnection os, String method, String endpoint, String json) throws IOException {
    try (Response r = os.generic().execute(Requests.builder().method(method).endpoint(endpoint).json(json).build())) {
      if (r.getStatus() >= 300) {
        throw new IOException(method + " " + endpoint + " failed: HTTP " + r.getStatus() + " "
            + r.getBody().map(b -> b.bodyAsString()).orElse(""));
      }
    }
  }
}
