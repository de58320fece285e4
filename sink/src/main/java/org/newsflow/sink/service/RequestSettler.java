package org.newsflow.sink.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsflow.sink.deadletter.DeadLetter;
import org.newsflow.sink.index.BulkResult;
import org.newsflow.sink.index.IndexOp;
import org.newsflow.sink.round.Chunk;
import org.newsflow.sink.round.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a finished bulk request, on the loop's thread, before anything of its round can commit: written
 * documents are counted, rejected ones set aside in the round, and what is left is sent again until it is
 * settled too, for as long as it takes.
 * <ul>
 *   <li>unreachable, 408, 429, 5xx (the request or single items): again after a backoff that doubles up to the
 *       maximum, the sink not ready meanwhile (items alone do not make it not ready);</li>
 *   <li>rejected as a whole for its content (400, 413, 422): split in halves until the documents at fault stand
 *       alone; each of those is dead-lettered, the others written;</li>
 *   <li>fatal (401, 403, other 4xx): nothing can be written until an operator acts, so the sink reports not ready
 *       with the fix, logs an error, counts it, and tries again only after the maximum backoff.</li>
 * </ul>
 */
final class RequestSettler {

  private static final Logger LOG = LoggerFactory.getLogger(RequestSettler.class);
  private static final long FIRST_WAIT_MS = 100;

  /** Waits before a retry; false when the sink is stopping instead. */
  @FunctionalInterface
  interface Pause {
    boolean pause(long millis);
  }

  private record Attempt(List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops,
                         BulkResult<ConsumerRecord<byte[], byte[]>> result) {
  }

  private final Function<List<IndexOp<ConsumerRecord<byte[], byte[]>>>, BulkResult<ConsumerRecord<byte[], byte[]>>> sender;
  private final Pause pause;
  private final SinkStatus status;
  private final SinkMetrics metrics;
  private final long maxBackoffMs;
  private final String where;

  /**
   * @param sender     sends one bulk request on the caller's thread
   * @param pause      waits between attempts
   * @param status     what the sink reports
   * @param metrics    where written documents and failed requests are counted
   * @param maxBackoff longest wait between attempts, and the wait after a fatal answer
   * @param where      the OpenSearch URLs and alias, for messages
   */
  RequestSettler(Function<List<IndexOp<ConsumerRecord<byte[], byte[]>>>, BulkResult<ConsumerRecord<byte[], byte[]>>> sender,
                 Pause pause, SinkStatus status, SinkMetrics metrics, Duration maxBackoff, String where) {
    this.sender = sender;
    this.pause = pause;
    this.status = status;
    this.metrics = metrics;
    this.maxBackoffMs = maxBackoff.toMillis();
    this.where = where;
  }

  /**
   * Settles {@code chunk}, whose first answer was {@code first}. Returns false only when the sink stops first;
   * nothing of the unfinished round is committed then, so its records are read again.
   */
  boolean settle(Chunk chunk, BulkResult<ConsumerRecord<byte[], byte[]>> first) {
    Round round = chunk.round();
    Deque<Attempt> todo = new ArrayDeque<>();
    todo.push(new Attempt(chunk.ops(), first));
    long wait = FIRST_WAIT_MS;
    while (!todo.isEmpty()) {
      if (round.abandoned()) {
        // given up during a pause (a rebalance): it is read again, so retrying its requests is wasted work
        return true;
      }
      Attempt attempt = todo.pop();
      List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = attempt.ops();
      BulkResult<ConsumerRecord<byte[], byte[]>> result = attempt.result() != null ? attempt.result() : sender.apply(ops);
      long pauseMs = 0;
      boolean backingOff = true;
      switch (result) {
        case BulkResult.Written<ConsumerRecord<byte[], byte[]>> w -> {
          status.written(w.written());
          metrics.written(w.written());
          metrics.searchable(fetchTimesOfWritten(ops, w));
          for (BulkResult.DocumentRejection<ConsumerRecord<byte[], byte[]>> rej : w.rejected()) {
            LOG.warn("article {} rejected by OpenSearch (HTTP {}): {}", rej.op().id(), rej.status(), rej.reason());
            round.deadLetter(new DeadLetter(rej.op().origin(), "opensearch." + rej.status(), rej.reason()));
          }
          if (!w.retry().isEmpty()) {
            LOG.warn("{} documents not written yet (transient item failures); retrying in {} ms", w.retry().size(), wait);
            todo.push(new Attempt(w.retry(), null));
            pauseMs = wait;
          }
        }
        case BulkResult.RetryLater<ConsumerRecord<byte[], byte[]>> r -> {
          status.problem(r.reason());
          metrics.failed("retry", r.status());
          LOG.warn("{} documents not written yet ({}); retrying in {} ms", ops.size(), r.reason(), wait);
          todo.push(new Attempt(ops, null));
          pauseMs = wait;
        }
        case BulkResult.Rejected<ConsumerRecord<byte[], byte[]>> r -> {
          metrics.failed("rejected", r.status());
          if (ops.size() == 1) {
            IndexOp<ConsumerRecord<byte[], byte[]>> op = ops.getFirst();
            LOG.warn("article {} rejected by OpenSearch with its bulk request (HTTP {}): {}", op.id(), r.status(), r.reason());
            round.deadLetter(new DeadLetter(op.origin(), "opensearch.request." + r.status(), r.reason()));
          } else {
            // one bad document can spoil a whole request: halve it until the documents at fault stand alone
            LOG.warn("a bulk request of {} documents was rejected as a whole (HTTP {}); splitting it to find the "
                + "documents at fault: {}", ops.size(), r.status(), r.reason());
            int half = ops.size() / 2;
            todo.push(new Attempt(ops.subList(half, ops.size()), null));
            todo.push(new Attempt(ops.subList(0, half), null));
          }
        }
        case BulkResult.Fatal<ConsumerRecord<byte[], byte[]>> f -> {
          String why = fatalReason(f);
          status.problem(why);
          metrics.failed("fatal", f.status());
          LOG.error("{}; nothing is written until this is fixed, next try in about {} ms", why, maxBackoffMs);
          todo.push(new Attempt(ops, null));
          pauseMs = maxBackoffMs;
          backingOff = false;
        }
      }
      if (pauseMs > 0) {
        if (!pause.pause(pauseMs)) {
          return false;
        }
        if (backingOff) {
          wait = Math.min(wait * 2, maxBackoffMs);
        }
      }
    }
    status.ok();
    round.settled();
    return true;
  }

  private String fatalReason(BulkResult.Fatal<?> f) {
    String fix = switch (f.status()) {
      case 401 -> "authentication failed. Fix: check opensearch.username and opensearch.password";
      case 403 -> "the user may not write to the index. Fix: grant it indices:data/write/bulk* and "
          + "indices:data/write/index on the alias's indices";
      default -> "the node does not take bulk requests at this address. Fix: check opensearch.urls";
    };
    return "OpenSearch at " + where + " refuses the sink's bulk requests (HTTP " + f.status() + "): " + fix
        + " (answer: " + f.reason() + ")";
  }

  /** The fetch times of the operations of a request that were written: not retried, not rejected, not deletes. */
  private static List<Long> fetchTimesOfWritten(List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops,
                                                BulkResult.Written<ConsumerRecord<byte[], byte[]>> w) {
    java.util.Set<IndexOp<?>> notWritten = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    notWritten.addAll(w.retry());
    w.rejected().forEach(r -> notWritten.add(r.op()));
    List<Long> out = new java.util.ArrayList<>(ops.size());
    for (IndexOp<ConsumerRecord<byte[], byte[]>> op : ops) {
      if (!op.isDelete() && !notWritten.contains(op)) {
        out.add(op.fetched());
      }
    }
    return out;
  }
}
