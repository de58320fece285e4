package org.newsflow.app.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.newsflow.app.wiring.UpSettings;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;

/**
 * The three ports {@code up} listens on, checked before anything starts: a port that is taken is reported with
 * the flag and the setting that move it, within a second, instead of a broker or node failing half-way up.
 */
record UpPorts(int kafka, int openSearch, String adminHost, int admin) {

  static UpPorts of(Config config) {
    int admin = config.get(CommonSettings.ADMIN_PORT);
    return new UpPorts(config.get(UpSettings.KAFKA_PORT), config.get(UpSettings.OPENSEARCH_PORT),
        config.get(CommonSettings.ADMIN_HOST), admin == -1 ? UpSettings.DEFAULT_ADMIN_PORT : admin);
  }

  /** Throws {@link PortInUseException} naming the first port of the three that something else listens on. */
  void requireFree() {
    check("Kafka", "127.0.0.1", kafka, "--kafka-port", UpSettings.KAFKA_PORT);
    check("OpenSearch", "127.0.0.1", openSearch, "--opensearch-port", UpSettings.OPENSEARCH_PORT);
    check("the admin server", adminHost, admin, "--admin-port", CommonSettings.ADMIN_PORT);
  }

  private static void check(String what, String host, int port, String flag, Setting<?> setting) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new PortInUseException("port " + port + " on " + host + " (for " + what + ") is already in use. Fix: stop "
          + "what listens there (another `newsflow up`?), or choose another port with " + flag + " PORT (setting "
          + setting.key() + ", environment " + setting.envName() + "; 0 picks any free port).");
    }
  }

  /** A port {@code up} needs is taken by another process. */
  static final class PortInUseException extends RuntimeException {
    PortInUseException(String message) {
      super(message);
    }
  }
}
