package org.newsflow.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.runtime.ServiceRunner;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.registry.FeedDefinition;

/**
 * The whole pipeline as {@code newsflow up} runs it (one process, embedded broker and node, real taggers), fed by
 * local feeds whose articles appear at a steady rate. Reports the latency from an article's appearance in its feed
 * to its arrival on the enriched topic (read_committed) and to its being searchable, the sustained throughput, and
 * the CPU each stage used.
 *
 * <pre>scripts/run-main.sh app org.newsflow.app.bench.PipelineBenchmark FEEDS RATE SECONDS [POLL_INTERVAL] [--push] [KEY=VALUE...]</pre>
 * e.g. {@code 1000 50 120 1s}. Extra KEY=VALUE pairs are settings (e.g. {@code sink.batch.max.docs=200}). With
 * {@code --push} the feeds advertise a WebSub hub (Link header), which pushes each feed's document to newsflow as
 * soon as an article appears in it; polling is then only the safety net.
 */
public final class PipelineBenchmark {


  private PipelineBenchmark() {
  }

  /** Runs the benchmark. */
  public static void main(String[] rawArgs) throws Exception {
    boolean push = java.util.Arrays.asList(rawArgs).contains("--push");
    boolean separate = java.util.Arrays.asList(rawArgs).contains("--processes");
    // --warmup=S: seconds of load not counted (default 15); JIT compilation of the whole pipeline takes minutes
    Duration warmUp = java.util.Arrays.stream(rawArgs).filter(a -> a.startsWith("--warmup="))
        .map(a -> Duration.ofSeconds(Long.parseLong(a.substring("--warmup=".length())))).findFirst()
        .orElse(Duration.ofSeconds(15));
    // --refresh=INTERVAL: the index's refresh_interval for this run (the template's is 1s)
    String refresh = java.util.Arrays.stream(rawArgs).filter(a -> a.startsWith("--refresh="))
        .map(a -> a.substring("--refresh=".length())).findFirst().orElse(null);
    String[] args = java.util.Arrays.stream(rawArgs).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
    String pollInterval = args.length > 3 ? args[3] : "1s";
    if (warmUp.toSeconds() >= seconds) {
      throw new IllegalArgumentException("the run (" + seconds + " s) includes the warm-up (" + warmUp.toSeconds()
          + " s), so it must be longer than the warm-up");
    }
    Map<String, String> extra = new HashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      extra.put(kv[0], kv[1]);
    }
    Path dir = Files.createTempDirectory("newsflow-e2e");
    NewsWire wire = new NewsWire(feeds);
    BenchHub hub = push ? new BenchHub() : null;
    HttpServer http = feedServer(wire, hub);
    ServiceProcesses processes = null;
    try (ServiceRunner servers = new ServiceRunner(); ServiceRunner pipeline = new ServiceRunner()) {
      EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
      EmbeddedOpenSearch openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
      servers.startTogether(List.of(kafka, openSearch));
      Map<String, String> settings = new HashMap<>();
      settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
      settings.put("opensearch.urls", openSearch.url());
      settings.put("data.dir", dir.resolve("data").toString());
      settings.put("ingest.allowed.internal.addresses", "127.0.0.1");
      settings.put("ingest.poll.interval", pollInterval);
      settings.put("ingest.poll.interval.min", pollInterval);
      settings.put("ingest.poll.adaptive", "false");
      settings.put("ingest.host.delay", "0s");
      settings.put("ingest.host.max.concurrent", "64");
      if (push) {
        int callbackPort = org.newsflow.common.embedded.FreePorts.pick();
        settings.put("ingest.websub.callback.url", "http://127.0.0.1:" + callbackPort);
        settings.put("ingest.websub.port", String.valueOf(callbackPort));
        settings.put("ingest.websub.rate.limit", "100000");
        settings.put("ingest.poll.interval.max", "10m");
      }
      settings.putAll(extra);
      Config config = Config.load(Services.allSettings(), null, Map.of(), settings);
      Services.ensureTopics(config);
      List<FeedDefinition> defs = new ArrayList<>();
      for (int f = 0; f < feeds; f++) {
        defs.add(FeedDefinition.of(feedUrl(http, f)));
      }
      if (separate) {
        processes = new ServiceProcesses(dir, settings,
            ServiceProcesses.feedsFile(dir, defs.stream().map(d -> d.url().toString()).toList()));
      } else {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        pipeline.start(Services.enrich(config, Services.enricher(), metrics));
        pipeline.start(Services.sink(config, metrics));
        pipeline.start(Services.ingest(config, defs, metrics));
      }

      if (refresh != null) {
        setRefreshInterval(openSearch.url() + "/" + config.get(org.newsflow.sink.opensearch.OpenSearchSettings.ALIAS),
            refresh);
      }
      Watchers watchers = new Watchers(wire, kafka.bootstrapServers(), new Topics("news").articlesEnriched().name(),
          openSearch.url() + "/" + config.get(org.newsflow.sink.opensearch.OpenSearchSettings.ALIAS));
      watchers.start();
      if (push) {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (hub.subscribers() < feeds && System.nanoTime() < until) {
          Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "push: %d of %d feeds subscribed before the run%n", hub.subscribers(), feeds);
      }
      StageCpu cpu = new StageCpu();
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

      long start = System.nanoTime();
      long period = (long) (1e9 / rate);
      long measureFrom = start + warmUp.toNanos();
      long end = start + Duration.ofSeconds(seconds).toNanos();
      Map<Long, StageCpu.Sample> cpu0 = null;
      Map<String, Double> native0 = Map.of();
      Map<String, Double> services0 = Map.of();
      long proc0 = 0;
      long published = 0;
      long publishedInWindow = 0;
      long nextAt = start;
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (cpu0 == null && now >= measureFrom) {
          cpu0 = cpu.sample();
          native0 = StageCpu.nativeThreads();
          services0 = processes == null ? Map.of() : processes.cpuSeconds();
          proc0 = os.getProcessCpuTime();
          watchers.measureFrom(now);
        }
        while (nextAt <= now) {
          int feed = wire.publish();
          if (push) {
            hub.push(feedUrl(http, feed), wire.document(feed).xml());
          }
          published++;
          if (cpu0 != null) {
            publishedInWindow++;
          }
          nextAt += period;
        }
        Thread.sleep(Math.max(1, (nextAt - System.nanoTime()) / 1_000_000));
      }
      Map<Long, StageCpu.Sample> cpu1 = cpu.sample();
      long proc1 = os.getProcessCpuTime();
      Map<String, Double> native1 = StageCpu.nativeThreads();
      Map<String, Double> services1 = processes == null ? Map.of() : processes.cpuSeconds();
      double window = (end - measureFrom) / 1e9;
      // drain: wait until every article published in the window is searchable, up to 60 s
      long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (watchers.searchableInWindow() < publishedInWindow && System.nanoTime() < drainDeadline) {
        Thread.sleep(200);
      }
      double drained = (System.nanoTime() - end) / 1e9;
      watchers.stop();

      System.out.printf(Locale.ROOT, "%s: %d feeds, %.0f articles/s offered, %s, poll interval %s, %d s (first %d s "
          + "not counted), %d cores visible%n", separate ? "three service processes" : "one JVM as `up`", feeds, rate,
          push ? "push" : "polling", pollInterval, seconds, warmUp.toSeconds(),
          Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "published %d (%d in the measured %.0f s); on the enriched topic %d, searchable %d "
          + "of those; drain after the last one: %.1f s%n", published, publishedInWindow, window,
          watchers.enrichedInWindow(), watchers.searchableInWindow(), drained);
      System.out.println("watchers: " + watchers.seen());
      System.out.printf(Locale.ROOT, "sustained: %.1f articles/s searchable (offered %.1f)%n",
          watchers.searchableInWindow() / (window + drained), publishedInWindow / window);
      System.out.println("latency from appearance in the feed, ms:");
      System.out.println("  to the enriched topic: " + Latencies.summary(watchers.enrichedLatencies()));
      System.out.println("  to searchable:         " + Latencies.summary(watchers.searchableLatencies()));
      Map<String, Double> stages = StageCpu.between(cpu0, cpu1);
      double javaThreads = stages.values().stream().mapToDouble(Double::doubleValue).sum();
      double process = (proc1 - proc0) / 1e9;
      stages.put("jvm internal (gc, jit)", Math.max(0, process - javaThreads));
      long perArticleBase = Math.max(1, publishedInWindow);
      Map<String, Double> serviceCpu = new java.util.LinkedHashMap<>();
      Map<String, Double> servicesStart = services0;
      services1.forEach((name, s) -> serviceCpu.put(name + " (own process)", s - servicesStart.getOrDefault(name, 0.0)));
      double servicesTotal = serviceCpu.values().stream().mapToDouble(Double::doubleValue).sum();
      double all = process + servicesTotal;
      System.out.printf(Locale.ROOT, "CPU in the measured window: %.1f s of %.1f s x 2 cores (%.0f %%)%s%n", all,
          window, 100 * all / (2 * window), separate ? "; the benchmark's JVM (broker, node, feed server, hub, "
          + "watchers) " + String.format(Locale.ROOT, "%.1f s", process) : "");
      serviceCpu.forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-34s %7.1f s  %5.1f %%  %7.2f ms per article%n",
          name, s, 100 * s / all, 1000 * s / perArticleBase));
      stages.forEach((stage, s) -> System.out.printf(Locale.ROOT, "  %-34s %7.1f s  %5.1f %%  %7.2f ms per article%n",
          stage, s, 100 * s / all, 1000 * s / perArticleBase));
      System.out.println("  busiest 'other' threads: " + StageCpu.busiest(cpu0, cpu1, "other", 6));
      Map<String, Double> nativeStart = native0;
      native1.forEach((kind, s) -> System.out.printf(Locale.ROOT, "    of which %-25s %7.1f s  %5.1f %%%n", kind,
          s - nativeStart.getOrDefault(kind, 0.0), 100 * (s - nativeStart.getOrDefault(kind, 0.0)) / all));
      System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", os.getSystemLoadAverage());
      if (push) {
        System.out.println("push: failed pushes " + hub.failedPushes());
      }
    } finally {
      if (processes != null) {
        processes.close();
      }
      http.stop(0);
      if (hub != null) {
        hub.close();
      }
      EmbeddedKafka.deleteRecursively(dir);
    }
    System.exit(0);
  }

  /** Sets the index's refresh interval once the sink has created it. */
  private static void setRefreshInterval(String aliasUrl, String interval) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < until) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(aliasUrl + "/_settings"))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"refresh_interval\":\"" + interval + "\"}}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        System.out.println("index refresh_interval set to " + interval);
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the index did not appear within 120 s");
  }

  private static String feedUrl(HttpServer http, int feed) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/feed/" + feed;
  }

  private static HttpServer feedServer(NewsWire wire, BenchHub hub) throws java.io.IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    http.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().name("feed-server-", 0).factory()));
    http.createContext("/feed/", ex -> {
      try (ex) {
        int feed = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
        NewsWire.Document doc = wire.document(feed);
        if (hub != null) {
          ex.getResponseHeaders().add("Link", "<" + hub.url() + ">; rel=\"hub\"");
          ex.getResponseHeaders().add("Link", "<" + feedUrl(http(ex), feed) + ">; rel=\"self\"");
        }
        if (doc.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = doc.xml().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        ex.getResponseHeaders().set("ETag", doc.etag());
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      }
    });
    http.start();
    return http;
  }

  private static HttpServer http(com.sun.net.httpserver.HttpExchange ex) {
    return (HttpServer) ex.getHttpContext().getServer();
  }

  /** Follows the enriched topic and the index, and records when each article got there. */
  private static final class Watchers {
    private final NewsWire wire;
    private final String bootstrap;
    private final String topic;
    private final String searchUrl;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> enriched = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> searchable = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> seenEnriched = Collections.synchronizedSet(new HashSet<>());
    private final Set<String> seenSearchable = Collections.synchronizedSet(new HashSet<>());
    private volatile long measureFrom = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicLong topicRecords = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong indexHits = new java.util.concurrent.atomic.AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Watchers(NewsWire wire, String bootstrap, String topic, String searchUrl) {
      this.wire = wire;
      this.bootstrap = bootstrap;
      this.topic = topic;
      this.searchUrl = searchUrl;
    }

    void measureFrom(long nanos) {
      measureFrom = nanos;
    }

    void start() {
      threads.add(Thread.ofPlatform().name("bench-enriched").start(this::followTopic));
      threads.add(Thread.ofPlatform().name("bench-search").start(this::followIndex));
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(10_000);
      }
    }

    String seen() {
      return topicRecords.get() + " records read from the enriched topic, " + indexHits.get() + " search hits";
    }

    int enrichedInWindow() {
      return enriched.size();
    }

    int searchableInWindow() {
      return searchable.size();
    }

    List<Long> enrichedLatencies() {
      return new ArrayList<>(enriched);
    }

    List<Long> searchableLatencies() {
      return new ArrayList<>(searchable);
    }

    private void record(String url, long at, Set<String> seen, List<Long> latencies) {
      Long appeared = url == null ? null : wire.appeared(url);
      if (appeared != null && appeared >= measureFrom && seen.add(url)) {
        latencies.add((at - appeared) / 1_000_000);
      }
    }

    private void followTopic() {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
        c.subscribe(List.of(topic));
        while (running.get()) {
          for (var r : c.poll(Duration.ofMillis(50))) {
            long at = System.nanoTime();
            topicRecords.incrementAndGet();
            try {
              JsonNode a = mapper.readTree(r.value());
              record(a.path("url").asText(null), at, seenEnriched, enriched);
            } catch (java.io.IOException | RuntimeException e) {
              // a tombstone or foreign record
            }
          }
        }
      }
    }

    private void followIndex() {
      HttpClient client = HttpClient.newHttpClient();
      // the sink writes in about the order enrich finished: follow the newest-enriched documents from a cursor a
      // few seconds behind the newest seen, so each query returns only the last seconds' documents
      String cursor = Instant.now().minusSeconds(600).toString();
      while (running.get()) {
        try {
          // doc values, not _source: reading stored sources of hundreds of hits five times a second would make the
          // watcher a noticeable load on the node it measures
          String query = "{\"size\":2000,\"_source\":false,\"docvalue_fields\":[\"url\","
              + "{\"field\":\"enriched\",\"format\":\"strict_date_optional_time\"}],\"sort\":[{\"enriched\":\"asc\"}],"
              + "\"query\":{\"range\":{\"enriched\":{\"gte\":\"" + cursor + "\"}}}}";
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(searchUrl + "/_search"))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
              HttpResponse.BodyHandlers.ofString());
          long at = System.nanoTime();
          if (r.statusCode() == 200) {
            Instant newest = null;
            for (JsonNode hit : mapper.readTree(r.body()).path("hits").path("hits")) {
              indexHits.incrementAndGet();
              record(hit.path("fields").path("url").path(0).asText(null), at, seenSearchable, searchable);
              String enriched = hit.path("fields").path("enriched").path(0).asText(null);
              if (enriched != null) {
                Instant e = Instant.parse(enriched);
                newest = newest == null || e.isAfter(newest) ? e : newest;
              }
            }
            if (newest != null) {
              cursor = newest.minusSeconds(5).toString();
            }
          }
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // the index may not exist yet
        }
      }
    }
  }

  /** Percentiles of a list of latencies. */
  static final class Latencies {
    private Latencies() {
    }

    static String summary(List<Long> ms) {
      if (ms.isEmpty()) {
        return "none";
      }
      List<Long> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      return String.format(Locale.ROOT, "p50 %d, p95 %d, p99 %d, max %d (n=%d)", at(sorted, 0.50), at(sorted, 0.95),
          at(sorted, 0.99), sorted.getLast(), sorted.size());
    }

    private static long at(List<Long> sorted, double q) {
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
  }
}
