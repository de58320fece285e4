package org.newsflow.sink.service;

import org.newsflow.common.runtime.Health;

/**
 * What the sink reports about itself: whether it runs, what keeps it from writing (if anything) and how many
 * documents it wrote. Written by the sink's loop, read from any thread.
 */
final class SinkStatus {

  private volatile boolean running;
  private volatile String problem = "not started";
  private volatile long written;

  boolean running() {
    return running;
  }

  void running(boolean now) {
    running = now;
  }

  /** Why the sink cannot write now; it reports not ready until {@link #ok()}. */
  void problem(String why) {
    problem = why;
  }

  /** The sink can write. */
  void ok() {
    problem = null;
  }

  /** Counts documents written; called by the loop's thread only. */
  void written(int n) {
    written += n;
  }

  long written() {
    return written;
  }

  Health health() {
    String p = problem;
    return running && p == null ? Health.up(written + " documents written") : Health.down(p == null ? "stopped" : p);
  }
}
