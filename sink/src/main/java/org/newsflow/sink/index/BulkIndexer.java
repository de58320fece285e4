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
import org.newsflow.sink.opensearch.OpenSearchConnection;

/**
 * Sends document writes with one bulk request and sorts every item's result: written, superseded (a version
 * conflict means a newer revision is already indexed, which is success), transient (retry) or permanent (reject).
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

  /**
   * Executes one bulk request.
   *
   * @throws IOException when the request as a whole failed (node unreachable, 5xx for the request): retry it all
   */
  public <T> BulkOutcome<T> execute(List<IndexOp<T>> ops) throws IOException {
    if (ops.isEmpty()) {
      return new BulkOutcome<>(0, List.of(), List.of());
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
    JsonNode response;
    try (Response r = os.generic().execute(Requests.builder().method("POST").endpoint("/_bulk")
        .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() == 429 || r.getStatus() >= 500) {
        throw new IOException("bulk request refused: HTTP " + r.getStatus() + " " + abbreviate(text));
      }
      if (r.getStatus() >= 300) {
        throw new IllegalStateException("bulk request rejected: HTTP " + r.getStatus() + " " + abbreviate(text));
      }
      response = mapper.readTree(text);
    }
    return classify(ops, response);
  }

  private <T> BulkOutcome<T> classify(List<IndexOp<T>> ops, JsonNode response) {
    JsonNode items = response.path("items");
    int written = 0;
    List<IndexOp<T>> retry = new ArrayList<>();
    List<BulkOutcome.Rejected<T>> rejected = new ArrayList<>();
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
        rejected.add(new BulkOutcome.Rejected<>(op, status, err.path("type").asText("error") + ": "
            + err.path("reason").asText(err.toString())));
      }
    }
    return new BulkOutcome<>(written, retry, rejected);
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
