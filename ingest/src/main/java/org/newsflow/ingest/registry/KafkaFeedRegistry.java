package org.newsflow.ingest.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the feed registry. Ingest instances join one consumer group on the compacted news.feeds
 * topic; each polls the feeds of the partitions it is assigned. On assignment a partition is read from its
 * beginning (the compacted topic is the whole registry), the feeds' pollers' memory is loaded from
 * news.feed-poller-state and their promised next polls from news.feed-status, and the feeds are handed to the
 * listener; later records (new feeds, changes, tombstones) apply as they arrive,
 * so running instances pick up registry changes without a restart. When an instance leaves or dies, the group
 * rebalances and its partitions, with their feeds, go to the others. Offsets are never committed: every assignment
 * rereads its partitions.
 */
public final class KafkaFeedRegistry implements FeedSource {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedRegistry.class);

  private final Properties clientProps;
  private final Topics topics;
  private final String groupId;
  private final Duration sessionTimeout;
  private final List<FeedDefinition> imports;
  private final FeedCodec codec = new FeedCodec();
  private final ObjectMapper mapper = ArticleJson.newMapper();
  private volatile boolean running;
  private KafkaConsumer<String, byte[]> consumer;
  private Thread thread;
  private FeedRegistryClient writer;

  /**
   * @param clientProps    base Kafka client properties
   * @param topics         topic names
   * @param groupId        consumer group shared by the ingest instances
   * @param sessionTimeout how long a silent instance keeps its feeds before the others take them over
   * @param imports        feeds (from a feeds file) written to the registry when starting; registered feeds not in
   *                       the list stay registered
   */
  public KafkaFeedRegistry(Properties clientProps, Topics topics, String groupId, Duration sessionTimeout,
                           List<FeedDefinition> imports) {
    this.clientProps = clientProps;
    this.topics = topics;
    this.groupId = groupId;
    this.sessionTimeout = sessionTimeout;
    this.imports = List.copyOf(imports);
  }

  @Override
  public void start(FeedListener listener) {
    if (!imports.isEmpty()) {
      try (FeedRegistryClient client = new FeedRegistryClient(clientProps, topics)) {
        client.put(imports);
      }
      LOG.info("imported {} feeds into {}", imports.size(), topics.feeds().name());
    }
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
    p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = Thread.ofPlatform().name("feed-registry").daemon().start(() -> run(listener));
  }

  private void run(FeedListener listener) {
    // feeds per partition this instance owns; partitions still being read from the start are "loading"
    Map<TopicPartition, Map<String, FeedDefinition>> owned = new HashMap<>();
    Map<TopicPartition, Long> loading = new HashMap<>();
    try {
      consumer.subscribe(List.of(topics.feeds().name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
          drop(partitions);
        }

        private void drop(Collection<TopicPartition> partitions) {
          for (TopicPartition tp : partitions) {
            loading.remove(tp);
            Map<String, FeedDefinition> feeds = owned.remove(tp);
            if (feeds != null) {
              feeds.keySet().forEach(listener::remove);
              LOG.info("handed over {} feeds of {}", feeds.size(), tp);
            }
          }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (partitions.isEmpty()) {
            return;
          }
          consumer.seekToBeginning(partitions);
          Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
          for (TopicPartition tp : partitions) {
            owned.put(tp, new LinkedHashMap<>());
            loading.put(tp, end.getOrDefault(tp, 0L));
          }
        }
      });
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          Map<String, FeedDefinition> feeds = owned.get(tp);
          if (feeds == null || r.key() == null) {
            continue;
          }
          boolean live = !loading.containsKey(tp);
          if (r.value() == null) {
            if (feeds.remove(r.key()) != null && live) {
              listener.remove(r.key());
            }
            continue;
          }
          FeedDefinition def;
          try {
            def = codec.fromBytes(r.value());
          } catch (IllegalArgumentException e) {
            LOG.error("skipping bad feed record {} at {}@{}: {}", r.key(), tp, r.offset(), e.getMessage());
            continue;
          }
          if (!def.id().equals(r.key())) {
            def = new FeedDefinition(r.key(), def.url(), def.name(), def.interval(), def.tags());
          }
          FeedDefinition before = feeds.put(def.id(), def);
          if (live && !def.equals(before)) {
            listener.upsert(def, null, null);
          }
        }
        finishLoading(owned, loading, listener);
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException e) {
      LOG.error("feed registry consumer stopped: {}", e.toString(), e);
    } finally {
      owned.values().forEach(feeds -> feeds.keySet().forEach(listener::remove));
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void finishLoading(Map<TopicPartition, Map<String, FeedDefinition>> owned, Map<TopicPartition, Long> loading,
                             FeedListener listener) {
    if (loading.isEmpty()) {
      return;
    }
    Set<TopicPartition> done = new HashSet<>();
    for (var e : loading.entrySet()) {
      if (consumer.position(e.getKey()) >= e.getValue()) {
        done.add(e.getKey());
      }
    }
    if (done.isEmpty()) {
      return;
    }
    Map<String, byte[]> health = latest(topics.feedStatus().name());
    Map<String, PollerState> states = restoredStates(health);
    Map<String, FeedHealth> promised = FeedRecords.decode(health, FeedHealth.class, mapper,
        KafkaFeedRegistry::unreadable);
    int count = 0;
    for (TopicPartition tp : done) {
      loading.remove(tp);
      for (FeedDefinition f : owned.get(tp).values()) {
        FeedHealth h = promised.get(f.id());
        Instant nextPoll = h == null ? null : h.nextPoll();
        listener.upsert(f, states.get(f.id()), nextPoll);
        count++;
      }
    }
    LOG.info("took over {} feeds from {} partition(s) of {}", count, done.size(), topics.feeds().name());
  }

  /**
   * Every feed's poller state. A status written before health and memory were split carries the memory under the
   * same names: it stands in for a feed without a state record, so an upgrade neither refetches in full nor
   * republishes.
   */
  private Map<String, PollerState> restoredStates(Map<String, byte[]> health) {
    Map<String, byte[]> memory = latest(topics.feedPollerState().name());
    Map<String, byte[]> legacy = new HashMap<>(health);
    legacy.keySet().removeAll(memory.keySet());
    Map<String, PollerState> states = new HashMap<>(FeedRecords.decode(legacy, PollerState.class, mapper,
        KafkaFeedRegistry::unreadable));
    states.putAll(FeedRecords.decode(memory, PollerState.class, mapper, KafkaFeedRegistry::unreadable));
    return states;
  }

  /** The latest record per feed of a compacted topic, none when it cannot be read. */
  private Map<String, byte[]> latest(String topic) {
    try {
      return TopicReader.latest(clientProps, topic, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      // without their memory the feeds still run: they refetch unconditionally and may republish once
      LOG.error("could not read {}, starting feeds without what it holds: {}", topic, e.getMessage());
      return Map.of();
    }
  }

  private static void unreadable(String feedId, String why) {
    LOG.warn("ignoring an unreadable record of feed {}: {}", feedId, why);
  }

  @Override
  public void moved(FeedDefinition feed, String newUrl) {
    try {
      writer().put(List.of(new FeedDefinition(feed.id(), newUrl, feed.name(), feed.interval(), feed.tags())));
      LOG.info("feed {} moved permanently: registry now says {}", feed.id(), newUrl);
    } catch (RuntimeException e) {
      // the poller already uses the new URL and its state records it; the registry catches up on the next move
      LOG.warn("could not store the new URL {} of feed {}: {}", newUrl, feed.id(), e.getMessage());
    }
  }

  private synchronized FeedRegistryClient writer() {
    if (writer == null) {
      writer = new FeedRegistryClient(clientProps, topics);
    }
    return writer;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (writer != null) {
        writer.close();
      }
    }
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
