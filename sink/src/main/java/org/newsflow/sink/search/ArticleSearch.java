package org.newsflow.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.newsflow.sink.opensearch.OpenSearchConnection;

/** Searches the article index: full text, filters on entity/topic/time/feed/story, and facets of the matches. */
public final class ArticleSearch {

  private final OpenSearchConnection os;
  private final String alias;
  private final ObjectMapper mapper;

  /**
   * @param os     connection
   * @param alias  index alias to search
   * @param mapper JSON mapper
   */
  public ArticleSearch(OpenSearchConnection os, String alias, ObjectMapper mapper) {
    this.os = os;
    this.alias = alias;
    this.mapper = mapper;
  }

  /** The request body for a query (exposed for tests and `--explain`). */
  public ObjectNode requestBody(SearchQuery q) {
    ObjectNode body = mapper.createObjectNode();
    body.put("size", q.size());
    body.put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    if (q.text() != null && !q.text().isBlank()) {
      ObjectNode mm = bool.putArray("must").addObject().putObject("multi_match");
      mm.put("query", q.text());
      mm.putArray("fields").add("title^3").add("summary^2").add("text");
    }
    ArrayNode filter = bool.putArray("filter");
    if (q.entity() != null && !q.entity().isBlank()) {
      ArrayNode should = filter.addObject().putObject("bool").put("minimum_should_match", 1).putArray("should");
      should.addObject().putObject("term").put("entities.name.folded", q.entity());
      should.addObject().putObject("term").put("entities.key", q.entity().toLowerCase(Locale.ROOT));
    }
    if (q.topic() != null && !q.topic().isBlank()) {
      String field = q.topic().startsWith("medtop:") ? "topics.id" : "topics.label";
      filter.addObject().putObject("term").put(field, q.topic());
    }
    if (q.since() != null) {
      filter.addObject().putObject("range").putObject("published").put("gte", "now-" + q.since().toSeconds() + "s");
    }
    if (q.feed() != null && !q.feed().isBlank()) {
      ArrayNode should = filter.addObject().putObject("bool").put("minimum_should_match", 1).putArray("should");
      should.addObject().putObject("term").put("feedId", q.feed());
      should.addObject().putObject("term").put("feedTitle.folded", q.feed());
    }
    if (q.story() != null && !q.story().isBlank()) {
      filter.addObject().putObject("term").put("storyId", q.story());
    }
    if (q.text() == null || q.text().isBlank()) {
      body.putArray("sort").addObject().put("published", "desc");
    }
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("entities").putObject("terms").put("field", "entities.name").put("size", 10);
    aggs.putObject("topics").putObject("terms").put("field", "topics.label").put("size", 10);
    body.putObject("_source").putArray("excludes").add("contentHtml").add("entities.mentions");
    return body;
  }

  /**
   * Runs a query.
   *
   * @throws IOException when OpenSearch cannot be reached or refuses the query
   */
  public SearchResult search(SearchQuery q) throws IOException {
    JsonNode response;
    try (Response r = os.generic().execute(Requests.builder().method("POST").endpoint("/" + alias + "/_search")
        .json(mapper.writeValueAsString(requestBody(q))).build())) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() == 404) {
        return new SearchResult(0, List.of(), Map.of("entities", List.of(), "topics", List.of()));
      }
      if (r.getStatus() >= 300) {
        throw new IOException("search failed: HTTP " + r.getStatus() + " " + text);
      }
      response = mapper.readTree(text);
    }
    List<JsonNode> hits = new ArrayList<>();
    response.path("hits").path("hits").forEach(h -> hits.add(h.path("_source")));
    Map<String, List<SearchResult.Facet>> facets = new LinkedHashMap<>();
    for (String name : List.of("entities", "topics")) {
      List<SearchResult.Facet> values = new ArrayList<>();
      response.path("aggregations").path(name).path("buckets")
          .forEach(b -> values.add(new SearchResult.Facet(b.path("key").asText(), b.path("doc_count").asLong())));
      facets.put(name, values);
    }
    return new SearchResult(response.path("hits").path("total").path("value").asLong(), hits, facets);
  }

  /** Forces a refresh so that just-written documents are searchable (tests and tools). */
  public void refresh() throws IOException {
    try (Response r = os.generic().execute(Requests.builder().method("POST").endpoint("/" + alias + "/_refresh").build())) {
      if (r.getStatus() >= 300 && r.getStatus() != 404) {
        throw new IOException("refresh failed: HTTP " + r.getStatus());
      }
    }
  }
}
