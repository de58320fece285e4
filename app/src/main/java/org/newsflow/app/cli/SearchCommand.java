package org.newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.SettingType;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.opensearch.OpenSearchSettings;
import org.newsflow.sink.search.ArticleSearch;
import org.newsflow.sink.search.SearchQuery;
import org.newsflow.sink.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow search}: queries the article index (the embedded one of {@code up} by default). */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the indexed articles; prints title, date, url, entities and topics, then facets.")
public final class SearchCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions configOptions;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for in title, summary and text.")
  List<String> words = new ArrayList<>();

  @Option(names = "--entity", paramLabel = "NAME", description = "Only articles mentioning this entity.")
  String entity;

  @Option(names = "--topic", paramLabel = "ID|LABEL", description = "Only articles with this IPTC topic (medtop:… or label).")
  String topic;

  @Option(names = "--since", paramLabel = "DURATION", description = "Only articles published within e.g. 24h, 7d.")
  String since;

  @Option(names = "--feed", paramLabel = "ID|TITLE", description = "Only articles from this feed.")
  String feed;

  @Option(names = "--story", paramLabel = "ID", description = "Only articles of this story.")
  String story;

  @Option(names = "--size", defaultValue = "10", description = "Number of hits (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Config config = configOptions.load(Services.allSettings(), Map.of());
    Duration sinceDuration = since == null ? null : SettingType.DURATION.parse().apply(since);
    SearchQuery query = new SearchQuery(String.join(" ", words), entity, topic, sinceDuration, feed, story, size);
    ArticleJson articleJson = new ArticleJson();
    PrintWriter out = spec.commandLine().getOut();
    try (OpenSearchConnection os = OpenSearchConnection.fromConfig(config)) {
      SearchResult result;
      try {
        result = new ArticleSearch(os, config.get(OpenSearchSettings.ALIAS), articleJson.mapper()).search(query);
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("newsflow search: OpenSearch at " + os.description()
            + " cannot be reached (" + e.getMessage() + "). Is `./newsflow up` running, or opensearch.urls set?");
        return 2;
      }
      if (json) {
        out.println(articleJson.write(result));
      } else {
        print(out, result);
      }
      out.flush();
    }
    return 0;
  }

  private static void print(PrintWriter out, SearchResult r) {
    out.println(r.total() + " article" + (r.total() == 1 ? "" : "s"));
    for (JsonNode h : r.hits()) {
      out.println();
      out.println("  " + h.path("title").asText());
      out.println("    " + h.path("published").asText("-") + "  " + h.path("url").asText(h.path("id").asText()));
      List<String> entities = new ArrayList<>();
      h.path("entities").forEach(e -> entities.add(e.path("name").asText() + " (" + e.path("type").asText() + ")"));
      if (!entities.isEmpty()) {
        out.println("    entities: " + String.join(", ", entities.subList(0, Math.min(10, entities.size()))));
      }
      List<String> topics = new ArrayList<>();
      h.path("topics").forEach(t -> topics.add(t.path("label").asText() + " " + t.path("id").asText()));
      if (!topics.isEmpty()) {
        out.println("    topics: " + String.join(", ", topics));
      }
    }
    r.facets().forEach((name, values) -> {
      if (!values.isEmpty()) {
        out.println();
        out.println("top " + name + ": " + String.join(", ", values.stream().map(f -> f.value() + " " + f.count()).toList()));
      }
    });
  }
}
