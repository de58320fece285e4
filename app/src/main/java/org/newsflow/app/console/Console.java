package org.newsflow.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.sink.search.ArticleSearch;
import org.newsflow.sink.search.SearchQuery;

/**
 * The web console: one static page and a small JSON API on the admin server. {@code /api/feeds} (feed health),
 * {@code /api/stats} (counters per stage and consumer lag, from the meter registry) and {@code /api/search}
 * (articles with entity and topic facets).
 */
public final class Console {

  private final FeedStatusView feeds;
  private final MeterRegistry metrics;
  private final Supplier<ArticleSearch> search;
  private final ObjectMapper mapper;

  /**
   * @param feeds   feed statuses
   * @param metrics the process's meters
   * @param search  search over the index, or a supplier of null when this process has no OpenSearch
   * @param mapper  JSON mapper
   */
  public Console(FeedStatusView feeds, MeterRegistry metrics, Supplier<ArticleSearch> search, ObjectMapper mapper) {
    this.feeds = feeds;
    this.metrics = metrics;
    this.search = search;
    this.mapper = mapper;
  }

  /** Registers the page and the API on an admin server. */
  public void exposeOn(AdminServer admin) {
    admin.handle("/", this::page);
    admin.handle("/api/feeds", ex -> json(ex, mapper.valueToTree(feeds.statuses())));
    admin.handle("/api/stats", ex -> json(ex, stats()));
    admin.handle("/api/search", this::search);
  }

  private void page(HttpExchange ex) throws IOException {
    if (!ex.getRequestURI().getPath().equals("/")) {
      AdminServer.respond(ex, 404, "text/plain", "not found");
      return;
    }
    try (InputStream in = Console.class.getResourceAsStream("/console/index.html")) {
      AdminServer.respond(ex, 200, "text/html", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The sink's timer from an article's fetch to its write into the index. */
  static final String PUBLISH_TO_SEARCHABLE = "newsflow.publish.to.searchable";

  /** Counters and gauges the console shows, by meter name (summed over tags). */
  ObjectNode stats() {
    ObjectNode out = mapper.createObjectNode();
    ObjectNode counters = out.putObject("counters");
    Map<String, Double> sums = new HashMap<>();
    double lag = 0;
    for (Meter m : metrics.getMeters()) {
      String name = m.getId().getName();
      if (name.startsWith("newsflow.")) {
        for (var measurement : m.measure()) {
          if (measurement.getStatistic().name().equals("COUNT") || measurement.getStatistic().name().equals("VALUE")) {
            sums.merge(name, measurement.getValue(), Double::sum);
          }
        }
      } else if (name.equals("kafka.consumer.fetch.manager.records.lag.max")) {
        for (var measurement : m.measure()) {
          if (!Double.isNaN(measurement.getValue())) {
            lag = Math.max(lag, measurement.getValue());
          }
        }
      }
    }
    sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counters.put(e.getKey(), e.getValue()));
    out.put("consumerLagMax", lag);
    Timer latency = metrics.find(PUBLISH_TO_SEARCHABLE).timer();
    if (latency != null && latency.count() > 0) {
      HistogramSnapshot snapshot = latency.takeSnapshot();
      ObjectNode l = out.putObject("publishToSearchable");
      l.put("count", snapshot.count());
      l.put("mean", snapshot.mean(TimeUnit.SECONDS));
      l.put("max", snapshot.max(TimeUnit.SECONDS));
      for (ValueAtPercentile p : snapshot.percentileValues()) {
        l.put("p" + Math.round(p.percentile() * 100), p.value(TimeUnit.SECONDS));
      }
    }
    return out;
  }

  private void search(HttpExchange ex) throws IOException {
    ArticleSearch s = search.get();
    if (s == null) {
      AdminServer.respond(ex, 503, "application/json", "{\"error\":\"this service has no search index configured\"}");
      return;
    }
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    try {
      var result = s.search(new SearchQuery(q.get("q"), blankToNull(q.get("entity")), blankToNull(q.get("topic")),
          q.containsKey("since") ? Duration.ofHours(Long.parseLong(q.get("since"))) : null, blankToNull(q.get("feed")),
          blankToNull(q.get("story")), 20));
      json(ex, mapper.valueToTree(result));
    } catch (IOException | RuntimeException e) {
      ObjectNode err = mapper.createObjectNode().put("error", "search failed: " + e.getMessage());
      AdminServer.respond(ex, 502, "application/json", err.toString());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private void json(HttpExchange ex, Object node) throws IOException {
    AdminServer.respond(ex, 200, "application/json", node instanceof ArrayNode || node instanceof ObjectNode
        ? node.toString() : mapper.writeValueAsString(node));
  }
}
