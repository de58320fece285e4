package org.newsflow.common.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: KRaft in combined broker+controller mode, listening on 127.0.0.1 only,
 * replication factors 1. Its log directory is formatted on first start and reused afterwards, so topics and
 * offsets survive a restart when the same directory is given.
 */
public final class EmbeddedKafka implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String CONTROLLER = "CONTROLLER";

  private final Path logDir;
  private final int requestedPort;
  private final Map<String, String> extraConfig;
  private KafkaRaftServer server;
  private int port;

  /**
   * @param logDir directory for the broker's logs and metadata (created if missing)
   * @param port   client port on 127.0.0.1, 0 for a free one
   */
  public EmbeddedKafka(Path logDir, int port) {
    this(logDir, port, Map.of());
  }

  /** As {@link #EmbeddedKafka(Path, int)} with extra broker configs (tests use it for short timeouts). */
  public EmbeddedKafka(Path logDir, int port, Map<String, String> extraConfig) {
    this.logDir = logDir.toAbsolutePath();
    this.requestedPort = port;
    this.extraConfig = Map.copyOf(extraConfig);
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void start() throws Exception {
    port = requestedPort == 0 ? FreePorts.pick() : requestedPort;
    if (FreePorts.inUse(port)) {
      throw new IllegalStateException("cannot start the embedded Kafka broker: port " + port + " on 127.0.0.1 is "
          + "in use. Fix: stop what uses it, or choose another port (--kafka-port).");
    }
    int controllerPort = FreePorts.pick();
    Files.createDirectories(logDir);
    Map<String, String> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", CONTROLLER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "3");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "3");
    props.put("auto.create.topics.enable", "false");
    props.putAll(extraConfig);
    KafkaConfig config = new KafkaConfig(props, false);

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format();
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady(Duration.ofSeconds(60));
    LOG.info("embedded Kafka broker listening on {}", bootstrapServers());
  }

  private void format() throws Exception {
    Formatter formatter = new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setControllerListenerName(CONTROLLER)
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
    formatter.run();
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("embedded Kafka did not become ready within " + timeout.toSeconds() + " s", e);
          }
        }
        Thread.sleep(100);
      }
    }
  }

  /** {@code 127.0.0.1:port} of the client listener. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public Health health() {
    return server == null ? Health.down("not started") : Health.up(bootstrapServers());
  }

  @Override
  public void close() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /** Deletes a directory tree, for temporary brokers in tests. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
