package org.newsflow.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.FreePorts;
import org.newsflow.sink.opensearch.OpenSearchConnection;

/** How the indexer reads a node's answers, against a stand-in node that answers what the test says. */
class BulkIndexerTest {

  HttpServer server;
  final AtomicInteger status = new AtomicInteger(200);
  final AtomicReference<String> body = new AtomicReference<>("{}");
  OpenSearchConnection os;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/_bulk", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status.get(), answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    });
    server.start();
    os = new OpenSearchConnection(List.of("http://127.0.0.1:" + server.getAddress().getPort()), null, null, null);
  }

  @AfterEach
  void stop() {
    os.close();
    server.stop(0);
  }

  private BulkResult<String> send() {
    BulkIndexer indexer = new BulkIndexer(os, "articles", new ArticleJson().mapper());
    return indexer.execute(List.of(new IndexOp<>("a", 1, "{\"title\":\"A\"}".getBytes(StandardCharsets.UTF_8), "ra"),
        new IndexOp<>("b", 1, "{\"title\":\"B\"}".getBytes(StandardCharsets.UTF_8), "rb"),
        new IndexOp<>("c", 1, "{\"title\":\"C\"}".getBytes(StandardCharsets.UTF_8), "rc")));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({"401, Fatal", "403, Fatal", "404, Fatal", "400, Rejected", "413, Rejected", "408, RetryLater",
      "429, RetryLater", "500, RetryLater", "503, RetryLater"})
  void shouldDecideWhatARequestFailedAsAWholeCameTo(int httpStatus, String outcome) {
    status.set(httpStatus);
    body.set("{\"error\":{\"type\":\"x\"},\"status\":" + httpStatus + "}");

    BulkResult<String> result = send();

    assertThat(result.getClass().getSimpleName()).as("%s", result).isEqualTo(outcome);
    String reason = switch (result) {
      case BulkResult.Fatal<String> f -> f.reason();
      case BulkResult.Rejected<String> r -> r.reason();
      case BulkResult.RetryLater<String> r -> r.reason();
      case BulkResult.Written<String> w -> "written";
    };
    assertThat(reason).contains("HTTP " + httpStatus);
  }

  @Test
  void shouldRetryLaterWhenTheNodeCannotBeReached() throws Exception {
    int closed = FreePorts.pick();
    try (OpenSearchConnection nowhere = new OpenSearchConnection(List.of("http://127.0.0.1:" + closed), null, null, null)) {
      BulkResult<String> result = new BulkIndexer(nowhere, "articles", new ArticleJson().mapper())
          .execute(List.of(new IndexOp<>("a", 1, "{}".getBytes(StandardCharsets.UTF_8), "ra")));

      assertThat(result).isInstanceOfSatisfying(BulkResult.RetryLater.class, r -> {
        assertThat(r.status()).isZero();
        assertThat(r.reason()).contains("unreachable");
      });
    }
  }

  @Test
  void shouldSortItemsIntoWrittenSupersededTransientAndRejected() {
    body.set("{\"errors\":true,\"items\":["
        + "{\"index\":{\"status\":201}},"
        + "{\"index\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\"}}},"
        + "{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"bad point\"}}}]}");

    BulkResult<String> result = send();

    assertThat(result).isInstanceOfSatisfying(BulkResult.Written.class, w -> {
      assertThat(w.written()).isEqualTo(1);
      assertThat(w.retry()).extracting(op -> ((IndexOp<?>) op).id()).containsExactly("b");
      assertThat(w.rejected()).singleElement().satisfies(r -> {
        BulkResult.DocumentRejection<?> rej = (BulkResult.DocumentRejection<?>) r;
        assertThat(rej.op().id()).isEqualTo("c");
        assertThat(rej.reason()).isEqualTo("mapper_parsing_exception: bad point");
      });
    });
  }
}
