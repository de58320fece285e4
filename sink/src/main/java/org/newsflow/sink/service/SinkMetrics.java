package org.newsflow.sink.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The sink's meters: documents written, the time from an article's fetch to its write, bulk request durations, failed requests by outcome and status, and
 * readiness.
 */
final class SinkMetrics {

  private final MeterRegistry registry;
  private final Counter written;
  private final Timer bulk;
  private final Timer publishToSearchable;
  private final Clock clock;

  SinkMetrics(MeterRegistry registry, SinkStatus status, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    // the name the console and the Grafana dashboard read: newsflow_publish_to_searchable_seconds in Prometheus
    this.publishToSearchable = Timer.builder("newsflow.publish.to.searchable")
        .description("From an article's fetch by ingest to its write into the index (searchable after the next refresh)")
        .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1)).register(registry);
    this.written = Counter.builder("newsflow.sink.documents.written")
        .description("Documents written to OpenSearch (or found superseded by a newer revision)").register(registry);
    this.bulk = Timer.builder("newsflow.sink.bulk.duration").description("Duration of bulk requests").register(registry);
    Gauge.builder("newsflow.sink.ready", status, s -> s.health().ready() ? 1 : 0)
        .description("1 while the sink can write to OpenSearch").register(registry);
  }

  void written(int n) {
    written.increment(n);
  }

  /** Records the publish-to-searchable time of documents just written, from their fetch times (0: unknown). */
  void searchable(List<Long> fetchedMillis) {
    long now = clock.millis();
    for (long fetched : fetchedMillis) {
      if (fetched > 0) {
        publishToSearchable.record(Math.max(0, now - fetched), TimeUnit.MILLISECONDS);
      }
    }
  }

  <T> T timed(Supplier<T> request) {
    return bulk.record(request);
  }

  /**
   * Counts a bulk request that failed as a whole.
   *
   * @param outcome {@code retry} (unreachable, 408, 429, 5xx), {@code rejected} (400, 413, 422) or {@code fatal}
   *                (401, 403, other 4xx)
   * @param status  HTTP status, 0 when no answer came
   */
  void failed(String outcome, int status) {
    Counter.builder("newsflow.sink.bulk.failures")
        .description("Bulk requests that failed as a whole, by outcome and HTTP status (none: no answer)")
        .tag("outcome", outcome).tag("status", status == 0 ? "none" : String.valueOf(status))
        .register(registry).increment();
  }
}
