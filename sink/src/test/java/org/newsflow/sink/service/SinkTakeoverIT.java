package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.round.Round;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.KafkaInput;

/**
 * A sink instance dies inside a round's transaction (its dead letters written and its offsets sent, no commit, as
 * in {@link RoundCommitterIT}) and a sink is started again at once: how long until the round is read again and
 * committed. Without {@code sink.instance.id} the new process has another {@code transactional.id}, so the round
 * waits until the broker times the open transaction out (the sink's 10 s {@code transaction.timeout.ms} plus the
 * broker's abort check); with the same {@code sink.instance.id} the new producer's {@code initTransactions} fences
 * the dead one and aborts its transaction, and the round is read again at once.
 *
 * <p>In the first two the dead instance's consumer leaves the group, so that the time measured is the transaction's
 * alone: a consumer killed with SIGKILL keeps its partitions until its session times out (45 s by default). In the
 * third it stays in the group, as a killed one does, and the instance id is its static group membership
 * ({@code group.instance.id}) too, so the restarted consumer takes its partitions back at once
 * (docs/operations.md).
 */
class SinkTakeoverIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  static SinkChecks checks;
  final ArticleJson json = new ArticleJson();
  final RoundPreparer preparer = new RoundPreparer(new ArticleDocuments(json.mapper()), 100, 1 << 20);

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

  @Test
  void shouldReadTheRoundOfAKilledInstanceAgainAtOnceWhenRestartedWithTheSameInstanceId() throws Exception {
    long ms = takeoverMillis("stable", "sink-0");
    System.out.println("takeover with sink.instance.id: " + ms + " ms");
    assertThat(ms).as("well before the broker could have timed the transaction out (10 s)").isLessThan(8_000);
  }

  @Test
  void shouldHoldTheRoundOfAKilledInstanceUntilTheBrokerAbortsItsTransactionWithoutAnInstanceId() throws Exception {
    long ms = takeoverMillis("random", null);
    System.out.println("takeover without sink.instance.id: " + ms + " ms");
    assertThat(ms).as("the round waits for the transaction timeout (10 s)").isGreaterThan(8_000);
  }

  @Test
  void shouldTakeOverAtOnceAfterAKillWithTheInstanceIdAlsoAsStaticGroupMembership() throws Exception {
    long ms = takeoverMillis("static", "sink-0", true);
    System.out.println("takeover with sink.instance.id and group.instance.id, member killed: " + ms + " ms");
    assertThat(ms).as("neither the session (45 s) nor the transaction (10 s) timed out").isLessThan(8_000);
  }

  private long takeoverMillis(String name, String instanceId) throws Exception {
    return takeoverMillis(name, instanceId, false);
  }

  /**
   * Kills an instance of group {@code name} inside a round's transaction, starts a sink with {@code instanceId}
   * (null: a random one, as before the setting) and returns the milliseconds from the kill until the round is
   * committed again, after checking that its dead letters and its article are there once. With
   * {@code staticMember} both consumers have the instance id as {@code group.instance.id} and the dead one stays in
   * the group, as a killed one does; otherwise the dead one's consumer leaves the group.
   */
  private long takeoverMillis(String name, String instanceId, boolean staticMember) throws Exception {
    Topics topics = new Topics(name);
    TopicAdmin.ensureTopics(checks.client(), topics.all(), 1, 1, Duration.ofSeconds(30));
    checks.awaitLeaders(topics.articlesEnriched().name());
    String input = topics.articlesEnriched().name();
    String dlq = topics.deadLetters().name();
    Article article = SinkChecks.article(1, 45.0);
    KafkaInput.sendAll(checks.input(), List.of(
        new ProducerRecord<>(input, "broken-1", "{broken".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>(input, article.id(), json.toBytes(article)),
        new ProducerRecord<>(input, "broken-2", "not json".getBytes(StandardCharsets.UTF_8))));

    // the instance that dies: the transactional.id SinkService gives it, the sink's consumer settings
    String transactionalId = SinkService.transactionalId(name, instanceId);
    Properties client = checks.client();
    if (staticMember) {
      client.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    KafkaConsumer<byte[], byte[]> first = SinkChecks.sinkConsumer(client, name, input);
    KafkaProducer<byte[], byte[]> producer = SinkChecks.sinkProducer(checks.client(), transactionalId);
    RoundPreparer.Prepared prepared = preparer.prepare(pollAll(first, 3));
    prepared.chunks().forEach(c -> c.round().settled());
    Round round = prepared.round();
    assertThat(round.deadLetters()).hasSize(2);
    DeadLetterWriter letters = new DeadLetterWriter(producer, dlq, new SimpleMeterRegistry());
    producer.beginTransaction();
    round.deadLetters().forEach(letters::send);
    producer.sendOffsetsToTransaction(Map.of(new TopicPartition(input, 0), new OffsetAndMetadata(3)),
        first.groupMetadata());
    producer.flush();
    // dies here: no commit, no abort (a forced close sends nothing more)
    producer.close(Duration.ZERO);
    long killed = System.nanoTime();
    first.close(CloseOptions.groupMembershipOperation(staticMember
        ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP));

    String alias = name + "-articles";
    try (SinkService sink = new SinkService(client, name, instanceId, topics,
        new OpenSearchConnection(List.of(openSearch.url()), null, null, null), alias, 100, 1 << 20, 2,
        Duration.ofSeconds(1), Duration.ofMillis(500), new SimpleMeterRegistry())) {
      sink.start();
      Await.until("the round committed again", Duration.ofSeconds(60), () -> checks.committed(name, input) == 3,
          () -> "committed offset " + checks.committed(name, input) + ", written " + sink.indexedCount());
      long ms = (System.nanoTime() - killed) / 1_000_000;
      assertThat(checks.deadLetterKeys(dlq)).as("each dead letter once for read_committed readers")
          .containsExactlyInAnyOrder("broken-1", "broken-2");
      assertThat(checks.indexedIds(alias)).containsExactly(article.id());
      return ms;
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> pollAll(KafkaConsumer<byte[], byte[]> c, int count)
      throws InterruptedException {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    Await.until(count + " records", Duration.ofSeconds(60), () -> {
      c.poll(Duration.ofMillis(200)).forEach(out::add);
      return out.size() >= count;
    }, () -> out.size() + " records");
    return out;
  }
}
