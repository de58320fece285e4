package org.newsflow.ingest.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the whole feed parser (Rome, JSON Feed, lenient fallback): any input either parses or fails with
 * {@link FeedParseException}; nothing else escapes, nothing hangs. The normal test run replays the corpus in
 * {@code FeedParserFuzzTestInputs}; docs/fuzzing.md says how to fuzz.
 */
class FeedParserFuzzTest {

  private final FeedParser parser = new FeedParser();

  @FuzzTest(maxDuration = "10m")
  void shouldParseOrRejectAnyDocument(FuzzedDataProvider data) {
    String contentType = data.pickValue(new String[] {null, "application/rss+xml", "application/json",
        "text/xml; charset=iso-8859-1", "text/html"});
    String documentUrl = data.pickValue(new String[] {null, "https://e.org/feeds/f.xml"});
    byte[] body = data.consumeRemainingAsBytes();
    try {
      ParsedFeed f = parser.parse(body, contentType, documentUrl);
      if (f.entries() == null) {
        throw new AssertionError("no entry list");
      }
    } catch (FeedParseException expected) {
      // not a feed: the one allowed failure
    }
  }
}
