package org.newsflow.ingest.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedListener;
import org.newsflow.ingest.registry.FeedSource;
import org.newsflow.ingest.registry.PollerState;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.ingest.service.IngestService;

/**
 * Polls/s of one ingest instance against a local HTTP server on 127.0.0.1 whose feeds all answer 304, every poll's
 * status published to news.feed-status on a Kafka broker. Args: {@code [feeds] [seconds] [bootstrap httpPort]}:
 * without the last two the broker and the HTTP server run in this JVM (sharing its heap); with them, they are the
 * ones a {@code PollBenchmark serve} process printed, so this JVM's heap holds only the ingest instance.
 * {@code bare FEEDS SECONDS HTTP_PORT} runs the reference instead: a bare java.net.http client against the same
 * server. Run with {@code -Xmx256m} (see docs/BENCHMARKS.md).
 */
public final class PollBenchmark {

  /** Requests in flight at once: the ingest instance's per-host limit and the bare client's thread count. */
  private static final int IN_FLIGHT = 256;

  private PollBenchmark() {
  }

  /** Runs the benchmark and prints polls/s per window and the heap in use. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      serve();
      return;
    }
    if (args.length > 0 && args[0].equals("bare")) {
      bare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (args.length > 3) {
      run(feeds, seconds, args[2], Integer.parseInt(args[3]));
      return;
    }
    Path dir = Files.createTempDirectory("pollbench");
    try (NotModifiedServer http = new NotModifiedServer();
         EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      run(feeds, seconds, kafka.bootstrapServers(), http.port());
    } finally {
      EmbeddedKafka.deleteRecursively(dir);
    }
  }

  /** Starts the broker and the 304 server, prints their addresses, and runs until killed. */
  private static void serve() throws Exception {
    Path dir = Files.createTempDirectory("pollbench");
    NotModifiedServer http = new NotModifiedServer();
    EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    System.out.println("SERVING " + kafka.bootstrapServers() + " " + http.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /**
   * The reference: a bare java.net.http client, 256 virtual threads each sending conditional GETs for feed
   * URLs in turn, nothing else (no status, no scheduling). Same 304 server, same number of connections in flight.
   */
  private static void bare(int feeds, int seconds, int httpPort) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong done = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < IN_FLIGHT; t++) {
        int first = t;
        threads.execute(() -> {
          for (int i = first; !stop.get(); i = (i + IN_FLIGHT) % feeds) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/feed/" + i))
                .header("If-None-Match", "\"v1\"").build();
            try {
              if (client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 304) {
                done.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
      }
      report("bare java.net.http", feeds, seconds, done::get);
      stop.set(true);
    }
  }

  /**
   * Samples a counter once a second after a 5 s warm-up and prints the median, min and max rate, and the CPU time
   * this process spent per poll over the samples (less sensitive than the rate to what else runs on the machine).
   */
  private static void report(String what, int feeds, int seconds, java.util.function.LongSupplier count)
      throws InterruptedException {
    Thread.sleep(5000);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long count0 = count.getAsLong();
    List<Double> rates = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      long before = count.getAsLong();
      long t0 = System.nanoTime();
      Thread.sleep(1000);
      rates.add((count.getAsLong() - before) / ((System.nanoTime() - t0) / 1e9));
    }
    double cpuMicrosPerPoll = (os.getProcessCpuTime() - cpu0) / 1e3 / Math.max(1, count.getAsLong() - count0);
    rates.sort(null);
    System.out.printf("%s: feeds=%d polls/s median=%.0f min=%.0f max=%.0f cpu/poll=%.0f us (load average %.1f)%n",
        what, feeds, rates.get(rates.size() / 2), rates.getFirst(), rates.getLast(), cpuMicrosPerPoll,
        os.getSystemLoadAverage());
  }

  private static long endOffsets(Properties props, String topic) throws Exception {
    try (Admin admin = Admin.create(props)) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    }
  }

  private static void run(int feeds, int seconds, String bootstrap, int httpPort) throws Exception {
    {
      Properties props = new Properties();
      props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      Topics topics = new Topics("bench");
      TopicAdmin.ensureTopics(props, topics.all(), 3, 1, Duration.ofSeconds(30));
      String base = "http://127.0.0.1:" + httpPort + "/feed/";
      List<FeedDefinition> list = new ArrayList<>(feeds);
      for (int i = 0; i < feeds; i++) {
        list.add(FeedDefinition.of(base + i));
      }
      // every feed starts with a remembered ETag, as after a restart, so every poll is a conditional GET -> 304
      FeedSource source = new FeedSource() {
        @Override
        public void start(FeedListener listener) {
          for (FeedDefinition f : list) {
            listener.upsert(f, new PollerState(f.id(), f.url(), "\"v1\"", null, 0, null, null, List.of(), null),
                null);
          }
        }

        @Override
        public void close() {
        }
      };
      System.gc();
      Thread.sleep(500);
      long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      ArticlePublisher publisher = new ArticlePublisher(props, topics, new ArticleJson());
      FeedFetcher fetcher = new FeedFetcher(new FetchOptions(Duration.ofSeconds(5), Duration.ofSeconds(10),
          1024 * 1024, "newsflow-bench", false, List.of("127.0.0.1")));
      PollPolicy policy = new PollPolicy(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100),
          Duration.ofMillis(100), Duration.ofSeconds(1), false);
      try (IngestService service = new IngestService(source, fetcher, publisher, policy,
          new HostLimiter(IN_FLIGHT, Duration.ZERO), Clock.systemUTC(), publisher)) {
        long statusesBefore = endOffsets(props, topics.feedStatus().name());
        long statesBefore = endOffsets(props, topics.feedPollerState().name());
        service.start();
        report("newsflow ingest", feeds, seconds, service::pollCount);
        long polls = service.pollCount();
        publisher.flush();
        // every poll's status must be on the topic (polls still in flight may add a few; the served broker keeps
        // the statuses of earlier runs, hence the difference)
        System.out.printf("statuses on %s: %d for %d polls%n", topics.feedStatus().name(),
            endOffsets(props, topics.feedStatus().name()) - statusesBefore, polls);
        // a 304 changes no memory: one state per feed (its first poll settles the interval), none after
        System.out.printf("states on %s: %d for %d feeds%n", topics.feedPollerState().name(),
            endOffsets(props, topics.feedPollerState().name()) - statesBefore, feeds);
        System.gc();
        Thread.sleep(500);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // the broker and the HTTP server share this heap; the ingest share is the growth over the baseline
        System.out.printf("heapAfterGc=%d MB (ingest share %d MB, baseline before ingest %d MB) maxHeap=%d MB%n",
            heap >> 20, (heap - baseline) >> 20, baseline >> 20, Runtime.getRuntime().maxMemory() >> 20);
      }
    }
  }
}
