package org.newsflow.sink.service;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.round.Round;
import org.newsflow.sink.round.RoundGatherer;
import org.newsflow.sink.round.RoundLedger;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.sink.window.RequestWindow;

/**
 * One consumer's loop. Records are gathered into rounds of up to {@code maxInFlight} full bulk requests; requests
 * go out as a sliding window (whenever one finishes the next waiting one is sent, as a bare bulk client would)
 * while the next round is read and prepared. A round's offsets are committed once all its requests are settled and
 * every earlier round is committed; its dead letters are written right before that commit rather than when the
 * records were read, since a crash in between would otherwise dead-letter them again when the round is read anew.
 */
final class SinkLoop {

  private final Consumer<byte[], byte[]> consumer;
  private final RoundGatherer gatherer;
  private final RoundPreparer preparer;
  private final RequestWindow window;
  private final RequestSettler settler;
  private final DeadLetterWriter deadLetters;
  private final OffsetCommitter committer;
  private final BooleanSupplier running;
  private final RoundLedger ledger = new RoundLedger();

  SinkLoop(Consumer<byte[], byte[]> consumer, RoundGatherer gatherer, RoundPreparer preparer, RequestWindow window,
           RequestSettler settler, DeadLetterWriter deadLetters, BooleanSupplier running) {
    this.consumer = consumer;
    this.gatherer = gatherer;
    this.preparer = preparer;
    this.window = window;
    this.settler = settler;
    this.deadLetters = deadLetters;
    this.committer = new OffsetCommitter(consumer);
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
        if (!settler.settle(f.chunk(), f.result())) {
          return;
        }
      }
      List<Round> completed = ledger.takeCompleted();
      for (Round done : completed) {
        done.deadLetters().forEach(deadLetters::write);
        committer.commit(done.records());
      }
    }
  }
}
