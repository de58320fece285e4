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
        out.put(info.getThreadId(), new Sample(stage(info.getThreadName()), cpu));
      }
    }
    return out;
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
    if (n.startsWith("feed-server") || n.startsWith("bench-")) {
      return "benchmark (feed server, watchers)";
    }
    if (n.contains("enrich") || n.contains("streamthread")) {
      return "enrich";
    }
    if (n.contains("sink")) {
      return "sink";
    }
    if (n.contains("ingest") || n.contains("forkjoinpool") || n.startsWith("poll-") || n.contains("feed-registry")
        || n.contains("httpclient")) {
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

  /** One thread's stage and CPU time. */
  record Sample(String stage, long cpuNanos) {
  }
}
