package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.sink.deadletter.DeadLetter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.index.BulkResult;
import org.newsflow.sink.index.IndexOp;
import org.newsflow.sink.round.Chunk;
import org.newsflow.sink.round.RoundPreparer;

class RequestSettlerTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final SinkStatus status = new SinkStatus();
  final SinkMetrics metrics = new SinkMetrics(registry, status, java.time.Clock.systemUTC());
  final List<Long> pauses = new ArrayList<>();
  final List<List<String>> sent = new ArrayList<>();

  {
    status.running(true);
    status.ok();
  }

  private static ConsumerRecord<byte[], byte[]> record(int i) {
    return new ConsumerRecord<>("t", 0, i, ("id" + i).getBytes(StandardCharsets.UTF_8), null);
  }

  /** A chunk of tombstones (deletes need no article), one per id, all of one round. */
  private Chunk chunk(int n) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(record(i));
    }
    RoundPreparer.Prepared p = new RoundPreparer(new ArticleDocuments(new ArticleJson().mapper()), n, 1 << 20).prepare(records);
    assertThat(p.chunks()).hasSize(1);
    return p.chunks().getFirst();
  }

  private RequestSettler settler(Deque<BulkResult<ConsumerRecord<byte[], byte[]>>> answers, int pausesAllowed) {
    return new RequestSettler(ops -> {
      sent.add(ops.stream().map(IndexOp::id).toList());
      BulkResult<ConsumerRecord<byte[], byte[]>> next = answers.poll();
      return next != null ? next : new BulkResult.Written<>(ops.size(), List.of(), List.of());
    }, ms -> {
      pauses.add(ms);
      return pauses.size() <= pausesAllowed;
    }, status, metrics, Duration.ofSeconds(30), "http://os.test (articles)");
  }

  private double failures(String outcome, String httpStatus) {
    var c = registry.find("newsflow.sink.bulk.failures").tag("outcome", outcome).tag("status", httpStatus).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void shouldTimeFetchToWriteForWrittenArticlesOnlyOnceEach() {
    java.time.Instant now = java.time.Instant.parse("2025-01-01T00:00:10Z");
    SinkMetrics timedMetrics = new SinkMetrics(registry, status, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    ArticleJson json = new ArticleJson();
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] article = json.toBytes(org.newsflow.common.article.Article.builder().id("a" + i).url("https://e.test/" + i)
          .title("t").published(now.minusSeconds(60)).fetched(now.minusSeconds(2L * (i + 1))).build());
      records.add(new ConsumerRecord<>("t", 0, i, ("a" + i).getBytes(StandardCharsets.UTF_8), article));
    }
    Chunk chunk = new RoundPreparer(new ArticleDocuments(json.mapper()), 3, 1 << 20).prepare(records).chunks().getFirst();
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = chunk.ops();
    RequestSettler s = new RequestSettler(o -> new BulkResult.Written<>(o.size(), List.of(), List.of()),
        ms -> true, status, timedMetrics, Duration.ofSeconds(30), "http://os.test (articles)");

    // a0 written at once, a1 retried and then written, a2 rejected
    assertThat(s.settle(chunk, new BulkResult.Written<>(1, List.of(ops.get(1)),
        List.of(new BulkResult.DocumentRejection<>(ops.get(2), 400, "mapper_parsing_exception"))))).isTrue();

    io.micrometer.core.instrument.Timer timer = registry.find("newsflow.publish.to.searchable").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2_000 + 4_000);
    assertThat(timer.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(4_000);
  }

  @Test
  void shouldRetryAnUnreachableNodeWithGrowingBackoffAndReportNotReadyUntilWritten() {
    Chunk chunk = chunk(3);
    Deque<BulkResult<ConsumerRecord<byte[], byte[]>>> answers = new ArrayDeque<>();
    answers.add(new BulkResult.RetryLater<>(503, "bulk request refused: HTTP 503"));
    List<Boolean> readyDuringPauses = new ArrayList<>();
    RequestSettler s = new RequestSettler(ops -> {
      sent.add(ops.stream().map(IndexOp::id).toList());
      var next = answers.poll();
      return next != null ? next : new BulkResult.Written<>(ops.size(), List.of(), List.of());
    }, ms -> {
      pauses.add(ms);
      readyDuringPauses.add(status.health().ready());
      return true;
    }, status, metrics, Duration.ofSeconds(30), "http://os.test");

    assertThat(s.settle(chunk, new BulkResult.RetryLater<>(0, "OpenSearch unreachable: connection refused"))).isTrue();

    assertThat(pauses).containsExactly(100L, 200L);
    assertThat(readyDuringPauses).containsOnly(false);
    assertThat(sent).hasSize(2).allSatisfy(ids -> assertThat(ids).containsExactly("id0", "id1", "id2"));
    assertThat(status.written()).isEqualTo(3);
    assertThat(status.health().ready()).isTrue();
    assertThat(chunk.round().done()).isTrue();
    assertThat(failures("retry", "none")).isEqualTo(1);
    assertThat(failures("retry", "503")).isEqualTo(1);
  }

  @Test
  void shouldMarkTheSinkNotReadyAndWaitTheLongestBackoffWhenCredentialsAreRefused() {
    Chunk chunk = chunk(2);
    RequestSettler s = settler(new ArrayDeque<>(List.of(new BulkResult.Fatal<>(401, "HTTP 401 Unauthorized"))), 1);

    // the first fatal answer waits, the retry is refused again, and the sink stops during the second wait
    assertThat(s.settle(chunk, new BulkResult.Fatal<>(401, "HTTP 401 Unauthorized"))).isFalse();

    assertThat(pauses).containsExactly(30_000L, 30_000L);
    assertThat(sent).hasSize(1);
    assertThat(status.health().ready()).isFalse();
    assertThat(status.health().detail()).contains("HTTP 401").contains("opensearch.username")
        .contains("http://os.test");
    assertThat(failures("fatal", "401")).isEqualTo(2);
    assertThat(chunk.round().done()).isFalse();
    assertThat(chunk.round().deadLetters()).isEmpty();
  }

  @Test
  void shouldNameThePermissionWhenAuthorisationIsRefused() {
    RequestSettler s = settler(new ArrayDeque<>(), 0);

    assertThat(s.settle(chunk(1), new BulkResult.Fatal<>(403, "HTTP 403 security_exception"))).isFalse();

    assertThat(status.health().detail()).contains("HTTP 403").contains("indices:data/write/bulk");
    assertThat(failures("fatal", "403")).isEqualTo(1);
  }

  @Test
  void shouldSplitARequestRejectedAsAWholeAndDeadLetterOnlyTheDocumentAtFault() {
    Chunk chunk = chunk(8);
    // the node rejects every request that carries id5, and writes every other
    RequestSettler s = new RequestSettler(ops -> {
      List<String> ids = ops.stream().map(IndexOp::id).toList();
      sent.add(ids);
      return ids.contains("id5") ? new BulkResult.Rejected<>(400, "HTTP 400 Malformed action/metadata line")
          : new BulkResult.Written<>(ops.size(), List.of(), List.of());
    }, ms -> {
      pauses.add(ms);
      return true;
    }, status, metrics, Duration.ofSeconds(30), "http://os.test");

    assertThat(s.settle(chunk, new BulkResult.Rejected<>(400, "HTTP 400 Malformed action/metadata line"))).isTrue();

    assertThat(chunk.round().deadLetters()).singleElement().satisfies(d -> {
      assertThat(new String(d.record().key(), StandardCharsets.UTF_8)).isEqualTo("id5");
      assertThat(d.exception()).isEqualTo("opensearch.request.400");
    });
    assertThat(status.written()).isEqualTo(7);
    assertThat(pauses).isEmpty();
    // halving 8 down to the one at fault: 4+4, then 2+2, then 1+1
    assertThat(sent).hasSize(6);
    assertThat(chunk.round().done()).isTrue();
    assertThat(status.health().ready()).isTrue();
  }

  @Test
  void shouldDeadLetterDocumentsRejectedOneByOneAndRetryTransientItems() {
    Chunk chunk = chunk(3);
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = chunk.ops();
    RequestSettler s = settler(new ArrayDeque<>(), 5);

    assertThat(s.settle(chunk, new BulkResult.Written<>(1, List.of(ops.get(2)),
        List.of(new BulkResult.DocumentRejection<>(ops.get(1), 400, "mapper_parsing_exception: bad geo point"))))).isTrue();

    assertThat(chunk.round().deadLetters()).extracting(DeadLetter::exception).containsExactly("opensearch.400");
    assertThat(sent).containsExactly(List.of("id2"));
    assertThat(pauses).containsExactly(100L);
    assertThat(status.written()).isEqualTo(2);
    assertThat(failures("retry", "none") + failures("rejected", "400")).isZero();
  }
}
