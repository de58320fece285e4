package org.newsflow.ingest.websub;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of every feed, kept in the compacted subscriptions topic and mirrored in memory. Each
 * instance tails the whole topic, so when a feed moves to another instance, the new owner already knows its hub,
 * secret and lease, and a push that reaches any instance can be checked against the feed's secret.
 */
public final class SubscriptionStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);

  private final String topic;
  private final ObjectMapper mapper;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Subscription> byFeed = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread tail;

  /**
   * Reads the topic to its end, then keeps following it on a thread of its own.
   *
   * @param clientProps base Kafka client properties
   * @param topic       the subscriptions topic
   * @param mapper      JSON mapper with Java time support
   * @param timeout     how long the initial read may take
   */
  public SubscriptionStore(Properties clientProps, String topic, ObjectMapper mapper, Duration timeout) {
    this.topic = topic;
    this.mapper = mapper;
    Properties pp = new Properties();
    pp.putAll(clientProps);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
    Properties cp = new Properties();
    cp.putAll(clientProps);
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer());
    var parts = consumer.partitionsFor(topic, timeout).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        consumer.close();
        producer.close();
        throw new IllegalStateException("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
      }
      consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
    }
    this.tail = Thread.ofPlatform().daemon().name("websub-subscriptions").start(this::follow);
  }

  private void follow() {
    try {
      while (running.get()) {
        consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("stopped following {}: {}", topic, e.toString());
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      byFeed.remove(r.key());
      return;
    }
    try {
      byFeed.put(r.key(), mapper.readValue(r.value(), Subscription.class));
    } catch (IOException e) {
      LOG.warn("ignoring unreadable subscription record for feed {} in {}: {}", r.key(), topic, e.getMessage());
    }
  }

  /** The feed's subscription as last recorded by any instance. */
  public Optional<Subscription> get(String feedId) {
    return Optional.ofNullable(byFeed.get(feedId));
  }

  /** Records a subscription (visible here at once, to other instances once written). */
  public void put(Subscription s) {
    byFeed.put(s.feedId(), s);
    try {
      producer.send(new ProducerRecord<>(topic, s.feedId(), mapper.writeValueAsBytes(s)), (m, e) -> {
        if (e != null) {
          LOG.warn("could not record the subscription of feed {}: {}", s.feedId(), e.toString());
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("subscription not serialisable", e);
    }
  }

  /** Forgets a feed's subscription (the feed was removed). */
  public void remove(String feedId) {
    byFeed.remove(feedId);
    producer.send(new ProducerRecord<>(topic, feedId, null));
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      tail.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
