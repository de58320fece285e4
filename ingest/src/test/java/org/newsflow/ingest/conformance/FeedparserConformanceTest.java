package org.newsflow.ingest.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feedparser's conformance feeds, when their directory is given with {@code -Dnewsflow.feedparser.dir=DIR} (or the
 * environment variable NEWSFLOW_FEEDPARSER_DIR); skipped otherwise. The files are never copied into the repository.
 */
class FeedparserConformanceTest {

  @Test
  void shouldReportPassRatesAndKeepEverySanitizeCaseSafe() throws Exception {
    String dir = System.getProperty("newsflow.feedparser.dir", System.getenv("NEWSFLOW_FEEDPARSER_DIR"));
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "feedparser test feeds not given");
    Map<String, FeedparserConformance.Tally> result = new FeedparserConformance().run(Path.of(dir));
    System.out.print(FeedparserConformance.report(result));
    for (var t : result.values()) {
      assertThat(t.safe()).as("sanitize cases with safe output").isEqualTo(t.safetyChecked());
    }
  }
}
