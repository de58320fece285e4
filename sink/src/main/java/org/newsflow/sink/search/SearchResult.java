package org.newsflow.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search.
 *
 * @param total  number of matching articles
 * @param hits   the best matches, each the indexed article document
 * @param facets top values for the query: {@code entities} and {@code topics}, value → count
 */
public record SearchResult(long total, List<JsonNode> hits, Map<String, List<Facet>> facets) {

  /**
   * One facet value.
   *
   * @param value the value
   * @param count how many matching articles have it
   */
  public record Facet(String value, long count) {
  }
}
