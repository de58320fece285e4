package org.newsflow.sink.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.MediaTopic;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.opensearch.IndexSetup;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.service.SinkService;
import org.newsflow.sink.service.SinkSettings;
import org.newsflow.testsupport.KafkaInput;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Sink throughput against a bare bulk client on the same documents and the same in-process node, alternating
 * rounds so all see the same machine state; prints docs/s per round and the medians and ratios. The bare client
 * runs twice per round: plain index writes, and the same writes with external_gte versions as the sink sends. Both are timed
 * in steady state, from the end of their first bulk request to the last document, so the sink's consumer-group
 * join is not counted against it and the bare client's connection set-up not against it.
 *
 * <pre>scripts/run-main.sh sink org.newsflow.sink.bench.SinkBenchmark 30000 5</pre>
 */
public final class SinkBenchmark {

  private SinkBenchmark() {
  }

  /** Args: documents per round (default 20000), rounds (default 3). */
  public static void main(String[] args) throws Exception {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("sink-bench");
    ArticleJson json = new ArticleJson();
    List<Article> articles = articles(docs);
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
         EmbeddedOpenSearch node = new EmbeddedOpenSearch(dir.resolve("os"), 0)) {
      kafka.start();
      node.start();
      Properties client = new Properties();
      client.put("bootstrap.servers", kafka.bootstrapServers());
      List<Double> bare = new ArrayList<>();
      List<Double> bareVersioned = new ArrayList<>();
      List<Double> sink = new ArrayList<>();
      // one topic, produced once; every sink round reads it from the start with a consumer group of its own
      Topics topics = new Topics("bench");
      TopicAdmin.ensureTopics(client, topics.all(), 2, 1, Duration.ofSeconds(30));
      List<ProducerRecord<String, byte[]>> input = new ArrayList<>(articles.size());
      for (Article a : articles) {
        input.add(new ProducerRecord<>(topics.articlesEnriched().name(), a.id(), json.toBytes(a)));
      }
      KafkaInput.sendAll(client, input);
      // documents prepared outside the timing for the bare client, as a client that already has them would
      ArticleDocuments mapping = new ArticleDocuments(json.mapper());
      List<byte[]> sources = new ArrayList<>();
      for (Article a : articles) {
        sources.add(json.mapper().writeValueAsBytes(mapping.toDocument(a)));
      }
      long avgBytes = sources.stream().mapToLong(b -> b.length).sum() / sources.size();
      for (int round = 1; round <= rounds; round++) {
        double b = bareRound(node, "bare" + round, articles, sources, false);
        bare.add(b);
        double v = bareRound(node, "versioned" + round, articles, sources, true);
        bareVersioned.add(v);
        double s = sinkRound(node, client, topics, "sink" + round, docs);
        sink.add(s);
        System.out.printf("round %d: bare bulk client %.0f docs/s, bare with external versions %.0f docs/s, "
            + "newsflow sink %.0f docs/s (ratios %.2f, %.2f)%n", round, b, v, s, s / b, s / v);
      }
      double mb = median(bare);
      double mv = median(bareVersioned);
      double ms = median(sink);
      System.out.printf("documents %d of about %d bytes; medians over %d rounds: bare %.0f docs/s, bare with external "
          + "versions %.0f docs/s, sink %.0f docs/s; ratio to bare %.2f, to bare with external versions %.2f%n",
          docs, avgBytes, rounds, mb, mv, ms, ms / mb, ms / mv);
    }
  }

  /**
   * A bare client's round: pre-serialised documents, 1,000 per bulk request, two requests in flight. With
   * {@code versioned} each write carries an external_gte version, as the sink's writes do (the sink needs them so
   * that replays and late older revisions never overwrite newer ones); the version lookups cost the node time.
   */
  private static double bareRound(EmbeddedOpenSearch node, String alias, List<Article> articles, List<byte[]> sources,
                                  boolean versioned) throws Exception {
    try (OpenSearchConnection os = new OpenSearchConnection(List.of(node.url()), null, null, null)) {
      IndexSetup.ensure(os, alias, SinkSettings.REFRESH_INTERVAL.defaultValue());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      long t0 = 0;
      int timedDocs = 0;
      List<Future<?>> inFlight = new ArrayList<>();
      for (int from = 0; from < articles.size(); from += 1000) {
        int start = from;
        int end = Math.min(articles.size(), from + 1000);
        if (inFlight.size() == 2) {
          inFlight.removeFirst().get();
          if (t0 == 0) {
            t0 = System.nanoTime();
            timedDocs = articles.size() - 1000;
          }
        }
        inFlight.add(pool.submit(() -> {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          for (int i = start; i < end; i++) {
            body.writeBytes(("{\"index\":{\"_index\":\"" + alias + "\",\"_id\":\"" + articles.get(i).id() + "\""
                + (versioned ? ",\"version\":" + ArticleDocuments.version(articles.get(i)) + ",\"version_type\":\"external_gte\"" : "")
                + "}}\n")
                .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(sources.get(i));
            body.write('\n');
          }
          try (Response r = os.generic().execute(Requests.builder().method("POST").endpoint("/_bulk")
              .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
            if (r.getStatus() >= 300) {
              throw new IllegalStateException("bulk failed " + r.getStatus());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : inFlight) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      return timedDocs / seconds;
    }
  }

  private static double sinkRound(EmbeddedOpenSearch node, Properties client, Topics topics, String alias, int docs)
      throws Exception {
    try (OpenSearchConnection setup = new OpenSearchConnection(List.of(node.url()), null, null, null)) {
      IndexSetup.ensure(setup, alias, SinkSettings.REFRESH_INTERVAL.defaultValue());
    }
    SinkService sink = new SinkService(client, "bench-" + alias, topics,
        new OpenSearchConnection(List.of(node.url()), null, null, null), alias, 1000, 5 << 20, 2, Duration.ofSeconds(2), SinkSettings.REFRESH_INTERVAL.defaultValue(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    sink.start();
    while (sink.indexedCount() == 0) {
      Thread.sleep(1);
    }
    long t0 = System.nanoTime();
    long first = sink.indexedCount();
    long lastProgress = System.nanoTime();
    long seen = first;
    while (sink.indexedCount() < docs) {
      Thread.sleep(1);
      if (sink.indexedCount() != seen) {
        seen = sink.indexedCount();
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > 60_000_000_000L) {
        sink.close();
        throw new IllegalStateException("sink stalled at " + seen + " of " + docs + " documents: " + sink.health());
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    sink.close();
    return (docs - first) / seconds;
  }

  static List<Article> articles(int n) {
    Random random = new Random(42);
    String[] words = ("government minister election market shares bank police court storm flood match team "
        + "league season company profit growth inflation war peace talks summit climate energy health hospital "
        + "school strike union workers museum film music festival science research space rocket").split(" ");
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      int len = 350 + random.nextInt(300);
      for (int w = 0; w < len; w++) {
        text.append(words[random.nextInt(words.length)]).append(w % 17 == 16 ? ". " : " ");
      }
      out.add(Article.builder().id(String.format("%032x", i)).url("https://bench.invalid/" + i)
          .title("Benchmark article " + i).text(text.toString()).summary(text.substring(0, 200))
          .published(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)).feedId("bench").feedTitle("Bench")
          .language("en")
          .entities(List.of(new Entity("Portugal", EntityType.LOCATION, "iso3166:PT", 2, 0.7, Map.of("iso3166", "PT"),
              39.5, -8.0, List.of())))
          .topics(List.of(new MediaTopic("medtop:11000000", "politics", 1, 0.9)))
          .build());
    }
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

}
