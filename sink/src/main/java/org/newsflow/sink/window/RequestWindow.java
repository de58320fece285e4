package org.newsflow.sink.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsflow.sink.index.BulkResult;
import org.newsflow.sink.index.IndexOp;
import org.newsflow.sink.round.Chunk;

/**
 * Bulk requests prepared and waiting, and up to {@code maxInFlight} of them in flight on threads of their own. The
 * owner (one thread) sends whenever a slot is free, waits for whichever request finishes first, and takes the
 * finished ones in any order; which round they belong to is the ledger's business.
 */
public final class RequestWindow implements AutoCloseable {

  /** A request that finished, with what it came to. */
  public record Finished(Chunk chunk, BulkResult<ConsumerRecord<byte[], byte[]>> result) {
  }

  private record Sent(Chunk chunk, Future<BulkResult<ConsumerRecord<byte[], byte[]>>> result) {
  }

  private final int maxInFlight;
  private final Function<List<IndexOp<ConsumerRecord<byte[], byte[]>>>, BulkResult<ConsumerRecord<byte[], byte[]>>> sender;
  private final ExecutorService threads;
  private final Deque<Chunk> waiting = new ArrayDeque<>();
  private final Deque<Sent> inFlight = new ArrayDeque<>();
  /** Released by every request when it finishes, so the owner wakes for whichever finishes first. */
  private final Semaphore finished = new Semaphore(0);

  /**
   * @param maxInFlight requests sent at the same time
   * @param sender      sends one bulk request (never throws for what the node does)
   */
  public RequestWindow(int maxInFlight,
                       Function<List<IndexOp<ConsumerRecord<byte[], byte[]>>>, BulkResult<ConsumerRecord<byte[], byte[]>>> sender) {
    this.maxInFlight = maxInFlight;
    this.sender = sender;
    this.threads = Executors.newFixedThreadPool(maxInFlight, Thread.ofPlatform().name("sink-bulk-", 0).daemon().factory());
  }

  /** Queues prepared requests behind those already waiting. */
  public void enqueue(Collection<Chunk> chunks) {
    waiting.addAll(chunks);
  }

  /** Drops the prepared requests that were not sent; those in flight finish and are taken as usual. */
  public void discardWaiting() {
    waiting.clear();
  }

  /** Whether a prepared request waits for a slot. */
  public boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  /** Whether a prepared request waits and every slot is busy. */
  public boolean saturated() {
    return !waiting.isEmpty() && inFlight.size() >= maxInFlight;
  }

  /** Sends waiting requests while slots are free. */
  public void fill() {
    while (inFlight.size() < maxInFlight && !waiting.isEmpty()) {
      Chunk chunk = waiting.poll();
      inFlight.add(new Sent(chunk, threads.submit(() -> {
        try {
          return sender.apply(chunk.ops());
        } finally {
          finished.release();
        }
      })));
    }
  }

  /** Waits up to {@code millis} for any request to finish. */
  public void awaitAnyFinished(long millis) {
    try {
      if (finished.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
        finished.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes and returns the requests that have finished, in the order they were sent. */
  public List<Finished> takeFinished() {
    List<Finished> out = new ArrayList<>();
    Iterator<Sent> it = inFlight.iterator();
    while (it.hasNext()) {
      Sent sent = it.next();
      if (sent.result().isDone()) {
        it.remove();
        out.add(new Finished(sent.chunk(), resultOf(sent.result())));
      }
    }
    return out;
  }

  private static BulkResult<ConsumerRecord<byte[], byte[]>> resultOf(Future<BulkResult<ConsumerRecord<byte[], byte[]>>> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      // the sender does not throw for the node's answers; anything else is worth another try, like a lost connection
      return new BulkResult.RetryLater<>(0, "bulk request failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BulkResult.RetryLater<>(0, "interrupted");
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
