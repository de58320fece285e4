package org.newsflow.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.ExtractedPage;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.service.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow extract}: article pages (files, gzip files, file: or http(s) URLs) to their main text and
 * metadata, one JSON object per page, without Kafka. Pages are fetched like feeds (address guard, timeouts, size
 * cap); a source that fails is reported on stderr and the others go on.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Print the main text and metadata of article pages as JSON lines (no Kafka needed).")
public final class ExtractCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions configOptions;

  @Option(names = "--url", paramLabel = "URL",
      description = "The page's address, for local files (relative links and the canonical URL resolve against it).")
  String url;

  @Parameters(paramLabel = "SOURCE", arity = "1..*",
      description = "Page file paths (.gz files are decompressed), file: URLs or http(s) URLs.")
  List<String> sources;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() {
    Config config = configOptions.load(Services.allSettings(), Map.of());
    FeedFetcher fetcher = Services.fetcher(config);
    long maxBytes = config.get(IngestSettings.MAX_BODY);
    ArticleExtractor extractor = new ArticleExtractor();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (String source : sources) {
      try {
        FetchResult fetched = fetcher.fetchPage(source);
        boolean remote = source.regionMatches(true, 0, "http", 0, 4);
        String address = url != null && !remote ? url : fetched.finalUri().toString();
        ExtractedPage page = extractor.extract(gunzip(fetched.body(), maxBytes), fetched.contentType(), address);
        out.println(toJson(source, page));
      } catch (FetchException e) {
        failed++;
        err.println("newsflow extract: cannot fetch " + source + ": " + e.getMessage());
      } catch (IOException e) {
        failed++;
        err.println("newsflow extract: cannot read " + source + ": " + e.getMessage());
      }
      out.flush();
      err.flush();
    }
    return failed == 0 ? 0 : 1;
  }

  private String toJson(String source, ExtractedPage page) throws JsonProcessingException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", source);
    o.put("url", page.url());
    o.put("title", page.title());
    o.put("text", page.text());
    o.put("html", page.html());
    o.put("published", page.published() == null ? null : page.published().toString());
    o.put("authors", page.authors());
    o.put("language", page.language());
    o.put("image", page.image());
    o.put("paywalled", page.paywalled());
    return json.writeValueAsString(o);
  }

  /** The body itself, or its content when it is gzip-compressed (a saved .html.gz), up to the body size cap. */
  static byte[] gunzip(byte[] body, long maxBytes) throws IOException {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream outBytes = new ByteArrayOutputStream(body.length * 4);
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        outBytes.write(buf, 0, n);
        if (outBytes.size() > maxBytes) {
          throw new IOException("decompressed page exceeds " + IngestSettings.MAX_BODY.key() + "=" + maxBytes);
        }
      }
      return outBytes.toByteArray();
    }
  }
}
