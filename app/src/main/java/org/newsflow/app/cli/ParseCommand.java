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
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.read.FeedRead;
import org.newsflow.ingest.read.FeedReader;
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
    // the poller's own read path: fetch, parse against the final URL, normalise
    FeedReader reader = new FeedReader(Services.fetcher(config), new FeedParser(), new ArticleNormalizer());
    ArticleJson json = new ArticleJson();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (String source : sources) {
      try {
        FeedRead read = reader.read(FeedDefinition.of(source), source, null, null, Instant.now());
        if (read.parsed().reading().recovered()) {
          err.println("newsflow parse: " + source + " has a problem (" + read.parsed().reading().problem()
              + "); entries read despite it");
        }
        for (Article a : read.articles()) {
          out.println(json.toJson(a));
        }
      } catch (FetchException e) {
        failed++;
        err.println("newsflow parse: cannot fetch " + source + ": " + e.getMessage());
      } catch (FeedParseException e) {
        failed++;
        err.println("newsflow parse: cannot parse " + source + ": " + e.getMessage());
      } catch (Throwable e) {
        if (FeedReader.fatal(e)) {
          throw e;
        }
        // one bad source must not keep the next from being read
        failed++;
        err.println("newsflow parse: failed on " + source + ": " + e);
      }
      out.flush();
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }
}
