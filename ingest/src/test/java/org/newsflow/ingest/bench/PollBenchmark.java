package org.newsflow.ingest.bench;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.publish.FeedStatus;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.registry.FeedListener;
import org.newsflow.ingest.registry.FeedSource;
import org.newsflow.ingest.schedule.HostLimiter;
import org.newsflow.ingest.schedule.PollPolicy;
import org.newsflow.ingest.service.IngestService;

/**
 * Polls/s of one ingest instance against a local HTTP server on 127.0.0.1 whose feeds all answer 304, every poll's
 * status published to news.feed-status on a Kafka broker. Args: {@code [feeds] [seconds] [bootstrap httpPort]}:
 * without the last two the broker and the HTTP server run in this JVM (sharing its heap); with them, they are the
 * ones a {@code PollBenchmark serve} process printed, so this JVM's heap holds only the ingest instance.
 * Run with {@code -Xmx256m -Dsun.net.httpserver.nodelay=true} (see docs/BENCHMARKS.md).
 */
public final class PollBenchmark {

  private PollBenchmark() {
  }

  /** Runs the benchmark and prints polls/s per window and the heap in use. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      serve();
      return;
    }
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (args.length > 3) {
      run(feeds, seconds, args[2], Integer.parseInt(args[3]));
      return;
    }
    Path dir = Files.createTempDirectory("pollbench");
    HttpServer http = server();
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      run(feeds, seconds, kafka.bootstrapServers(), http.getAddress().getPort());
    } finally {
      http.stop(0);
      EmbeddedKafka.deleteRecursively(dir);
    }
  }

  /** Starts the broker and the 304 server, prints their addresses, and runs until killed. */
  private static void serve() throws Exception {
    Path dir = Files.createTempDirectory("pollbench");
    HttpServer http = server();
    EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    System.out.println("SERVING " + kafka.bootstrapServers() + " " + http.getAddress().getPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static HttpServer server() throws java.io.IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/", ex -> {
      try (ex) {
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        ex.sendResponseHeaders(304, -1);
      }
    });
    http.start();
    return http;
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
            listener.upsert(f, new FeedStatus(f.id(), f.url(), null, 304, 0, 0, 0, null, null, "\"v1\"", null));
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
          new HostLimiter(256, Duration.ZERO), Clock.systemUTC(), publisher)) {
        service.start();
        Thread.sleep(5000); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
          long before = service.pollCount();
          long t0 = System.nanoTime();
          Thread.sleep(1000);
          double rate = (service.pollCount() - before) / ((System.nanoTime() - t0) / 1e9);
          rates.add(rate);
        }
        rates.sort(null);
        System.gc();
        Thread.sleep(500);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // the broker and the HTTP server share this heap; the ingest share is the growth over the baseline
        System.out.printf("feeds=%d polls/s median=%.0f min=%.0f max=%.0f heapAfterGc=%d MB (ingest share %d MB, "
            + "baseline before ingest %d MB) maxHeap=%d MB%n", feeds, rates.get(rates.size() / 2), rates.getFirst(),
            rates.getLast(), heap >> 20, (heap - baseline) >> 20, baseline >> 20, Runtime.getRuntime().maxMemory() >> 20);
      }
    }
  }
}
