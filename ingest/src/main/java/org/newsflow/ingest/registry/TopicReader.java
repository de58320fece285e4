package org.newsflow.ingest.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a compacted topic from the beginning to its current end, outside any consumer group, and returns the latest
 * value per key (tombstones remove the key). Used to load the feed registry and the feed statuses.
 */
public final class TopicReader {

  private TopicReader() {
  }

  /**
   * The latest value per key.
   *
   * @param clientProps base client properties
   * @param topic       the topic
   * @param timeout     how long to wait for the whole read
   * @throws IllegalStateException when the end is not reached in time
   */
  public static Map<String, byte[]> latest(Properties clientProps, String topic, Duration timeout) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic, timeout).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          if (r.value() == null) {
            out.remove(r.key());
          } else {
            out.put(r.key(), r.value());
          }
        }
      }
    }
    return out;
  }

  /** How many keys have a live value (tests and tools). */
  public static int latestCount(Properties clientProps, String topic, Duration timeout) {
    return latest(clientProps, topic, timeout).size();
  }

  /** How many records the topic holds from its beginning, duplicates included (tests and tools). */
  public static int count(Properties clientProps, String topic, Duration timeout) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    int n = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic, timeout).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
        n += consumer.poll(Duration.ofMillis(200)).count();
      }
    }
    return n;
  }

  static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
