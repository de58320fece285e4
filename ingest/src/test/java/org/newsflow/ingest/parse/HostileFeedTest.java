package org.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reproducers of issue 14: inputs of a few kilobytes that crashed or stalled the parser. */
class HostileFeedTest {

  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String doc) throws FeedParseException {
    return parser.parse(doc.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void shouldReadAtomXhtmlContentNestedTenThousandDeep() {
    String doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>E</title><id>urn:x</id>"
        + "<link href=\"https://e.org/x\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<b>".repeat(10_000) + "x" + "</b>".repeat(10_000) + "</div></content></entry></feed>";
    ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(doc));
    assertThat(f.entries()).hasSize(1);
    assertThat(f.entries().getFirst().links().link()).isEqualTo("https://e.org/x");
    assertThat(f.entries().getFirst().content().value()).contains("x");
    assertThat(f.reading().recovered()).isTrue(); // deeper than FeedParser.MAX_XML_DEPTH: read leniently
  }

  @Test
  void shouldReadNestingUpToTheDepthLimitWithRome() throws Exception {
    String doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>E</title><id>urn:x</id>"
        + "<link href=\"https://e.org/x\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<b>".repeat(200) + "x" + "</b>".repeat(200) + "</div></content></entry></feed>";
    ParsedFeed f = parse(doc);
    assertThat(f.reading().recovered()).isFalse();
    assertThat(f.entries().getFirst().content().value()).startsWith("<b><b>");
  }

  @Test
  void shouldReadMediaGroupsNestedTenThousandDeep() {
    String doc = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item>"
        + "<link>https://e.org/x</link>" + "<media:group>".repeat(10_000) + "</media:group>".repeat(10_000)
        + "</item></channel></rss>";
    ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(doc));
    assertThat(f.entries()).hasSize(1);
  }

  @Test
  void shouldRecoverMalformedFeedNestedTenThousandDeep() {
    String doc = "<rss version=\"2.0\"><channel><item><title>a & b</title><link>https://e.org/x</link><description>"
        + "<b>".repeat(10_000) + "x</description></item><item><title>next</title><link>https://e.org/y</link></item>"
        + "</channel></rss>";
    ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(doc));
    assertThat(f.reading().recovered()).isTrue();
    assertThat(f.entries()).extracting(e -> e.links().link()).contains("https://e.org/x");
  }

  @Test
  void shouldRecoverFortyThousandUnclosedNestedItemsInLinearTime() {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>");
    for (int i = 0; i < 40_000; i++) {
      sb.append("<item><title>t").append(i).append("</title><link>https://e.org/").append(i).append("</link>");
    }
    String doc = sb.toString();
    ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parse(doc));
    assertThat(f.reading().recovered()).isTrue();
    assertThat(f.entries()).hasSize(40_000);
    assertThat(f.entries().get(39_999).links().link()).isEqualTo("https://e.org/39999");
    assertThat(f.entries().getFirst().title().value()).isEqualTo("t0");
  }

  @Test
  void shouldReadNoDateThatDoesNotExistOrThatAnIsoDateCannotWrite() throws Exception {
    String rss = "<rss version=\"2.0\"><channel><title>T</title>"
        + "<item><link>https://e.org/1</link><pubDate>Fri, 30 Feb 2024 09:30:00 GMT</pubDate></item>"
        + "<item><link>https://e.org/2</link><pubDate>1700000000</pubDate></item>"
        + "<item><link>https://e.org/3</link><pubDate>Thu, 14 Mar 12024 09:30:00 GMT</pubDate></item>"
        + "<item><link>https://e.org/4</link><pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate></item>"
        + "</channel></rss>";
    assertThat(parse(rss).entries()).extracting(e -> e.dates().published()).containsExactly(null,
        java.time.Instant.parse("2023-11-14T22:13:20Z"), null, java.time.Instant.parse("2024-03-14T09:30:00Z"));
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
        + "<entry><id>urn:1</id><published>2024-02-30T00:00:00Z</published><updated>2024-13-01T00:00:00Z</updated></entry>"
        + "<entry><id>urn:2</id><published>10000-01-01T00:00:00Z</published><updated>2024-01-01T00:00:00Z</updated></entry>"
        + "</feed>";
    ParsedFeed a = parse(atom);
    assertThat(a.entries()).extracting(e -> e.dates().published()).containsOnlyNulls();
    assertThat(a.entries()).extracting(e -> e.dates().updated()).containsExactly(null,
        java.time.Instant.parse("2024-01-01T00:00:00Z"));
  }
}
