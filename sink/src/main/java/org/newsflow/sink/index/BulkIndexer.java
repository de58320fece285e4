package org.newsflow.sink.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.newsflow.sink.opensearch.OpenSearchConnection;

/**
 * Sends document writes with one bulk request and decides what it came to ({@link BulkResult}): for the request
 * as a whole, retry later (unreachable, 408, 429, 5xx), rejected for its content (400, 413, 422) or fatal (401, 403
 * and other 4xx); otherwise for every item, written, superseded (a version conflict means a newer revision is
 * already indexed, which is success), transient (retry) or permanent (reject).
 * Writes use {@code version_type=external_gte} with the article's own revision time, so replays and out-of-order
 * revisions never regress a document.
 */
public final class BulkIndexer {

  private static final byte[] NL = {'\n'};

  private final OpenSearchConnection os;
  private final String alias;
  private final ObjectMapper mapper;

  /**
   * @param os     connection
   * @param alias  write alias
   * @param mapper JSON mapper for the responses
   */
  public BulkIndexer(OpenSearchConnection os, String alias, ObjectMapper mapper) {
    this.os = os;
    this.alias = alias;
    this.mapper = mapper;
  }

  /** Executes one bulk request; never throws for what the node or the network does. */
  public <T> BulkResult<T> execute(List<IndexOp<T>> ops) {
    if (ops.isEmpty()) {
      return new BulkResult.Written<>(0, List.of(), List.of());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(ops.stream().mapToInt(IndexOp::weight).sum() + 64);
    for (IndexOp<T> op : ops) {
      String action = op.isDelete()
          ? "{\"delete\":{\"_index\":\"" + alias + "\",\"_id\":" + quote(op.id()) + "}}"
          : "{\"index\":{\"_index\":\"" + alias + "\",\"_id\":" + quote(op.id()) + ",\"version\":" + op.version()
              + ",\"version_type\":\"external_gte\"}}";
      body.writeBytes(action.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(NL);
      if (!op.isDelete()) {
        body.writeBytes(op.source());
        body.writeBytes(NL);
      }
    }
    try (Response r = os.generic().execute(Requests.builder().method("POST").endpoint("/_bulk")
        .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
      int status = r.getStatus();
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      if (status < 300) {
        return classify(ops, mapper.readTree(text));
      }
      return failed(status, text);
    } catch (IOException | RuntimeException e) {
      // the transport throws for some statuses (401 and 403 wrapped, 408, 413, 429, 5xx) and hands back others
      ResponseException answered = answerIn(e);
      if (answered != null) {
        return failed(answered.status(), e.getMessage() + ": " + answered.getMessage());
      }
      // no answer (refused connection, reset, timeout, an unreadable answer): all worth a retry
      return new BulkResult.RetryLater<>(0, "OpenSearch at " + os.description() + " unreachable: " + e.getMessage());
    }
  }

  /** The node's answer that {@code e} was thrown for, if any (the transport wraps some in a cause or two). */
  private static ResponseException answerIn(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      if (t instanceof ResponseException r) {
        return r;
      }
    }
    return null;
  }

  /** What a request that failed as a whole with {@code status} came to. */
  private static <T> BulkResult<T> failed(int status, String answer) {
    String reason = "HTTP " + status + " " + abbreviate(answer);
    return switch (status) {
      case 408, 429 -> new BulkResult.RetryLater<>(status, "bulk request refused: " + reason);
      case 400, 413, 422 -> new BulkResult.Rejected<>(status, reason);
      default -> status >= 500 ? new BulkResult.RetryLater<>(status, "bulk request refused: " + reason)
          : new BulkResult.Fatal<>(status, reason);
    };
  }

  private <T> BulkResult<T> classify(List<IndexOp<T>> ops, JsonNode response) {
    JsonNode items = response.path("items");
    int written = 0;
    List<IndexOp<T>> retry = new ArrayList<>();
    List<BulkResult.DocumentRejection<T>> rejected = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      IndexOp<T> op = ops.get(i);
      JsonNode item = items.path(i);
      JsonNode result = item.path(op.isDelete() ? "delete" : "index");
      int status = result.path("status").asInt(500);
      if (status < 300 || status == 409 || (op.isDelete() && status == 404)) {
        written++;
      } else if (status == 429 || status >= 500) {
        retry.add(op);
      } else {
        JsonNode err = result.path("error");
        rejected.add(new BulkResult.DocumentRejection<>(op, status, err.path("type").asText("error") + ": "
            + err.path("reason").asText(err.toString())));
      }
    }
    return new BulkResult.Written<>(written, retry, rejected);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }
}
