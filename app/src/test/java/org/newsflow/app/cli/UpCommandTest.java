package org.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.app.Newsflow;
import org.newsflow.app.wiring.UpSettings;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.embedded.FreePorts;
import org.newsflow.ingest.service.IngestSettings;
import picocli.CommandLine;

class UpCommandTest {

  @TempDir
  Path dir;

  private static Config configOf(Map<String, String> environment, String... args) {
    UpCommand up = new UpCommand();
    new CommandLine(up).parseArgs(args);
    return up.configuration(environment);
  }

  @Test
  void shouldUseDeclaredDefaultsWhenNothingIsGiven() {
    Config c = configOf(Map.of());
    assertThat(c.get(CommonSettings.DATA_DIR)).isEqualTo(Path.of("data"));
    assertThat(UpPorts.of(c)).isEqualTo(new UpPorts(9092, 9200, "127.0.0.1", 8080));
    assertThat(c.get(IngestSettings.FEEDS_FILE)).isNull();
  }

  @Test
  void shouldHonourTheEnvironmentWhenNoFlagIsGiven() {
    Config c = configOf(Map.of("NEWSFLOW_ADMIN_PORT", "18080", "NEWSFLOW_DATA_DIR", "/srv/nf",
        "NEWSFLOW_UP_KAFKA_PORT", "19092"));
    assertThat(UpPorts.of(c).admin()).isEqualTo(18080);
    assertThat(UpPorts.of(c).kafka()).isEqualTo(19092);
    assertThat(c.get(CommonSettings.DATA_DIR)).isEqualTo(Path.of("/srv/nf"));
  }

  @Test
  void shouldHonourTheConfigFileWhenNoFlagIsGiven() throws IOException {
    Path file = Files.writeString(dir.resolve("nf.yaml"),
        "data:\n  dir: /var/nf\nadmin.port: 18081\nup:\n  opensearch:\n    port: 19200\ningest.feeds.file: my.yaml\n");
    Config c = configOf(Map.of(), "--config", file.toString());
    assertThat(c.get(CommonSettings.DATA_DIR)).isEqualTo(Path.of("/var/nf"));
    assertThat(UpPorts.of(c)).isEqualTo(new UpPorts(9092, 19200, "127.0.0.1", 18081));
    assertThat(c.get(IngestSettings.FEEDS_FILE)).isEqualTo(Path.of("my.yaml"));
  }

  @Test
  void shouldLetAGivenFlagWinOverFileAndEnvironment() throws IOException {
    Path file = Files.writeString(dir.resolve("nf.yaml"), "data.dir: /var/nf\nadmin.port: 18081\n");
    Config c = configOf(Map.of("NEWSFLOW_ADMIN_PORT", "18080"), "--config", file.toString(),
        "--admin-port", "28080", "--data-dir", "mine", "--kafka-port", "0", "--feeds", "f.yaml");
    assertThat(UpPorts.of(c).admin()).isEqualTo(28080);
    assertThat(UpPorts.of(c).kafka()).isZero();
    assertThat(c.get(CommonSettings.DATA_DIR)).isEqualTo(Path.of("mine"));
    assertThat(c.get(IngestSettings.FEEDS_FILE)).isEqualTo(Path.of("f.yaml"));
    assertThat(c.source(UpSettings.KAFKA_PORT)).isEqualTo("command line");
  }

  @Test
  void shouldExitAtOnceNamingTheTakenPortAndTheFlagThatMovesIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      for (String[] flagAndName : new String[][] {{"--kafka-port", "Kafka"}, {"--opensearch-port", "OpenSearch"},
          {"--admin-port", "admin"}}) {
        StringWriter err = new StringWriter();
        CommandLine cl = Newsflow.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        String[] others = freePortFlags(flagAndName[0]);
        long t0 = System.nanoTime();
        int exit = cl.execute("up", "--data-dir", dir.resolve("data").toString(), flagAndName[0],
            String.valueOf(port), others[0], others[1], others[2], others[3]);
        assertThat(exit).isNotZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until exit").isLessThan(5_000);
        assertThat(err.toString()).contains("port " + port).contains(flagAndName[1]).contains(flagAndName[0])
            .doesNotContain("Exception");
      }
    }
    assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
  }

  private static String[] freePortFlags(String except) {
    String[] flags = {"--kafka-port", "--opensearch-port", "--admin-port"};
    String[] out = new String[4];
    int i = 0;
    for (String f : flags) {
      if (!f.equals(except)) {
        out[i++] = f;
        out[i++] = String.valueOf(FreePorts.pick());
      }
    }
    return out;
  }
}
