package org.newsflow.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.app.Newsflow;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.embedded.EmbeddedOpenSearch;
import org.newsflow.common.embedded.FreePorts;
import org.newsflow.common.topics.Topics;
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.JavaProcess;

/**
 * Ingest, enrich and sink as three processes ({@code newsflow ingest|enrich|sink}) on the embedded broker and node,
 * articles flowing from local feed files that grow while the test kills each service with SIGKILL once (and starts
 * it again), restarts the broker once and stops OpenSearch for a while. At the end every article is on the enriched
 * topic exactly once (read_committed), in the index exactly once, and the dead-letter topic is empty (the feeds
 * carry no poison). The figures (faults, articles, lost, duplicated, time to recover) go to stdout and
 * {@code target/chaos-report.md}.
 *
 * <p>CI runs the short form (1,000 articles over 60 s, a 15 s outage); the long form is
 * {@code -Dchaos.articles=10000 -Dchaos.outage.seconds=30} (10,000 articles over 10 minutes; see docs/RELIABILITY.md).
 */
class ChaosIT {

  static final int ARTICLES = Integer.getInteger("chaos.articles", 1_000);
  static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("chaos.outage.seconds", 15));
  static final int PER_FEED = 100;
  static final int STEPS = 20;
  /** How long the feeds take to reach their full length: 60 s per 1,000 articles unless set. */
  static final Duration GROWTH = Duration.ofSeconds(Long.getLong("chaos.feed.seconds", Math.max(60, ARTICLES * 60L / 1000)));
  static final Duration STEP = GROWTH.dividedBy(STEPS);
  static final String PREFIX = "chaos";
  /** Longest wait for a service to start or recover: generous, as the machine running it may be loaded. */
  static final Duration START = Duration.ofSeconds(Long.getLong("chaos.max.wait.seconds", 300));

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static EmbeddedOpenSearch openSearch;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper mapper = new ObjectMapper();
  final Map<String, JavaProcess> services = new LinkedHashMap<>();
  final List<String> report = new ArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    // a fixed port, so that the services find the broker again after its restart
    kafka = new EmbeddedKafka(dir.resolve("kafka"), FreePorts.pick());
    kafka.start();
    openSearch = new EmbeddedOpenSearch(dir.resolve("os"), 0);
    openSearch.start();
  }

  @AfterAll
  static void stopServers() {
    openSearch.close();
    kafka.close();
  }

  @Test
  void shouldDeliverEveryArticleExactlyOnceThroughKillsABrokerRestartAndAnIndexOutage() throws Exception {
    int feeds = (ARTICLES + PER_FEED - 1) / PER_FEED;
    Path feedDir = Files.createDirectories(dir.resolve("feeds"));
    List<String> feedList = new ArrayList<>();
    for (int f = 0; f < feeds; f++) {
      feedList.add(feedDir.resolve("feed-" + f + ".xml").toString());
    }
    AtomicInteger written = new AtomicInteger();
    writeFeeds(feedList, 1, written);
    Path feedsFile = Files.writeString(dir.resolve("feeds.txt"), String.join("\n", feedList) + "\n");
    ScheduledExecutorService grower = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger step = new AtomicInteger(1);
    long t0 = System.nanoTime();
    try {
      start("ingest", feedsFile);
      start("enrich", feedsFile);
      start("sink", feedsFile);
      for (String s : services.keySet()) {
        Await.until(s + " ready", START, () -> ready(s), () -> services.get(s).describe());
      }
      report.add("three services started and ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      // the feeds grow while the faults are injected, so that articles are flowing through each of them
      grower.scheduleAtFixedRate(() -> {
        if (step.get() < STEPS) {
          writeFeeds(feedList, step.incrementAndGet(), written);
        }
      }, STEP.toMillis(), STEP.toMillis(), TimeUnit.MILLISECONDS);
      awaitProgress("the first articles in the index", 0, START);

      for (String service : List.of("ingest", "enrich", "sink")) {
        long before = indexed();
        Instant fault = Instant.now();
        services.get(service).kill();
        start(service, feedsFile);
        recovered("kill -9 " + service + ", restarted at once", fault, before, List.of(service));
      }

      long before = indexed();
      Instant fault = Instant.now();
      kafka.close();
      kafka.start();
      recovered("broker stopped and restarted (down " + ms(fault) + " ms)", fault, before,
          List.of("ingest", "enrich", "sink"));

      before = indexed();
      fault = Instant.now();
      openSearch.stopNode();
      // the outage is the fault being injected, not a wait for a result
      Thread.sleep(OUTAGE.toMillis());
      openSearch.restart();
      recovered("OpenSearch stopped for " + OUTAGE.toSeconds() + " s", fault, before, List.of("sink"));

      Await.until("every feed written", START, () -> step.get() >= STEPS, step::get);
      Await.until(ARTICLES + " articles in the index", START.multipliedBy(2), () -> indexedQuietly() >= ARTICLES,
          () -> indexedQuietly() + " indexed; " + describeAll());
      // all offsets committed means every write and dead letter before them is done: nothing more can arrive
      Await.until("the sink's offsets at the end of the enriched topic", Duration.ofSeconds(60),
          () -> lag() == 0, () -> "lag " + lag());
    } finally {
      grower.shutdownNow();
      for (JavaProcess p : services.values()) {
        p.kill();
      }
    }
    Map<String, Integer> perTitle = new HashMap<>();
    Map<String, Integer> perKey = new HashMap<>();
    for (byte[][] r : readAll(new Topics(PREFIX).articlesEnriched().name())) {
      perKey.merge(new String(r[0], StandardCharsets.UTF_8), 1, Integer::sum);
      perTitle.merge(mapper.readTree(r[1]).path("title").asText(), 1, Integer::sum);
    }
    List<byte[][]> dead = readAll(new Topics(PREFIX).deadLetters().name());
    Set<String> indexedIds = indexedIds();
    Set<String> expectedTitles = new HashSet<>();
    for (int f = 0; f < feeds; f++) {
      for (int i = 0; i < PER_FEED && f * PER_FEED + i < ARTICLES; i++) {
        expectedTitles.add(title(f, i));
      }
    }
    long lost = expectedTitles.stream().filter(t -> !perTitle.containsKey(t)).count();
    long duplicated = perKey.values().stream().mapToLong(n -> n - 1).sum();
    report.add("articles " + expectedTitles.size() + ", on the enriched topic " + perKey.size() + " (records "
        + perKey.values().stream().mapToInt(Integer::intValue).sum() + "), lost " + lost + ", duplicated "
        + duplicated + ", in the index " + indexedIds.size() + ", dead letters " + dead.size() + "; whole run "
        + (System.nanoTime() - t0) / 1_000_000_000 + " s");
    String text = "# chaos run " + Instant.now() + " (articles " + ARTICLES + " over " + GROWTH.toSeconds()
        + " s, outage " + OUTAGE.toSeconds() + " s)\n\n" + String.join("\n", report.stream().map(l -> "- " + l).toList()) + "\n";
    System.out.println(text);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "chaos-report.md"), text);

    assertThat(lost).as("articles lost").isZero();
    assertThat(duplicated).as("articles published twice on the enriched topic").isZero();
    assertThat(perKey).hasSize(ARTICLES);
    assertThat(perTitle.keySet()).containsExactlyInAnyOrderElementsOf(expectedTitles);
    assertThat(indexedIds).containsExactlyInAnyOrderElementsOf(perKey.keySet());
    assertThat(dead).as("dead letters (the feeds carry no poison)").isEmpty();
  }

  private static String title(int feed, int item) {
    return "Chaos report " + feed + "-" + item;
  }

  /** Rewrites every feed file with its first {@code step} parts of items. */
  private static void writeFeeds(List<String> files, int step, AtomicInteger written) {
    int perStep = PER_FEED / STEPS;
    try {
      for (int f = 0; f < files.size(); f++) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Chaos wire " + f + "</title><link>https://chaos.invalid/" + f + "/</link><language>en</language>\n");
        int items = Math.min(step * perStep, Math.max(0, Math.min(PER_FEED, ARTICLES - f * PER_FEED)));
        for (int i = items - 1; i >= 0; i--) {
          sb.append("<item><title>").append(title(f, i)).append("</title><link>https://chaos.invalid/").append(f)
              .append("/").append(i).append("</link><guid>chaos-").append(f).append("-").append(i)
              .append("</guid><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  java.time.ZonedDateTime.parse("2025-02-03T10:00:00Z").plusMinutes(f * PER_FEED + i)))
              .append("</pubDate><description>").append(body(f, i)).append("</description></item>\n");
        }
        sb.append("</channel></rss>\n");
        Path file = Path.of(files.get(f));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString());
        // readers see the old or the new file, never half of one
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      written.set(step);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String[] WORDS = ("government minister election market shares bank police court storm flood "
      + "match team league season company profit growth inflation war peace talks summit climate energy health "
      + "hospital school strike union workers museum film music festival science research space rocket").split(" ");

  /** A text of its own for every item, so that story clustering sees distinct articles. */
  private static String body(int feed, int item) {
    java.util.Random r = new java.util.Random(feed * 100_003L + item);
    StringBuilder sb = new StringBuilder("Report " + feed + "-" + item + ":");
    for (int w = 0; w < 60; w++) {
      sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  private void start(String service, Path feedsFile) throws Exception {
    List<String> args = new ArrayList<>(List.of(service,
        "--set", "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
        "--set", "opensearch.urls=" + openSearch.url(),
        "--set", "topics.prefix=" + PREFIX,
        "--set", "opensearch.index.alias=" + PREFIX + "-articles",
        "--set", "admin.port=0",
        "--set", "data.dir=" + dir.resolve("data-" + service),
        // the group notices a killed member in seconds rather than the default 45 s
        "--set", "kafka.client.session.timeout.ms=6000",
        "--set", "kafka.client.heartbeat.interval.ms=1000"));
    switch (service) {
      case "ingest" -> args.addAll(List.of("--feeds", feedsFile.toString(),
          "--set", "ingest.poll.interval=2s", "--set", "ingest.poll.adaptive=false",
          "--set", "ingest.backoff.initial=1s", "--set", "ingest.backoff.max=5s", "--set", "ingest.host.delay=0s",
          "--set", "ingest.registry.session.timeout=6s"));
      case "sink" -> args.addAll(List.of("--set", "sink.backoff.max=2s"));
      default -> { }
    }
    JavaProcess p = JavaProcess.start(service, dir.resolve("logs"), service.equals("enrich") ? 768 : 384,
        Newsflow.class.getName(), args);
    services.put(service, p);
  }

  /** Waits until the services are ready and new articles reach the index again; reports how long that took. */
  private void recovered(String what, Instant fault, long indexedBefore, List<String> affected) throws Exception {
    Instant end = Instant.now();
    for (String s : affected) {
      Await.until(s + " ready after: " + what, START, () -> ready(s), () -> services.get(s).describe());
    }
    long readyMs = Duration.between(end, Instant.now()).toMillis();
    boolean allIn = indexedQuietly() >= ARTICLES;
    if (!allIn) {
      awaitProgress("new articles in the index after: " + what, indexedBefore, START);
    }
    report.add(what + ": fault " + Duration.between(fault, end).toMillis() + " ms; ready again after "
        + readyMs + " ms; articles reaching the index again after " + (allIn ? "(all were in already)"
        : Duration.between(end, Instant.now()).toMillis() + " ms") + "; indexed " + indexedQuietly());
  }

  private void awaitProgress(String what, long before, Duration max) throws InterruptedException {
    Await.until(what, max, () -> indexedQuietly() > before, () -> indexedQuietly() + " indexed; " + describeAll());
  }

  private static long ms(Instant since) {
    return Duration.between(since, Instant.now()).toMillis();
  }

  private String describeAll() {
    StringBuilder sb = new StringBuilder();
    services.values().forEach(p -> sb.append("\n").append(p.describe()));
    return sb.toString();
  }

  private static final Pattern ADMIN = Pattern.compile("admin endpoint on (http://[^/\\s]+)/health/ready");

  private boolean ready(String service) {
    Matcher m = ADMIN.matcher(services.get(service).output());
    if (!m.find()) {
      return false;
    }
    try {
      return http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health/ready")).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private long indexed() throws Exception {
    String alias = openSearch.url() + "/" + PREFIX + "-articles";
    http.send(HttpRequest.newBuilder(URI.create(alias + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(alias + "/_count")).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? mapper.readTree(r.body()).path("count").asLong() : 0;
  }

  private long indexedQuietly() {
    try {
      return indexed();
    } catch (Exception e) {
      return -1;
    }
  }

  private Set<String> indexedIds() throws Exception {
    Set<String> ids = new HashSet<>();
    String alias = openSearch.url() + "/" + PREFIX + "-articles";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(alias + "/_search?size=10000"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"_source\":false,\"query\":{\"match_all\":{}}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode hits = mapper.readTree(r.body()).path("hits");
    assertThat(hits.path("total").path("value").asLong()).as("documents in the index").isLessThanOrEqualTo(10_000);
    hits.path("hits").forEach(h -> ids.add(h.path("_id").asText()));
    return ids;
  }

  private Properties client() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  /** Records of the enriched topic after the sink group's committed offsets, -1 when that cannot be told. */
  private long lag() {
    String topic = new Topics(PREFIX).articlesEnriched().name();
    try (Admin admin = Admin.create(client())) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("newsflow-sink")
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        // a transaction marker may sit after the last record: committed offsets can be one short of the end
        lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()) - 1);
      }
      return lag;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Every committed record of a topic (read_committed), as key and value. */
  private List<byte[][]> readAll(String topic) throws Exception {
    Properties p = client();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<byte[][]> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = c.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      Await.until("all of " + topic + " read", Duration.ofSeconds(60), () -> {
        c.poll(Duration.ofMillis(200)).forEach(r -> out.add(new byte[][] {r.key(), r.value()}));
        return partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
      }, () -> out.size() + " read");
    }
    return out;
  }
}
