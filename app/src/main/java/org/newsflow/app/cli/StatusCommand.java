package org.newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.common.article.ArticleJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow status}: the health picture of running services in the terminal, from their admin ports. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show readiness, feed health and throughput of running newsflow services.")
public final class StatusCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--admin", paramLabel = "URL", split = ",",
      description = "Admin URLs to ask (default: http://127.0.0.1:8080, the admin port of `up`).")
  List<String> admins = List.of("http://127.0.0.1:8080");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    ArticleJson json = new ArticleJson();
    boolean allReady = true;
    for (String admin : admins) {
      String base = admin.endsWith("/") ? admin.substring(0, admin.length() - 1) : admin;
      out.println(base);
      try {
        JsonNode health = json.mapper().readTree(get(http, base + "/health/ready"));
        allReady &= "UP".equals(health.path("status").asText());
        out.println("  status: " + health.path("status").asText());
        health.path("checks").properties().forEach(e -> out.printf("    %-18s %-10s %s%n", e.getKey(),
            e.getValue().path("ready").asBoolean() ? "ready" : "NOT READY", e.getValue().path("detail").asText()));
        JsonNode feeds = json.mapper().readTree(get(http, base + "/api/feeds"));
        if (!feeds.isEmpty()) {
          out.println("  feeds:");
          for (JsonNode f : feeds) {
            out.printf("    %-60s HTTP %-3s new %-4s failures %-3s next %s%s%n", f.path("url").asText(),
                f.path("httpStatus").asText("-"), f.path("itemsNew").asText("0"), f.path("consecutiveFailures").asText("0"),
                f.path("nextPoll").asText("-"), f.hasNonNull("error") ? "  error: " + f.path("error").asText() : "");
          }
        }
        JsonNode stats = json.mapper().readTree(get(http, base + "/api/stats"));
        out.println("  counters:");
        stats.path("counters").properties().forEach(e -> out.printf("    %-45s %.0f%n", e.getKey(), e.getValue().asDouble()));
        out.println("  consumer lag (max): " + stats.path("consumerLagMax").asText());
      } catch (Exception e) {
        allReady = false;
        out.println("  unreachable: " + e.getMessage() + " (is the service running with its admin port there?)");
      }
    }
    out.flush();
    return allReady ? 0 : 3;
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
  }
}
