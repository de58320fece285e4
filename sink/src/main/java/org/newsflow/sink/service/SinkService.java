package org.newsflow.sink.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.index.BulkIndexer;
import org.newsflow.sink.opensearch.IndexSetup;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.round.RoundGatherer;
import org.newsflow.sink.round.RoundPreparer;
import org.newsflow.sink.window.RequestWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and writes them into OpenSearch. Offsets are committed only after every document
 * they cover is written, superseded, or set aside, so a crash at any point loses nothing (replays are harmless:
 * writes are versioned by the article's own revision time); the records set aside go to the dead-letter topic in
 * the same Kafka transaction as those offsets, so each is dead-lettered exactly once for {@code read_committed}
 * readers. While OpenSearch is unreachable, or refuses the sink's credentials, the consumer is paused, the request
 * retried with backoff, and the service reports not ready. This class owns the lifecycle; {@link SinkLoop} and its
 * parts do the work.
 */
public final class SinkService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  /** Longest time records wait for more to fill a round of bulk requests. */
  private static final long GATHER_NANOS = 200_000_000L;
  /** Longest time a round's transaction may stay open before the broker aborts it. */
  private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

  private final Properties consumerProps;
  private final Properties producerProps;
  private final String transactionalId;
  private final Topics topics;
  private final OpenSearchConnection os;
  private final String alias;
  private final int maxDocs;
  private final long maxBytes;
  private final int maxInFlight;
  private final Duration maxBackoff;
  private final Duration refreshInterval;
  private final ArticleJson json = new ArticleJson();
  private final MeterRegistry registry;
  private final SinkStatus status = new SinkStatus();
  private final SinkMetrics metrics;

  private Thread loop;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  /**
   * A sink without a stable instance name: its producer's {@code transactional.id} is random, new for each process.
   *
   * @param clientProps base Kafka client properties
   * @param groupId     consumer group
   * @param topics      topic names
   * @param os          OpenSearch connection (closed with the service)
   * @param alias       write alias
   * @param maxDocs     documents per bulk request
   * @param maxBytes    bytes per bulk request
   * @param maxInFlight bulk requests sent at the same time
   * @param maxBackoff  longest retry wait
   * @param refreshInterval the index's refresh interval: how soon written articles become searchable
   * @param metrics     where the sink's meters go
   */
  public SinkService(Properties clientProps, String groupId, Topics topics, OpenSearchConnection os, String alias,
                     int maxDocs, long maxBytes, int maxInFlight, Duration maxBackoff, Duration refreshInterval,
                     MeterRegistry metrics) {
    this(clientProps, groupId, null, topics, os, alias, maxDocs, maxBytes, maxInFlight, maxBackoff, refreshInterval,
        metrics);
  }

  /**
   * A sink, with a stable instance name if {@code instanceId} is given.
   *
   * @param clientProps base Kafka client properties
   * @param groupId     consumer group
   * @param instanceId  a stable name of this instance ({@link SinkSettings#INSTANCE_ID}), or {@code null} for a
   *                    random one
   * @param topics      topic names
   * @param os          OpenSearch connection (closed with the service)
   * @param alias       write alias
   * @param maxDocs     documents per bulk request
   * @param maxBytes    bytes per bulk request
   * @param maxInFlight bulk requests sent at the same time
   * @param maxBackoff  longest retry wait
   * @param refreshInterval the index's refresh interval: how soon written articles become searchable
   * @param metrics     where the sink's meters go
   */
  public SinkService(Properties clientProps, String groupId, String instanceId, Topics topics, OpenSearchConnection os,
                     String alias, int maxDocs, long maxBytes, int maxInFlight, Duration maxBackoff,
                     Duration refreshInterval, MeterRegistry metrics) {
    if (instanceId != null && !SinkSettings.INSTANCE_ID.rule().test(instanceId)) {
      throw new IllegalArgumentException("instance id '" + instanceId + "' is invalid: "
          + SinkSettings.INSTANCE_ID.key() + " " + SinkSettings.INSTANCE_ID.ruleText());
    }
    this.consumerProps = new Properties();
    consumerProps.putAll(clientProps);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxDocs * maxInFlight);
    consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxBytes));
    this.producerProps = new Properties();
    producerProps.putAll(clientProps);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    // one per instance, never shared: a second producer with the same id would fence this one. Group-generation
    // fencing (the offsets go with the consumer's group metadata) is what keeps an instance that lost its
    // partitions from committing them, so the id need not follow the assignment, as with Kafka Streams' EOS v2.
    // A stable one lets a restarted instance end at once the transaction its killed predecessor left open
    this.transactionalId = transactionalId(groupId, instanceId);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // a round's transaction lasts from its first dead letter to its commit, not while its documents are indexed;
    // a crashed instance's open transaction holds back its partitions' committed offsets for at most this long
    producerProps.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    // a transaction begun while the markers of the one before are still being written is refused as concurrent and
    // retried after this backoff: with Kafka's 100 ms a round with dead letters took ~110 ms to commit, with 10 ms
    // ~18 ms (CommitBenchmark, docs/BENCHMARKS.md); kafka.client.retry.backoff.ms still wins
    producerProps.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
    this.topics = topics;
    this.os = os;
    this.alias = alias;
    this.maxDocs = maxDocs;
    this.maxBytes = maxBytes;
    this.maxInFlight = maxInFlight;
    this.maxBackoff = maxBackoff;
    this.refreshInterval = refreshInterval;
    this.registry = metrics;
    this.metrics = new SinkMetrics(metrics, status, java.time.Clock.systemUTC());
  }

  /** The producer's {@code transactional.id}: the instance's stable name, or a random one, after the group's prefix. */
  static String transactionalId(String groupId, String instanceId) {
    return groupId + "-sink-" + (instanceId == null ? UUID.randomUUID().toString() : instanceId);
  }

  @Override
  public String name() {
    return "sink";
  }

  @Override
  public void start() {
    LOG.info("sink starting; its dead-letter producer's transactional.id is {}", transactionalId);
    status.running(true);
    loop = Thread.ofPlatform().name("sink-loop").start(this::run);
  }

  private void run() {
    long wait = 1000;
    while (status.running()) {
      try {
        consume();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        // uncommitted records are read again by the next consumer: nothing is lost, versioned writes dedupe, and
        // the dead letters of an uncommitted round were aborted with it
        status.problem("sink loop failed, restarting: " + e);
        LOG.error("sink loop failed; restarting with a new consumer and producer from the last committed offsets "
            + "in {} ms", wait, e);
        sleep(wait);
        wait = Math.min(wait * 2, maxBackoff.toMillis());
      }
    }
  }

  /** One consumer and one transactional producer, from the committed offsets until the sink stops or fails. */
  private void consume() {
    BulkIndexer indexer = new BulkIndexer(os, alias, json.mapper());
    // a new producer with the same transactional.id fences the one before and ends its open transaction at once
    KafkaProducer<byte[], byte[]> dlq = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
        new ByteArraySerializer());
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
         RequestWindow window = new RequestWindow(maxInFlight, ops -> metrics.timed(() -> indexer.execute(ops)));
         KafkaClientMetrics clientMetrics = new KafkaClientMetrics(c)) {
      consumer = c;
      if (!status.running()) {
        return;
      }
      dlq.initTransactions();
      clientMetrics.bindTo(registry);
      ensureIndex();
      ConsumerPause pause = new ConsumerPause(c, status::running);
      RequestSettler settler = new RequestSettler(ops -> metrics.timed(() -> indexer.execute(ops)), pause, status,
          metrics, maxBackoff, os.description() + " (" + alias + ")");
      RoundCommitter committer = new RoundCommitter(dlq, c,
          new DeadLetterWriter(dlq, topics.deadLetters().name(), registry), transactionalId);
      SinkLoop loop = new SinkLoop(c, new RoundGatherer(maxDocs * maxInFlight, maxBytes * maxInFlight, GATHER_NANOS),
          new RoundPreparer(new ArticleDocuments(json.mapper()), maxDocs, maxBytes), window, settler, committer, pause,
          maxBackoff, status::running);
      c.subscribe(List.of(topics.articlesEnriched().name()), loop);
      loop.run();
    } finally {
      // an open transaction (the loop failed within one) is aborted by the close, or by the next producer's start
      dlq.close(Duration.ofSeconds(10));
    }
  }

  private void ensureIndex() {
    long wait = 200;
    while (status.running()) {
      try {
        IndexSetup.ensure(os, alias, refreshInterval);
        status.ok();
        return;
      } catch (IOException | RuntimeException e) {
        status.problem("OpenSearch at " + os.description() + " unreachable or refusing the index set-up: " + e.getMessage());
        LOG.warn("OpenSearch at {} unreachable or refusing the index set-up ({}); retrying in {} ms",
            os.description(), e.getMessage(), wait);
        sleep(wait);
        wait = Math.min(wait * 2, maxBackoff.toMillis());
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Documents written (or found superseded) since start. */
  public long indexedCount() {
    return status.written();
  }

  @Override
  public Health health() {
    return status.health();
  }

  @Override
  public void close() {
    status.running(false);
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    os.close();
  }
}
