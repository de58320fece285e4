package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.Config;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.registry.FeedDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow parse}: feed files or URLs to normalised articles as JSON lines, without Kafka. */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Print the normalised articles of feed files or URLs as JSON lines (no Kafka needed).")
public final class ParseCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions configOptions;

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Feed file paths, file: URLs or http(s) URLs.")
  List<String> sources;

  @Override
  public Integer call() {
    Config config = configOptions.load(Services.allSettings(), Map.of());
    FeedFetcher fetcher = Services.fetcher(config);
    FeedParser parser = new FeedParser();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    ArticleJson json = new ArticleJson();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (String source : sources) {
      try {
        FetchResult fetched = fetcher.fetch(source, null, null);
        ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType());
        if (parsed.recovered()) {
          err.println("newsflow parse: " + source + " has a problem (" + parsed.problem() + "); entries read despite it");
        }
        List<Article> articles = normalizer.normalize(FeedDefinition.of(source), fetched.finalUri().toString(), parsed,
            Instant.now());
        for (Article a : articles) {
          out.println(json.toJson(a));
        }
      } catch (FetchException e) {
        failed++;
        err.println("newsflow parse: cannot fetch " + source + ": " + e.getMessage());
      } catch (FeedParseException e) {
        failed++;
        err.println("newsflow parse: cannot parse " + source + ": " + e.getMessage());
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }
}
