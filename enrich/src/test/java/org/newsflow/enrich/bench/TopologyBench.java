package org.newsflow.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.cluster.SyntheticText;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.enrich.service.EnrichSettings;
import org.newsflow.enrich.tagging.shipped.DefaultTaggers;
import org.newsflow.enrich.topology.EnrichOptions;
import org.newsflow.enrich.topology.EnrichTopology;
import org.newsflow.testsupport.KafkaInput;

/**
 * Throughput of the whole enrich topology on a real in-process broker, exactly-once, with the shipped taggers
 * ({@link DefaultTaggers#enricher}): 500-word articles (a third near-copies or rewrites of another) are produced to the
 * raw topic first, then the service is started and the enriched topic is read with read_committed until every
 * article arrived. Measured between the first and the last output record, so start-up and rebalancing are excluded:
 * wall-clock articles/s, and articles per CPU-second of this whole process (broker, producer and reader included,
 * so a conservative "per core" figure).
 *
 * <p>Args: {@code [articles=10000] [runs=3] [partitions=2] [threads=1]}; one more run first warms up, uncounted.
 */
public final class TopologyBench {

  private TopologyBench() {
  }

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dir = Files.createTempDirectory("newsflow-bench");
    ArticleJson json = new ArticleJson();
    List<byte[]> values = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    SyntheticText gen = new SyntheticText(5);
    List<String> previous = gen.words(500);
    for (int i = 0; i < n; i++) {
      List<String> words = switch (i % 3) {
        case 1 -> gen.replaceTail(previous, 0.15);
        case 2 -> gen.rewriteEvery(previous, 10);
        default -> gen.words(500);
      };
      if (i % 3 == 0) {
        previous = words;
      }
      String url = "https://bench.example/" + i;
      String text = SyntheticText.text(words);
      Article a = Article.builder().id(ArticleIds.fromCanonicalUrl(url)).url(url).title("Benchmark article " + i)
          .text(text).published(Instant.now()).contentHash(ArticleIds.hash(text)).build();
      keys.add(a.id());
      values.add(json.toBytes(a));
    }
    double[] wall = new double[runs];
    double[] perCpu = new double[runs];
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      // run 0 warms up the JIT (and the broker) and is not counted
      for (int r = -1; r < runs; r++) {
        String prefix = "bench" + (r + 1);
        Topics topics = new Topics(prefix);
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        TopicAdmin.ensureTopics(client, topics.all(), partitions, 1, Duration.ofSeconds(30));
        Properties pp = new Properties();
        pp.putAll(client);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        List<ProducerRecord<String, byte[]>> input = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          input.add(new ProducerRecord<>(topics.articlesRaw().name(), keys.get(i), values.get(i)));
        }
        // a record sent again after a refusal is counted once: the topology drops a revision it has seen
        KafkaInput.sendAll(pp, input);
        List<Setting<?>> settings = new ArrayList<>(CommonSettings.all());
        settings.addAll(EnrichSettings.all());
        Config config = Config.load(settings, null, Map.of(), Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
            "topics.prefix", prefix, "enrich.application.id", prefix + "-app", "data.dir", dir.resolve(prefix).toString(),
            "enrich.threads", String.valueOf(threads)));
        EnrichService service = new EnrichService(EnrichTopology.build(topics, DefaultTaggers.enricher(Clock.systemUTC()),
            new EnrichOptions(false), EnrichSettings.clusterParams(config), json),
            EnrichService.streamsProperties(config, topics));
        Properties cp = new Properties();
        cp.putAll(client);
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "-reader");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (service; var consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
          consumer.subscribe(List.of(topics.articlesEnriched().name()));
          service.start();
          int seen = 0;
          int first = 0;
          long t0 = 0;
          long cpu0 = 0;
          long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
          while (seen < n && System.nanoTime() < deadline) {
            int got = consumer.poll(Duration.ofMillis(100)).count();
            if (got > 0 && seen == 0) {
              // the timed window starts after the first committed batch
              t0 = System.nanoTime();
              cpu0 = os.getProcessCpuTime();
              first = got;
            }
            seen += got;
          }
          long t1 = System.nanoTime();
          long cpu1 = os.getProcessCpuTime();
          if (seen < n) {
            throw new IllegalStateException("only " + seen + " of " + n + " articles arrived");
          }
          int timed = n - first;
          double w = timed / ((t1 - t0) / 1e9);
          double c = timed / ((cpu1 - cpu0) / 1e9);
          System.out.printf("%s: %d articles timed, %.0f articles/s wall, %.0f articles per CPU-second%n",
              r < 0 ? "warm-up" : "run " + (r + 1), timed, w, c);
          if (r >= 0) {
            wall[r] = w;
            perCpu[r] = c;
          }
        }
      }
    } finally {
      EmbeddedKafka.deleteRecursively(dir);
    }
    Arrays.sort(wall);
    Arrays.sort(perCpu);
    System.out.printf("median of %d runs (%d partitions, %d stream thread%s, %d cores visible): %.0f articles/s wall, "
        + "%.0f articles per CPU-second%n", runs, partitions, threads, threads == 1 ? "" : "s",
        Runtime.getRuntime().availableProcessors(), wall[runs / 2], perCpu[runs / 2]);
  }
}
