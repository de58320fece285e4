package org.newsflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.publish.ArticleSink;
import org.newsflow.ingest.read.FeedReader;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollFailure;
import org.newsflow.ingest.registry.PollerState;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;

class FeedPollerTest {

  @TempDir
  Path dir;

  private final List<Article> published = new ArrayList<>();
  private final List<FeedHealth> statuses = new ArrayList<>();
  private final List<PollerState> states = new ArrayList<>();
  private final ArticleSink sink = new ArticleSink() {
    @Override
    public void publish(List<Article> articles) {
      published.addAll(articles);
    }

    @Override
    public void publishStatus(FeedHealth status) {
      statuses.add(status);
    }

    @Override
    public void publishState(PollerState state) {
      states.add(state);
    }
  };
  private final Clock clock = Clock.fixed(Instant.parse("2024-03-20T12:00:00Z"), ZoneOffset.UTC);
  private final PollPolicy policy = new PollPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(2),
      Duration.ofSeconds(30), Duration.ofHours(1), true);

  private FeedPoller poller(FeedDefinition feed, PollerState restored) {
    return new FeedPoller(feed, new FeedReader(new FeedFetcher(new FetchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1),
        1 << 20, "t", true, List.of())), new FeedParser(), new ArticleNormalizer()), sink, clock, policy, HostLimiter.unlimited(),
        restored, new Random(1));
  }

  private static String rss(String ttl, String firstBody) {
    return "<rss version=\"2.0\"><channel><title>T</title>" + ttl
        + "<item><title>A</title><link>https://example.org/a</link><description>" + firstBody + "</description>"
        + "<pubDate>Thu, 14 Mar 2024 10:00:00 +0000</pubDate></item>"
        + "<item><title>B</title><link>https://example.org/b</link><description>b</description>"
        + "<pubDate>Thu, 14 Mar 2024 12:00:00 +0000</pubDate></item>"
        + "<item><title>C</title><link>https://example.org/c</link><description>c</description>"
        + "<pubDate>Thu, 14 Mar 2024 14:00:00 +0000</pubDate></item></channel></rss>";
  }

  @Test
  void shouldPublishAnUnchangedEntryOnlyOnceEvenAfterARestart() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    FeedDefinition feed = FeedDefinition.of(f.toString());
    poller(feed, null).poll();
    assertThat(published).hasSize(3);
    poller(feed, states.getLast()).poll();
    assertThat(published).as("restored from the recorded state, nothing republished").hasSize(3);
  }

  @Test
  void shouldRecordItsMemoryOnlyWhenItChanges() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    FeedPoller p = poller(FeedDefinition.of(f.toString()), null);
    p.poll();
    p.poll();
    p.poll();
    assertThat(statuses).as("a health record per poll").hasSize(3);
    assertThat(states).as("an unchanged document changes no memory").hasSize(1);
    assertThat(states.getLast().seen()).hasSize(3);
    Files.writeString(f, rss("", "a, corrected"));
    p.poll();
    assertThat(states).as("a revision is remembered").hasSize(2);
    Files.delete(f);
    p.poll();
    assertThat(states).as("a failure grows the backoff").hasSize(3);
    assertThat(states.getLast().consecutiveFailures()).isEqualTo(1);
    assertThat(statuses.getLast().consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void shouldNotRecordARestoredStateAgainWhenNothingChanged() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    FeedDefinition feed = FeedDefinition.of(f.toString());
    poller(feed, null).poll();
    poller(feed, states.getLast()).poll();
    assertThat(statuses).hasSize(2);
    assertThat(states).as("the restored memory is what the second poll ended with").hasSize(1);
  }

  @Test
  void shouldCarryItsMemoryOverToAPollerForAChangedDefinition() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    FeedPoller first = poller(FeedDefinition.of(f.toString()), null);
    first.poll();
    FeedDefinition renamed = new FeedDefinition(null, f.toString(), "New name", Duration.ofMinutes(3), List.of("x"));
    assertThat(poller(renamed, first.state()).poll()).isEqualTo(Duration.ofMinutes(3));
    assertThat(published).as("nothing republished after the operator renamed the feed").hasSize(3);
  }

  @Test
  void shouldPublishARevisionWithItsUpdatedTime() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    FeedPoller p = poller(FeedDefinition.of(f.toString()), null);
    p.poll();
    Files.writeString(f, rss("", "a, corrected"));
    p.poll();
    assertThat(published).hasSize(4);
    Article revision = published.getLast();
    assertThat(revision.url()).isEqualTo("https://example.org/a");
    assertThat(revision.updated()).as("undated revision stamped when seen").isEqualTo(clock.instant());
    assertThat(revision.contentHash()).isNotEqualTo(published.getFirst().contentHash());
    p.poll();
    poller(FeedDefinition.of(f.toString()), states.getLast()).poll();
    assertThat(published).as("the revision is remembered in the last recorded state, so a restart does not repeat it")
        .hasSize(4);
    assertThat(states.getLast().seen()).hasSize(3);
  }

  @Test
  void shouldAdaptTheIntervalAndHonourTtl() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    Duration wait = poller(FeedDefinition.of(f.toString()), null).poll();
    assertThat(wait).as("entries two hours apart: poll hourly").isEqualTo(Duration.ofHours(1));
    Files.writeString(f, rss("<ttl>90</ttl>", "a"));
    Duration withTtl = poller(FeedDefinition.of(f.toString()), null).poll();
    assertThat(withTtl).isEqualTo(Duration.ofMinutes(90));
    assertThat(states.getLast().hintSeconds()).isEqualTo(5400L);
  }

  @Test
  void shouldRecordFailuresAndKeepRetrying() {
    FeedPoller p = poller(FeedDefinition.of(dir.resolve("missing.xml").toString()), null);
    for (int i = 1; i <= 5; i++) {
      assertThat(p.poll()).isPositive();
      assertThat(statuses.getLast().consecutiveFailures()).isEqualTo(i);
      assertThat(statuses.getLast().error()).startsWith("IO");
    }
  }

  @Test
  void shouldRecordAStatusForTheDeeplyNestedFeedOfIssue14() throws Exception {
    Path f = dir.resolve("deep.xml");
    Files.writeString(f, "<rss version=\"2.0\"><channel><item><link>https://e.org/x</link><description><![CDATA["
        + "<b>".repeat(10_000) + "x]]></description></item></channel></rss>");
    Duration wait = poller(FeedDefinition.of(f.toString()), null).poll();
    assertThat(wait).isPositive();
    assertThat(statuses.getLast().error()).isNull();
    assertThat(published).extracting(Article::url).containsExactly("https://e.org/x");
  }

  @Test
  void shouldRecordAStatusWhenAStepThrowsAnError() throws Exception {
    Path f = dir.resolve("f.xml");
    Files.writeString(f, rss("", "a"));
    ArticleSink failing = new ArticleSink() {
      @Override
      public void publish(List<Article> articles) {
        throw new StackOverflowError("deep");
      }

      @Override
      public void publishStatus(FeedHealth status) {
        statuses.add(status);
      }

      @Override
      public void publishState(PollerState state) {
        states.add(state);
      }
    };
    FeedPoller p = new FeedPoller(FeedDefinition.of(f.toString()), new FeedReader(new FeedFetcher(new FetchOptions(
        Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 20, "t", true, List.of())), new FeedParser(),
        new ArticleNormalizer()), failing, clock, policy, HostLimiter.unlimited(), null, new Random(1));
    assertThat(p.poll()).isPositive();
    assertThat(statuses.getLast().error()).startsWith("INTERNAL: java.lang.StackOverflowError");
    assertThat(statuses.getLast().failure()).isEqualTo(PollFailure.INTERNAL);
    assertThat(statuses.getLast().consecutiveFailures()).isEqualTo(1);
  }
}
