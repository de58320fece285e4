package org.newsflow.ingest.publish;

import java.util.List;
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
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.registry.FeedHealth;
import org.newsflow.ingest.registry.PollerState;

/**
 * Writes articles to the raw-articles topic (key: article id), poll results to the feed-status topic and pollers'
 * memory to the poller-state topic (both keyed by feed id) through one idempotent producer with acks=all, so a
 * retried send never duplicates a record.
 */
public final class ArticlePublisher implements ArticleSink, AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final Topics topics;
  private final ArticleJson json;
  private final String statusTopic;
  private final String stateTopic;

  /**
   * @param clientProps base Kafka client properties (bootstrap servers, security)
   * @param topics      topic names
   * @param json        article JSON mapping
   */
  public ArticlePublisher(Properties clientProps, Topics topics, ArticleJson json) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    // the normaliser caps an article at well under 1 MB of JSON; room above Kafka's 1 MB default for it
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_ARTICLE_RECORD_BYTES);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.topics = topics;
    this.json = json;
    this.statusTopic = topics.feedStatus().name();
    this.stateTopic = topics.feedPollerState().name();
  }

  /**
   * Publishes articles and waits until Kafka has acknowledged all of them.
   *
   * @throws PublishException when any send fails after the producer's own retries
   */
  @Override
  public void publish(List<Article> articles) throws PublishException {
    List<Future<RecordMetadata>> sends = articles.stream()
        .map(a -> producer.send(new ProducerRecord<>(topics.articlesRaw().name(), a.id(), json.toBytes(a))))
        .toList();
    await(sends);
  }

  /** Publishes a feed's poll status (fire and forget: the next poll writes a newer one anyway). */
  @Override
  public void publishStatus(FeedHealth status) {
    send(statusTopic, status.feedId(), status);
  }

  /**
   * Publishes a poller's memory, fire and forget like the status: it is sent after the articles it lists were
   * acknowledged, and a lost one costs at most a conditional GET answered in full and a republication, as a crash
   * between the two would.
   */
  @Override
  public void publishState(PollerState state) {
    send(stateTopic, state.feedId(), state);
  }

  private void send(String topic, String feedId, Object value) {
    byte[] bytes;
    try {
      bytes = json.mapper().writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the record of feed " + feedId + " for " + topic, e);
    }
    producer.send(new ProducerRecord<>(topic, feedId, bytes));
  }

  private static void await(List<Future<RecordMetadata>> sends) throws PublishException {
    for (Future<RecordMetadata> f : sends) {
      try {
        f.get(150, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new PublishException("Kafka rejected an article: " + e.getCause().getMessage(), e.getCause());
      } catch (TimeoutException e) {
        throw new PublishException("Kafka did not acknowledge within 150 s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException("interrupted while publishing", e);
      }
    }
  }

  /** Exports the producer's client metrics (send rates, errors, latency) into a meter registry. */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer).bindTo(registry);
  }

  /** Sends everything buffered. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(30));
  }
}
