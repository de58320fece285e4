package org.newsflow.sink.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.sink.index.ArticleDocuments;

class RoundLedgerTest {

  final RoundPreparer preparer = new RoundPreparer(new ArticleDocuments(new ArticleJson().mapper()), 2, 1 << 20);

  private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
    return new ConsumerRecord<>("t", 0, offset, ("k" + offset).getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldHandBackRoundsOnlyInOrderOnceEveryEarlierRoundIsDone() {
    RoundLedger ledger = new RoundLedger();
    RoundPreparer.Prepared first = preparer.prepare(List.of(record(0, null), record(1, null), record(2, null)));
    RoundPreparer.Prepared second = preparer.prepare(List.of(record(3, null)));
    ledger.add(first.round());
    ledger.add(second.round());
    assertThat(first.chunks()).hasSize(2);

    second.round().settled();
    assertThat(ledger.takeCompleted()).isEmpty();
    first.round().settled();
    assertThat(ledger.takeCompleted()).isEmpty();
    first.round().settled();
    assertThat(ledger.takeCompleted()).containsExactly(first.round(), second.round());
    assertThat(ledger.isEmpty()).isTrue();
  }

  @Test
  void shouldSetAsideRecordsThatAreNotArticlesAndCompleteARoundWithoutRequests() {
    RoundPreparer.Prepared p = preparer.prepare(List.of(record(0, "{not json")));

    assertThat(p.chunks()).isEmpty();
    assertThat(p.round().done()).isTrue();
    assertThat(p.round().deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.record().offset()).isZero());
  }

  @Test
  void shouldCallARoundReadyWhenFullQuietOrWaitedLongEnough() {
    RoundGatherer g = new RoundGatherer(2, 1 << 20, 1_000);
    assertThat(g.ready(true, 0)).isFalse();
    g.add(List.of(record(0, "x")), 0);
    assertThat(g.ready(false, 500)).isFalse();
    assertThat(g.ready(true, 500)).isTrue();
    assertThat(g.ready(false, 1_001)).isTrue();
    g.add(List.of(record(1, "y")), 600);
    assertThat(g.full()).isTrue();
    assertThat(g.take()).hasSize(2);
    assertThat(g.isEmpty()).isTrue();
  }
}
