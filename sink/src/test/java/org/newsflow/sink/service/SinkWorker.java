package org.newsflow.sink.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.opensearch.OpenSearchConnection;

/**
 * One sink instance as a separate process that a test can kill with SIGKILL:
 * {@code SinkWorker BOOTSTRAP PREFIX GROUP OPENSEARCH_URL ALIAS}. It prints its readiness whenever it changes
 * ({@code ready: ...} / {@code not ready: ...}) and its written count, so a test can follow it.
 */
public final class SinkWorker {

  private SinkWorker() {
  }

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    Properties client = new Properties();
    client.put("bootstrap.servers", args[0]);
    // a short session, so that the group notices a killed instance in seconds rather than the default 45 s
    client.put("session.timeout.ms", "6000");
    client.put("heartbeat.interval.ms", "1000");
    SinkService sink = new SinkService(client, args[2], new Topics(args[1]),
        new OpenSearchConnection(List.of(args[3]), null, null, null), args[4], 500, 5 << 20, 2, Duration.ofSeconds(2),
        Duration.ofMillis(500), new SimpleMeterRegistry());
    System.out.println(Instant.now() + " starting");
    sink.start();
    Boolean ready = null;
    long written = -1;
    while (true) {
      Health h = sink.health();
      if (ready == null || h.ready() != ready) {
        ready = h.ready();
        System.out.println(Instant.now() + (h.ready() ? " ready: " : " not ready: ") + h.detail());
      }
      if (sink.indexedCount() != written) {
        written = sink.indexedCount();
        System.out.println(Instant.now() + " written " + written);
      }
      Thread.sleep(200);
    }
  }
}
