package org.newsflow.ingest.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.topics.Topics;

/**
 * Reads and changes the feed registry (the compacted news.feeds topic) and reads feed health and pollers' state: what
 * {@code newsflow feeds ...} does, and how a feeds file is imported. Running ingest instances pick changes up.
 */
public final class FeedRegistryClient implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Properties clientProps;
  private final Topics topics;
  private final FeedCodec codec = new FeedCodec();
  private final ObjectMapper mapper = ArticleJson.newMapper();
  private KafkaProducer<String, byte[]> producer;

  /**
   * @param clientProps base Kafka client properties
   * @param topics      topic names
   */
  public FeedRegistryClient(Properties clientProps, Topics topics) {
    this.clientProps = clientProps;
    this.topics = topics;
  }

  /** Registers or changes feeds; returns once Kafka has stored them all. */
  public void put(List<FeedDefinition> feeds) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (FeedDefinition f : feeds) {
      sends.add(producer().send(new ProducerRecord<>(topics.feeds().name(), f.id(), codec.toBytes(f))));
    }
    await(sends);
  }

  /** Removes a feed (a tombstone); returns once Kafka has stored it. */
  public void remove(String feedId) {
    await(List.of(producer().send(new ProducerRecord<>(topics.feeds().name(), feedId, null))));
  }

  /**
   * Every registered feed, by id. Records that are not feed definitions are reported to {@code problems} and
   * skipped, so one bad record does not hide the others.
   */
  public Map<String, FeedDefinition> list(List<String> problems) {
    Map<String, FeedDefinition> out = new java.util.TreeMap<>();
    TopicReader.latest(clientProps, topics.feeds().name(), TIMEOUT).forEach((id, bytes) -> {
      try {
        out.put(id, codec.fromBytes(bytes));
      } catch (IllegalArgumentException e) {
        problems.add("feed record " + id + ": " + e.getMessage());
      }
    });
    return out;
  }

  /** The latest health record of every feed that has one, by feed id; unreadable records go to {@code problems}. */
  public Map<String, FeedHealth> statuses(List<String> problems) {
    return FeedRecords.decode(TopicReader.latest(clientProps, topics.feedStatus().name(), TIMEOUT), FeedHealth.class,
        mapper, (id, why) -> problems.add("status record " + id + ": " + why));
  }

  /** The latest poller state of every feed that has one, by feed id; unreadable records go to {@code problems}. */
  public Map<String, PollerState> states(List<String> problems) {
    return FeedRecords.decode(TopicReader.latest(clientProps, topics.feedPollerState().name(), TIMEOUT),
        PollerState.class, mapper, (id, why) -> problems.add("poller state record " + id + ": " + why));
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Properties p = new Properties();
      p.putAll(clientProps);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  private static void await(List<Future<RecordMetadata>> sends) {
    try {
      for (Future<RecordMetadata> f : sends) {
        f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused the feed registry change: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not confirm the feed registry change within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
