package org.newsflow.common.runtime;

/**
 * A long-running stage (ingest, enrich, sink, or an embedded server). Started once, closed once; {@link #health()}
 * may be called from any thread at any time.
 */
public interface Service extends AutoCloseable {

  /** Short name used in logs and health output, e.g. {@code ingest}. */
  String name();

  /** Starts the service; returns once it is running (background threads do the work). */
  void start() throws Exception;

  /** Whether the service can do its work now, and why not. */
  Health health();

  /** Stops the service, finishing or handing back in-flight work; must not throw for an unstarted service. */
  @Override
  void close();
}
