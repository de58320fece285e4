package org.newsflow.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.registry.PageCounts;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.schedule.HostLimiter;

class FullTextCompleterTest {

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final FeedDefinition feed = FeedDefinition.of("https://example.org/feed");

  private FullTextCompleter completer(int minWords, int attempts) {
    FeedFetcher fetcher = new FeedFetcher(new FetchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 20, "t",
        true, List.of()));
    PageFetcher pages = new PageFetcher(fetcher, HostLimiter.unlimited(), new ArticleExtractor(),
        new FullTextOptions(true, minWords, Duration.ofMinutes(1), attempts, Duration.ofHours(1)), "newsflow/0.1",
        clock);
    return new FullTextCompleter(pages, null);
  }

  private Article entry(String id, Path page, String text) {
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    return Article.builder().id(id).url(page.toUri().toString()).link(page.toUri().toString()).title("Title " + id)
        .summary(text).text(text).contentHtml(text).published(t).updated(t).contentHash("h-" + id).build();
  }

  private Path page(String name, String extraHead) throws Exception {
    StringBuilder sb = new StringBuilder("<html><head>" + extraHead + "</head><body><nav><a href=\"/\">Home</a></nav>"
        + "<article>");
    for (int i = 0; i < 5; i++) {
      sb.append("<p>Paragraph ").append(i).append(" about the ferry, the quay and the harbour authority, which met, ")
          .append("talked for hours, and agreed to reopen the crossing on Monday morning.</p>");
    }
    Path p = dir.resolve(name + ".html");
    Files.writeString(p, sb.append("</article></body></html>"));
    return p;
  }

  @Test
  void shouldReplaceAShortTextWithThePageTextKeepTheSummaryAndFlagIt() throws Exception {
    FullTextCompleter c = completer(80, 3);
    Article a = entry("a", page("a", ""), "A one-line summary.");
    Article out = c.complete(feed, List.of(a)).getFirst();
    assertThat(out.text()).startsWith("Paragraph 0 about the ferry").contains("Paragraph 4").doesNotContain("Home");
    assertThat(out.contentHtml()).contains("<p>Paragraph 0");
    assertThat(out.summary()).isEqualTo("A one-line summary.");
    assertThat(out.flags()).containsExactly(Article.FLAG_FULL_TEXT);
    assertThat(out.contentHash()).isNotEqualTo(a.contentHash());
    assertThat(out.updated()).isEqualTo(a.updated());
    assertThat(c.counts()).isEqualTo(new PageCounts(1, 0, 0, 0));
  }

  @Test
  void shouldLeaveLongTextsAloneUnlessTheFeedAsksForFullText() throws Exception {
    String longText = "word ".repeat(100).strip();
    Article a = entry("a", page("a", ""), longText);
    assertThat(completer(80, 3).complete(feed, List.of(a)).getFirst()).isSameAs(a);
    FeedDefinition full = new FeedDefinition(null, feed.url(), null, null, List.of(), true);
    assertThat(completer(80, 3).complete(full, List.of(a)).getFirst().flags()).contains(Article.FLAG_FULL_TEXT);
  }

  @Test
  void shouldKeepTheSummaryOfAPaywalledPageAndFlagIt() throws Exception {
    Path paid = page("paid", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        + "\"isAccessibleForFree\":false}</script>");
    Article out = completer(80, 3).complete(feed, List.of(entry("p", paid, "Summary."))).getFirst();
    assertThat(out.text()).isEqualTo("Summary.");
    assertThat(out.flags()).containsExactly(Article.FLAG_PAYWALLED);
  }

  @Test
  void shouldPublishTheSummaryWhenThePageFailsAndReviseTheArticleWhenARetryGetsIt() throws Exception {
    FullTextCompleter c = completer(80, 3);
    Path missing = dir.resolve("late.html");
    Article a = entry("late", missing, "Summary.");
    assertThat(c.complete(feed, List.of(a)).getFirst()).isSameAs(a);
    assertThat(c.counts()).isEqualTo(new PageCounts(0, 0, 1, 1));
    assertThat(c.retryDue()).as("not due before the retry delay").isEmpty();

    Files.move(page("tmp", ""), missing);
    clock.advance(Duration.ofMinutes(1));
    List<Article> revised = c.retryDue();
    assertThat(revised).hasSize(1);
    assertThat(revised.getFirst().flags()).contains(Article.FLAG_FULL_TEXT);
    assertThat(revised.getFirst().updated()).isEqualTo(clock.instant());
    assertThat(c.counts()).isEqualTo(new PageCounts(1, 0, 1, 0));
    clock.advance(Duration.ofHours(1));
    assertThat(c.retryDue()).as("a page is fetched once per revision").isEmpty();
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWithBackoffBetween() throws Exception {
    FullTextCompleter c = completer(80, 3);
    c.complete(feed, List.of(entry("gone", dir.resolve("gone.html"), "Summary.")));
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.retryDue()).isEmpty();
    assertThat(c.counts()).isEqualTo(new PageCounts(0, 0, 2, 1));
    clock.advance(Duration.ofMinutes(1));
    c.retryDue();
    assertThat(c.counts().failed()).as("second retry waits twice as long").isEqualTo(2);
    clock.advance(Duration.ofMinutes(1));
    c.retryDue();
    assertThat(c.counts()).isEqualTo(new PageCounts(0, 0, 3, 0));
  }

  @Test
  void shouldNameTheRobotAfterTheUserAgentsProductToken() {
    assertThat(PageFetcher.robotName("newsflow/0.1 (+https://example.org)")).isEqualTo("newsflow");
    assertThat(PageFetcher.robotName("  ")).isEqualTo("newsflow");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
