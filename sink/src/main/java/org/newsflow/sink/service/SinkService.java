package org.newsflow.sink.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.index.BulkIndexer;
import org.newsflow.sink.index.BulkOutcome;
import org.newsflow.sink.index.IndexOp;
import org.newsflow.sink.opensearch.IndexSetup;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and writes them into OpenSearch. Offsets are committed only after every document
 * they cover is written, superseded, or sent to the dead-letter topic, so a crash at any point loses nothing
 * (replays are harmless: writes are versioned by the article's own revision time). While OpenSearch is
 * unreachable the consumer is paused, the batch retried with backoff, and the service reports not ready.
 */
public final class SinkService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  /** Header names on dead-letter records written by the sink. */
  public static final String HEADER_ERROR = "newsflow.error";
  /** Exception class or OpenSearch error type. */
  public static final String HEADER_EXCEPTION = "newsflow.error.exception";
  /** Origin topic. */
  public static final String HEADER_TOPIC = "newsflow.origin.topic";
  /** Origin partition. */
  public static final String HEADER_PARTITION = "newsflow.origin.partition";
  /** Origin offset. */
  public static final String HEADER_OFFSET = "newsflow.origin.offset";

  /** Longest time records wait for more to fill a round of bulk requests. */
  private static final long GATHER_NANOS = 200_000_000L;

  private final Properties consumerProps;
  private final Properties producerProps;
  private final Topics topics;
  private final OpenSearchConnection os;
  private final String alias;
  private final int maxDocs;
  private final long maxBytes;
  private final int maxInFlight;
  private final Duration maxBackoff;
  private final ArticleJson json;
  private final ArticleDocuments documents;
  private final ObjectMapper mapper;

  private final MeterRegistry metrics;
  private final Counter indexedCounter;
  private final Timer bulkTimer;

  private volatile boolean running;
  private volatile String problem = "not started";
  private volatile long indexed;
  private Thread loop;
  private java.util.concurrent.ExecutorService bulkThreads;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  /** Released by every bulk request when it finishes, so the loop wakes for whichever finishes first. */
  private final java.util.concurrent.Semaphore finished = new java.util.concurrent.Semaphore(0);

  /**
   * @param clientProps base Kafka client properties
   * @param groupId     consumer group
   * @param topics      topic names
   * @param os          OpenSearch connection (closed with the service)
   * @param alias       write alias
   * @param maxDocs     documents per bulk request
   * @param maxBytes    bytes per bulk request
   * @param maxInFlight bulk requests sent at the same time
   * @param maxBackoff  longest retry wait
   * @param metrics     where the sink's meters go
   */
  public SinkService(Properties clientProps, String groupId, Topics topics, OpenSearchConnection os, String alias,
                     int maxDocs, long maxBytes, int maxInFlight, Duration maxBackoff, MeterRegistry metrics) {
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
    this.topics = topics;
    this.os = os;
    this.alias = alias;
    this.maxDocs = maxDocs;
    this.maxBytes = maxBytes;
    this.maxInFlight = maxInFlight;
    this.maxBackoff = maxBackoff;
    this.json = new ArticleJson();
    this.mapper = json.mapper();
    this.documents = new ArticleDocuments(mapper);
    this.metrics = metrics;
    this.indexedCounter = Counter.builder("newsflow.sink.documents.written")
        .description("Documents written to OpenSearch (or found superseded by a newer revision)").register(metrics);
    this.bulkTimer = Timer.builder("newsflow.sink.bulk.duration").description("Duration of bulk requests")
        .register(metrics);
    Gauge.builder("newsflow.sink.ready", this, s -> s.health().ready() ? 1 : 0)
        .description("1 while the sink can write to OpenSearch").register(metrics);
  }

  @Override
  public String name() {
    return "sink";
  }

  @Override
  public void start() {
    running = true;
    bulkThreads = java.util.concurrent.Executors.newFixedThreadPool(maxInFlight,
        Thread.ofPlatform().name("sink-bulk-", 0).daemon().factory());
    loop = Thread.ofPlatform().name("sink-loop").start(this::run);
  }

  private void run() {
    BulkIndexer indexer = new BulkIndexer(os, alias, mapper);
    long wait = 1000;
    try (KafkaProducer<byte[], byte[]> dlq = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      while (running) {
        try {
          consume(indexer, dlq);
        } catch (WakeupException e) {
          return;
        } catch (RuntimeException e) {
          // uncommitted records are read again by the next consumer: nothing is lost, versioned writes dedupe
          problem = "sink loop failed, restarting: " + e;
          LOG.error("sink loop failed; restarting from the last committed offsets in {} ms", wait, e);
          sleep(wait);
          wait = Math.min(wait * 2, maxBackoff.toMillis());
        }
      }
    }
  }

  private void consume(BulkIndexer indexer, KafkaProducer<byte[], byte[]> dlq) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer = c;
      if (!running) {
        return;
      }
      KafkaClientMetrics clientMetrics = new KafkaClientMetrics(c);
      clientMetrics.bindTo(metrics);
      try {
        consumeWith(c, indexer, dlq);
      } finally {
        clientMetrics.close();
      }
    }
  }

  private void consumeWith(KafkaConsumer<byte[], byte[]> c, BulkIndexer indexer, KafkaProducer<byte[], byte[]> dlq) {
    ensureIndex();
    c.subscribe(List.of(topics.articlesEnriched().name()));
    // Records are gathered over several polls into rounds of up to maxInFlight full bulk requests (one poll returns
    // only about max.partition.fetch.bytes per partition, which would make requests small). Requests go out as a
    // sliding window: whenever one finishes the next waiting one is sent, as a bare bulk client would, while the
    // next round is read and prepared. A round's offsets are committed once all its requests are written and every
    // earlier round is committed.
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    long batchBytes = 0;
    long firstAt = 0;
    int targetDocs = maxDocs * maxInFlight;
    long targetBytes = maxBytes * maxInFlight;
    Deque<Round> rounds = new ArrayDeque<>();
    Deque<Chunk> waiting = new ArrayDeque<>();
    Deque<Chunk> inFlight = new ArrayDeque<>();
    while (running) {
      boolean full = batch.size() >= targetDocs || batchBytes >= targetBytes;
      boolean quiet = false;
      // a prepared request waits for a free slot: read only what has arrived, then wait for a request to finish
      boolean slotAwaited = !waiting.isEmpty() && inFlight.size() >= maxInFlight;
      if (!full) {
        boolean idle = batch.isEmpty() && rounds.isEmpty();
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(idle ? 500 : slotAwaited ? 0 : 10));
        quiet = records.isEmpty();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (batch.isEmpty()) {
            firstAt = System.nanoTime();
          }
          batch.add(r);
          batchBytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
        }
        full = batch.size() >= targetDocs || batchBytes >= targetBytes;
      }
      boolean waited = !batch.isEmpty() && (quiet || System.nanoTime() - firstAt > GATHER_NANOS);
      if (waiting.isEmpty() && (full || waited)) {
        Prepared prepared = prepare(batch);
        Round round = new Round(batch, prepared.unreadable());
        for (List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops : chunks(prepared.ops())) {
          waiting.add(new Chunk(round, ops));
          round.outstanding++;
        }
        rounds.add(round);
        batch = new ArrayList<>();
        batchBytes = 0;
        full = false;
      }
      while (inFlight.size() < maxInFlight && !waiting.isEmpty()) {
        inFlight.add(send(waiting.poll(), indexer));
      }
      // a prepared request waits for a slot (every slot is busy, or it would have gone out just now): waiting for a
      // request to finish is all there is to do, and whichever finishes first ends the wait
      if (!waiting.isEmpty()) {
        awaitAnyFinished();
      }
      if (!collect(inFlight, indexer)) {
        return;
      }
      while (!rounds.isEmpty() && rounds.peek().outstanding == 0) {
        Round done = rounds.poll();
        // dead letters are written here rather than when the records were read: a crash in between would
        // otherwise dead-letter them again when the uncommitted round is read anew
        for (DeadLetter d : done.deadLetters) {
          deadLetter(dlq, d.record(), d.exception(), d.message());
        }
        commit(done.records);
      }
    }
  }

  /**
   * The records of one round, how many of its bulk requests are not written yet, and its dead letters (records
   * that are not articles, and documents OpenSearch rejected), written just before the round's offsets commit.
   */
  private static final class Round {
    final List<ConsumerRecord<byte[], byte[]>> records;
    final List<DeadLetter> deadLetters;
    int outstanding;

    Round(List<ConsumerRecord<byte[], byte[]>> records, List<DeadLetter> unreadable) {
      this.records = records;
      this.deadLetters = new ArrayList<>(unreadable);
    }
  }

  /** One bulk request's operations, the round they belong to and, once sent, its result. */
  private record Chunk(Round round, List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops,
                       java.util.concurrent.Future<BulkOutcome<ConsumerRecord<byte[], byte[]>>> result) {
    Chunk(Round round, List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops) {
      this(round, ops, null);
    }
  }

  private void ensureIndex() {
    long wait = 200;
    while (running) {
      try {
        IndexSetup.ensure(os, alias);
        problem = null;
        return;
      } catch (IOException | RuntimeException e) {
        problem = "OpenSearch at " + os.description() + " unreachable: " + e.getMessage();
        LOG.warn("{}; retrying in {} ms", problem, wait);
        sleep(wait);
        wait = Math.min(wait * 2, maxBackoff.toMillis());
      }
    }
  }

  /** Index operations for a round's records, and the records that are not articles, with the reason. */
  private record Prepared(List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops, List<DeadLetter> unreadable) {
  }

  /** A record to dead-letter once its round is written, right before the round's offsets are committed. */
  private record DeadLetter(ConsumerRecord<byte[], byte[]> record, String exception, String message) {
  }

  /** Turns records into index operations; records that are not articles are set aside for the dead-letter topic. */
  private Prepared prepare(List<ConsumerRecord<byte[], byte[]>> records) {
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = new ArrayList<>();
    List<DeadLetter> unreadable = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        if (id != null) {
          ops.add(new IndexOp<>(id, 0, null, r));
        }
        continue;
      }
      try {
        ArticleDocuments.Document doc = documents.fromJson(r.value());
        ops.add(new IndexOp<>(doc.id(), doc.version(), doc.source(), r));
      } catch (RuntimeException e) {
        unreadable.add(new DeadLetter(r, e.getClass().getName(), e.getMessage()));
      }
    }
    return new Prepared(ops, unreadable);
  }

  private Chunk send(Chunk chunk, BulkIndexer indexer) {
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = chunk.ops();
    return new Chunk(chunk.round(), ops, bulkThreads.submit(() -> {
      try {
        return bulkTimer.recordCallable(() -> indexer.execute(ops));
      } finally {
        finished.release();
      }
    }));
  }

  /**
   * Takes the results of the finished requests: counts what was written, sets aside what OpenSearch rejected,
   * and writes what is left to retry before going on, with backoff, for as long as it takes. Returns false only
   * when stopping first; nothing of an unfinished round is committed then, so its records are read again.
   */
  private boolean collect(Deque<Chunk> inFlight, BulkIndexer indexer) {
    var it = inFlight.iterator();
    while (it.hasNext()) {
      Chunk chunk = it.next();
      if (!chunk.result().isDone()) {
        continue;
      }
      it.remove();
      List<IndexOp<ConsumerRecord<byte[], byte[]>>> retry = new ArrayList<>();
      String failure = outcome(chunk, retry);
      long wait = 100;
      while (!retry.isEmpty()) {
        problem = failure;
        LOG.warn("{} documents not written yet ({}); retrying in {} ms", retry.size(),
            failure == null ? "transient item failures" : failure, wait);
        pauseFor(wait);
        if (!running) {
          return false;
        }
        wait = Math.min(wait * 2, maxBackoff.toMillis());
        Chunk again = send(new Chunk(chunk.round(), retry), indexer);
        retry = new ArrayList<>();
        failure = outcome(again, retry);
      }
      problem = null;
      chunk.round().outstanding--;
    }
    return true;
  }

  /** Waits up to 100 ms for any bulk request to finish. */
  private void awaitAnyFinished() {
    try {
      if (finished.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        finished.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads a request's result (waiting for it if need be) into counts, its round's dead letters and {@code retry};
   * returns why it failed, if so.
   */
  private String outcome(Chunk chunk, List<IndexOp<ConsumerRecord<byte[], byte[]>>> retry) {
    try {
      BulkOutcome<ConsumerRecord<byte[], byte[]>> out = chunk.result().get();
      indexed += out.written();
      indexedCounter.increment(out.written());
      retry.addAll(out.retry());
      for (BulkOutcome.Rejected<ConsumerRecord<byte[], byte[]>> rej : out.rejected()) {
        LOG.warn("article {} rejected by OpenSearch (HTTP {}): {}", rej.op().id(), rej.status(), rej.reason());
        chunk.round().deadLetters.add(new DeadLetter(rej.op().origin(), "opensearch." + rej.status(), rej.reason()));
      }
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      retry.addAll(chunk.ops());
      return "OpenSearch at " + os.description() + " unreachable: " + e.getCause().getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retry.addAll(chunk.ops());
      return "interrupted";
    }
  }

  private List<List<IndexOp<ConsumerRecord<byte[], byte[]>>>> chunks(List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops) {
    List<List<IndexOp<ConsumerRecord<byte[], byte[]>>>> out = new ArrayList<>();
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> current = new ArrayList<>();
    long bytes = 0;
    for (IndexOp<ConsumerRecord<byte[], byte[]>> op : ops) {
      if (!current.isEmpty() && (current.size() >= maxDocs || bytes + op.weight() > maxBytes)) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(op);
      bytes += op.weight();
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** Waits while keeping the group membership alive: partitions are paused so polling fetches nothing. */
  private void pauseFor(long millis) {
    long jittered = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    consumer.pause(consumer.assignment());
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered);
    while (running && System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())))));
    }
    consumer.resume(consumer.assignment());
  }

  private void deadLetter(KafkaProducer<byte[], byte[]> dlq, ConsumerRecord<byte[], byte[]> r, String exception,
                          String message) {
    metrics.counter("newsflow.dead.letters", "stage", "sink", "reason", exception.startsWith("opensearch.")
        ? exception : "unreadable").increment();
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topics.deadLetters().name(), r.key(), r.value());
    Headers h = dead.headers();
    h.add(HEADER_ERROR, utf8("sink could not index the record: " + message));
    h.add(HEADER_EXCEPTION, utf8(exception));
    h.add(HEADER_TOPIC, utf8(r.topic()));
    h.add(HEADER_PARTITION, utf8(String.valueOf(r.partition())));
    h.add(HEADER_OFFSET, utf8(String.valueOf(r.offset())));
    try {
      dlq.send(dead).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // without the dead letter written, committing would lose the record: stop here and let it be redelivered
      throw new IllegalStateException("could not write to dead-letter topic " + topics.deadLetters().name(), e);
    }
  }

  private void commit(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // the partitions moved to another instance, which re-reads these records; versioned writes make that harmless
      LOG.info("offset commit skipped after a rebalance: {}", e.getMessage());
    }
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
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
    return indexed;
  }

  @Override
  public Health health() {
    String p = problem;
    return running && p == null ? Health.up(indexed + " documents written") : Health.down(p == null ? "stopped" : p);
  }

  @Override
  public void close() {
    running = false;
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
    if (bulkThreads != null) {
      bulkThreads.shutdownNow();
    }
    os.close();
  }
}
