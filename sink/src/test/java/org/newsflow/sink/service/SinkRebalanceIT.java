package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.KafkaInput;

/**
 * Rebalances on a real broker while rounds are in flight: sink instances in one group share a six-partition topic
 * of good articles, articles OpenSearch rejects and records that are not JSON. A second instance joins while the
 * first works through a backlog, the first leaves gracefully while both do, and a third joins while the second does.
 * Each change revokes partitions under rounds that are indexed but not committed (SinkLoop gives those up and the
 * next owner reads them again; the log says how many). Afterwards every good article is in the index, every bad record is in the dead-letter topic exactly once
 * for a {@code read_committed} reader (none lost, none twice), and the group's offsets are at the end of the topic.
 */
class SinkRebalanceIT {

  static final int PARTITIONS = 6;
  static final int FIRST = 3_000;
  static final int LATER = 1_500;
  static final int LAST = 600;
  static final String GROUP = "rebalance";
  static final String ALIAS = "rebalance-articles";

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  static SinkChecks checks;
  final ArticleJson json = new ArticleJson();
  final Topics topics = new Topics("rebalance");
  final String input = topics.articlesEnriched().name();
  final Set<String> good = new HashSet<>();
  final List<String> bad = new ArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    openSearch.start();
    checks = new SinkChecks(kafka.bootstrapServers(), openSearch.url());
  }

  @AfterAll
  static void stopServers() {
    openSearch.close();
    kafka.close();
  }

  /** {@code count} articles from number {@code from}: one in 100 not JSON, one in 100 rejected by OpenSearch. */
  private void send(int from, int count) throws InterruptedException {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      if (i % 100 == 7) {
        String key = "garbage-" + i;
        bad.add(key);
        records.add(new ProducerRecord<>(input, key, ("{broken " + i).getBytes(StandardCharsets.UTF_8)));
        continue;
      }
      boolean rejected = i % 100 == 57;
      Article a = SinkChecks.article(i, rejected ? 500.0 : 45.0);
      (rejected ? bad : good).add(a.id());
      records.add(new ProducerRecord<>(input, a.id(), json.toBytes(a)));
    }
    KafkaInput.sendAll(checks.input(), records);
  }

  private SinkService sink() {
    // small rounds (2 requests of 50 documents): many transactions, so a rebalance finds rounds in flight
    SinkService sink = new SinkService(checks.client(), GROUP, topics,
        new OpenSearchConnection(List.of(openSearch.url()), null, null, null), ALIAS, 50, 1 << 20, 2,
        Duration.ofSeconds(1), Duration.ofMillis(500), new SimpleMeterRegistry());
    sink.start();
    return sink;
  }

  private static String state(String what, SinkService... sinks) {
    StringBuilder s = new StringBuilder(what).append(": members ").append(checks.assignedMembers(GROUP)).append(", written");
    for (SinkService sink : sinks) {
      s.append(' ').append(sink.indexedCount());
    }
    return s.toString();
  }

  @Test
  void shouldIndexEveryGoodArticleAndDeadLetterEveryBadRecordOnceWhileInstancesJoinAndLeaveMidStream()
      throws Exception {
    TopicAdmin.ensureTopics(checks.client(), topics.all(), PARTITIONS, 1, Duration.ofSeconds(30));
    checks.awaitLeaders(topics.articlesEnriched().name());
    long start = System.nanoTime();
    send(0, FIRST);
    SinkService a = sink();
    SinkService b = null;
    SinkService c = null;
    boolean aLeft = false;
    try {
      Await.until("the first instance to be working through the backlog", Duration.ofSeconds(60),
          () -> a.indexedCount() >= 200, () -> state("a", a));

      b = sink();
      SinkService second = b;
      Await.until("both instances with partitions", Duration.ofSeconds(30),
          () -> checks.assignedMembers(GROUP) == 2, () -> state("a, b", a, second));
      send(FIRST, LATER);
      Await.until("the second instance writing its share", Duration.ofSeconds(60),
          () -> second.indexedCount() >= 200, () -> state("a, b", a, second));

      // a graceful leave while both are busy: the first hands back its partitions with rounds in flight
      a.close();
      aLeft = true;
      Await.until("the second instance with every partition", Duration.ofSeconds(30),
          () -> checks.assignedMembers(GROUP) == 1, () -> state("b", second));
      c = sink();
      SinkService third = c;
      // arrives while the third instance joins: the second is busy with it when it learns of the rebalance
      send(FIRST + LATER, LATER);
      Await.until("the second and third instance with partitions", Duration.ofSeconds(30),
          () -> checks.assignedMembers(GROUP) == 2, () -> state("b, c", second, third));
      send(FIRST + 2 * LATER, LAST);

      // once every offset is committed, every write and dead letter before it is done: nothing more can arrive
      Await.until("the group's offsets at the end of the topic", Duration.ofSeconds(90),
          () -> checks.lag(GROUP, input) == 0, () -> "lag " + checks.lag(GROUP, input) + "; " + state("b, c", second, third));
      System.out.printf("rebalance IT: %d records (%d good, %d bad) through 3 instances in %d ms; written a=%d b=%d c=%d%n",
          FIRST + 2 * LATER + LAST, good.size(), bad.size(), (System.nanoTime() - start) / 1_000_000, a.indexedCount(),
          second.indexedCount(), third.indexedCount());
      assertThat(third.indexedCount()).as("the third instance took a share").isPositive();

      assertThat(checks.deadLetterKeys(topics.deadLetters().name())).as("each bad record dead-lettered exactly once")
          .containsExactlyInAnyOrderElementsOf(bad);
      assertThat(checks.indexedIds(ALIAS)).as("every good article indexed, nothing else").isEqualTo(good);
    } finally {
      if (!aLeft) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
      if (c != null) {
        c.close();
      }
    }
  }
}
