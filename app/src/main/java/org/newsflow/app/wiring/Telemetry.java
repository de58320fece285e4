package org.newsflow.app.wiring;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.common.runtime.AdminServer;

/** The process's meter registry, exported in Prometheus text format at {@code /metrics} of the admin server. */
public final class Telemetry implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** A registry with the JVM and process meters bound, tagged with the command name. */
  public Telemetry(String command) {
    registry.config().commonTags("service", command);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry services record into. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Serves {@code GET /metrics}. */
  public void exposeOn(AdminServer admin) {
    admin.handle("/metrics", ex -> AdminServer.respond(ex, 200, "text/plain; version=0.0.4", registry.scrape()));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
