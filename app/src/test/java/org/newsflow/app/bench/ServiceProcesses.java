package org.newsflow.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.app.Newsflow;
import org.newsflow.testsupport.JavaProcess;

/**
 * The three services as separate JVMs started through the real command line ({@code newsflow ingest|enrich|sink}
 * with {@code --set} settings), as an operator runs them, each with the launcher's default heap; their CPU time
 * is read from the operating system.
 */
final class ServiceProcesses implements AutoCloseable {

  /** The JVM options of {@code ./newsflow} when NEWSFLOW_JAVA_OPTS is not set, plus what the benchmark needs. */
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx2g", "--enable-native-access=ALL-UNNAMED",
      "-Dsun.net.httpserver.nodelay=true");

  private final Map<String, JavaProcess> processes = new LinkedHashMap<>();

  /**
   * Starts enrich, sink and ingest (in that order, as {@code up} does) with the settings, ingest reading its feeds
   * from {@code feedsFile}; returns once each has opened its admin endpoint.
   */
  ServiceProcesses(Path dir, Map<String, String> settings, Path feedsFile) throws Exception {
    for (String service : List.of("enrich", "sink", "ingest")) {
      List<String> args = new ArrayList<>(List.of(service));
      Map<String, String> own = new LinkedHashMap<>(settings);
      own.put("data.dir", dir.resolve("data-" + service).toString());
      own.put("admin.port", "0");
      own.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
      if (service.equals("ingest")) {
        args.addAll(List.of("--feeds", feedsFile.toString()));
      }
      List<String> jvm = new ArrayList<>(JVM_OPTIONS);
      String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        jvm.addAll(List.of(extra.trim().split("\\s+")));
      }
      JavaProcess p = JavaProcess.start(service, dir.resolve("logs"), jvm, Newsflow.class.getName(), args);
      processes.put(service, p);
    }
    for (JavaProcess p : processes.values()) {
      p.awaitOutput("admin endpoint on", Duration.ofSeconds(180));
    }
  }

  /** Writes one feed URL per line, the plain-list form of a feeds file. */
  static Path feedsFile(Path dir, List<String> urls) throws java.io.IOException {
    Path file = dir.resolve("feeds.txt");
    Files.write(file, urls);
    return file;
  }

  /** CPU seconds each service process has used so far. */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    processes.forEach((name, p) -> out.put(name,
        p.handle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN)));
    return out;
  }

  /** Whether every service still runs. */
  String dead() {
    StringBuilder sb = new StringBuilder();
    processes.values().stream().filter(p -> !p.isAlive()).forEach(p -> sb.append(p.describe()).append('\n'));
    return sb.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (JavaProcess p : processes.values()) {
      p.handle().destroy();
    }
    for (JavaProcess p : processes.values()) {
      try {
        p.handle().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.kill();
      }
    }
  }
}
