package org.newsflow.sink.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.newsflow.sink.round.Round;
import org.newsflow.sink.round.RoundGatherer;
import org.newsflow.sink.round.RoundLedger;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.sink.window.RequestWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer's loop. Records are gathered into rounds of up to {@code maxInFlight} full bulk requests; requests
 * go out as a sliding window (whenever one finishes the next waiting one is sent, as a bare bulk client would)
 * while the next round is read and prepared. A round is committed once all its requests are settled and every
 * earlier round is committed: its dead letters and its offsets in one transaction ({@link RoundCommitter}).
 *
 * <p>Whatever is not committed is given up and read again from the committed offsets when a rebalance revokes
 * partitions (committing it under the new generation would commit records another instance now reads) and when a
 * round's transaction is aborted (committing a later round would skip it). It is the loop's consumer rebalance
 * listener for that: the callbacks run inside {@code poll}, on the loop's thread.
 */
final class SinkLoop implements ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);
  private static final long FIRST_ABORT_WAIT_MS = 100;

  private final Consumer<byte[], byte[]> consumer;
  private final RoundGatherer gatherer;
  private final RoundPreparer preparer;
  private final RequestWindow window;
  private final RequestSettler settler;
  private final RoundCommitter committer;
  private final RequestSettler.Pause pause;
  private final long maxBackoffMs;
  private final BooleanSupplier running;
  private final RoundLedger ledger = new RoundLedger();
  // the wait after the next aborted transaction doubles while they follow each other, so a cause that stays (a
  // dead letter the topic refuses) does not make the loop index the same rounds again and again at full speed
  private long abortWaitMs = FIRST_ABORT_WAIT_MS;

  SinkLoop(Consumer<byte[], byte[]> consumer, RoundGatherer gatherer, RoundPreparer preparer, RequestWindow window,
           RequestSettler settler, RoundCommitter committer, RequestSettler.Pause pause, Duration maxBackoff,
           BooleanSupplier running) {
    this.consumer = consumer;
    this.gatherer = gatherer;
    this.preparer = preparer;
    this.window = window;
    this.settler = settler;
    this.committer = committer;
    this.pause = pause;
    this.maxBackoffMs = maxBackoff.toMillis();
    this.running = running;
  }

  /** Runs until the sink stops; throws when the consumer or the dead-letter producer fails. */
  void run() {
    while (running.getAsBoolean()) {
      boolean quiet = false;
      if (!gatherer.full()) {
        boolean idle = gatherer.isEmpty() && ledger.isEmpty();
        // a prepared request waiting for a busy slot: read only what has arrived, then wait for a request to finish
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(idle ? 500 : window.saturated() ? 0 : 10));
        quiet = records.isEmpty();
        gatherer.add(records, System.nanoTime());
      }
      if (!window.hasWaiting() && gatherer.ready(quiet, System.nanoTime())) {
        RoundPreparer.Prepared prepared = preparer.prepare(gatherer.take());
        ledger.add(prepared.round());
        window.enqueue(prepared.chunks());
      }
      window.fill();
      // still waiting means every slot is busy: whichever request finishes first ends the wait
      if (window.hasWaiting()) {
        window.awaitAnyFinished(100);
      }
      for (RequestWindow.Finished f : window.takeFinished()) {
        // a round given up is read again: what its requests came to no longer matters
        if (!f.chunk().round().abandoned() && !settler.settle(f.chunk(), f.result())) {
          return;
        }
      }
      List<Round> completed = ledger.takeCompleted();
      for (int i = 0; i < completed.size(); i++) {
        if (committer.commit(completed.get(i))) {
          abortWaitMs = FIRST_ABORT_WAIT_MS;
          continue;
        }
        rewind("a round's transaction was aborted", completed.subList(i, completed.size()), Set.of());
        LOG.warn("reading the given-up rounds again in {} ms", abortWaitMs);
        if (!pause.pause(abortWaitMs)) {
          return;
        }
        abortWaitMs = Math.min(abortWaitMs * 2, maxBackoffMs);
        break;
      }
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      rewind("partitions " + partitions + " revoked", List.of(), partitions);
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    // positions of newly assigned partitions come from the committed offsets
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      rewind("partitions " + partitions + " lost", List.of(), partitions);
    }
  }

  /**
   * Gives up every round not committed (those of {@code taken}, already out of the ledger, too) and the records
   * gathered for the next one, and moves each partition the consumer keeps back to its first record among them:
   * the committed offset, since rounds commit in order. Partitions it does not keep restart from the committed
   * offsets wherever they go next. Requests in flight finish unseen.
   */
  private void rewind(String why, List<Round> taken, Collection<TopicPartition> leaving) {
    List<Round> dropped = new ArrayList<>(taken);
    taken.forEach(Round::abandon);
    dropped.addAll(ledger.abandonAll());
    window.discardWaiting();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (Round round : dropped) {
      earliest(round.records(), first);
    }
    List<ConsumerRecord<byte[], byte[]>> gathered = gatherer.take();
    earliest(gathered, first);
    if (dropped.isEmpty() && gathered.isEmpty()) {
      return;
    }
    Set<TopicPartition> kept = consumer.assignment();
    first.forEach((tp, offset) -> {
      if (kept.contains(tp) && !leaving.contains(tp)) {
        consumer.seek(tp, offset);
      }
    });
    LOG.info("{}: {} rounds not committed and {} gathered records given up; they are read again from the "
        + "committed offsets", why, dropped.size(), gathered.size());
  }

  private static void earliest(List<ConsumerRecord<byte[], byte[]>> records, Map<TopicPartition, Long> first) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
  }
}
