package org.newsflow.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest status of every feed, read from the compacted feed-status topic into memory (no consumer group:
 * each console reads the whole topic), so any service's console can show feed health.
 */
public final class FeedStatusView implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(FeedStatusView.class);

  private final Properties props;
  private final String topic;
  private final ObjectMapper mapper;
  private final Map<String, JsonNode> latest = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  /**
   * @param clientProps base Kafka client properties
   * @param topic       the feed-status topic
   * @param mapper      JSON mapper
   */
  public FeedStatusView(Properties clientProps, String topic, ObjectMapper mapper) {
    this.props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.topic = topic;
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "feed-status-view";
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("feed-status-view").start(this::run);
  }

  private void run() {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer = c;
      List<TopicPartition> partitions = new ArrayList<>();
      while (running && partitions.isEmpty()) {
        c.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      c.assign(partitions);
      c.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            latest.remove(r.key());
          } else {
            try {
              latest.put(r.key(), mapper.readTree(r.value()));
            } catch (Exception e) {
              LOG.debug("unreadable feed status for {}", r.key());
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("feed status view stopped: {}", e.toString());
    }
  }

  /** The latest status of each feed, most recently polled first. */
  public List<JsonNode> statuses() {
    List<JsonNode> out = new ArrayList<>(latest.values());
    out.sort((a, b) -> b.path("lastAttempt").asText("").compareTo(a.path("lastAttempt").asText("")));
    return out;
  }

  @Override
  public Health health() {
    return Health.up(latest.size() + " feeds known");
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
