package org.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the in-process pipeline's threads grouped by stage, from thread names. Virtual threads (ingest's
 * polls and HTTP client) run on the ForkJoinPool carrier threads and are counted there as ingest.
 */
final class StageCpu {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds per thread id, with the thread's stage. */
  Map<Long, Sample> sample() {
    Map<Long, Sample> out = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        out.put(info.getThreadId(), new Sample(stage(info.getThreadName()), info.getThreadName(), cpu));
      }
    }
    return out;
  }

  /** The busiest threads of one stage between two samples, for finding threads the names above do not place. */
  static String busiest(Map<Long, Sample> before, Map<Long, Sample> after, String stage, int limit) {
    Map<String, Double> byName = new HashMap<>();
    after.forEach((id, s) -> {
      if (s.stage().equals(stage)) {
        Sample b = before.get(id);
        byName.merge(s.thread().replaceAll("\\d+", "#"), (s.cpuNanos() - (b == null ? 0 : b.cpuNanos())) / 1e9,
            Double::sum);
      }
    });
    return byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** CPU seconds per stage between two samples (threads that started in between count from zero). */
  static Map<String, Double> between(Map<Long, Sample> before, Map<Long, Sample> after) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach((id, s) -> {
      Sample b = before.get(id);
      long delta = s.cpuNanos() - (b == null ? 0 : b.cpuNanos());
      out.merge(s.stage(), delta / 1e9, Double::sum);
    });
    return out;
  }

  static String stage(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    // the JDK's HttpClient is the benchmark's (hub pushes, search watcher): ingest fetches with Apache HttpClient
    if (n.startsWith("feed-server") || n.startsWith("bench-") || n.startsWith("httpclient-")) {
      return "benchmark (feed server, hub, watchers)";
    }
    if (n.contains("enrich") || n.contains("streamthread")) {
      return "enrich";
    }
    if (n.contains("sink")) {
      return "sink";
    }
    if (n.contains("ingest") || n.contains("forkjoinpool") || n.startsWith("fetch-") || n.startsWith("poll-") || n.contains("feed-registry")
        || n.startsWith("httpclient-dispatch") || n.contains("websub")) {
      return "ingest";
    }
    if (n.startsWith("opensearch[") || n.contains("opensearch")) {
      return "opensearch node";
    }
    if (n.contains("kafka") || n.contains("data-plane") || n.contains("raft") || n.contains("broker")
        || n.contains("controller") || n.contains("log") || n.contains("replica") || n.contains("quorum")
        || n.contains("executor-") || n.contains("group-coordinator") || n.contains("transaction")) {
      return "kafka broker";
    }
    if (n.contains("gc") || n.contains("compiler") || n.contains("g1") || n.contains("vm ")) {
      return "jvm (gc, jit)";
    }
    return "other";
  }

  /**
   * CPU seconds of the JVM's own native threads (not Java threads) by kind, from {@code /proc/self/task}: garbage
   * collection, JIT compilation and the rest (VM thread, JFR, ...). Empty where there is no /proc.
   */
  static Map<String, Double> nativeThreads() {
    Map<String, Double> out = new TreeMap<>();
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    if (!java.nio.file.Files.isDirectory(tasks)) {
      return out;
    }
    try (var dirs = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) dirs::iterator) {
        try {
          String comm = java.nio.file.Files.readString(t.resolve("comm")).strip();
          String stat = java.nio.file.Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, in clock ticks
          String kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")
              || comm.startsWith("GC ") ? "gc (and safepoints)"
              : comm.contains("CompilerThre") ? "jit" : null;
          if (kind != null) {
            out.merge(kind, seconds, Double::sum);
          }
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (java.io.IOException e) {
      return out;
    }
    return out;
  }

  /** One thread's stage and CPU time. */
  record Sample(String stage, String thread, long cpuNanos) {
  }
}
