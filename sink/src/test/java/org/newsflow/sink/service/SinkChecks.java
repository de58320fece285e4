package org.newsflow.sink.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.testsupport.Await;

/** What the sink ITs look at from outside: the group's offsets and members, the dead-letter topic, the index. */
final class SinkChecks {

  private final String bootstrapServers;
  private final String openSearchUrl;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  SinkChecks(String bootstrapServers, String openSearchUrl) {
    this.bootstrapServers = bootstrapServers;
    this.openSearchUrl = openSearchUrl;
  }

  Properties client() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }

  /**
   * Producer settings for a test's input: should the broker go on refusing a fresh producer's batches anyway,
   * KafkaInput sends them again from a new producer after 10 s instead of 2 minutes.
   */
  Properties input() {
    Properties p = client();
    p.put("request.timeout.ms", "5000");
    p.put("delivery.timeout.ms", "10000");
    return p;
  }

  /** An article with id {@code %032x} of {@code i}; a latitude of 500 makes OpenSearch reject it. */
  static Article article(int i, double lat) {
    return Article.builder().id(id(i)).url("https://rebalance.invalid/" + i).title("Article " + i)
        .text("Body of article " + i + ". ".repeat(10))
        .published(Instant.parse("2025-01-01T00:00:00Z")).updated(Instant.parse("2025-01-01T01:00:00Z"))
        .entities(List.of(new Entity("Place " + (i % 20), EntityType.LOCATION, "p" + (i % 20), 1, 0.5, Map.of(),
            lat, 10.0, List.of())))
        .build();
  }

  static String id(int i) {
    return String.format("%032x", i);
  }

  /** A consumer with the sink's settings that matter for its rounds: manual commits, read_committed. */
  static KafkaConsumer<byte[], byte[]> sinkConsumer(Properties client, String group, String topic) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  /** A transactional producer with the sink's transaction timeout, its transactions initialised. */
  static KafkaProducer<byte[], byte[]> sinkProducer(Properties client, String transactionalId) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    return producer;
  }

  /** Records of {@code topic} after the group's committed offsets (all of them where nothing is committed). */
  long lag(String group, String topic) {
    return lag(client(), group, topic);
  }

  /** As {@link #lag(String, String)}, with the given client settings; -1 when the broker cannot tell. */
  static long lag(Properties client, String group, String topic) {
    try (Admin admin = Admin.create(client)) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Returns once every partition of {@code topic} answers on its leader. Records sent to a partition the broker has
   * not taken up yet are refused, and a fresh idempotent producer has been seen to go on refusing the batches after
   * them as out of order until its delivery timeout (2 minutes), so the input waits for this.
   */
  void awaitLeaders(String topic) throws InterruptedException {
    Await.until("every partition of " + topic + " on its leader", Duration.ofSeconds(30), () -> {
      try (Admin admin = Admin.create(client())) {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
          latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        admin.listOffsets(latest).all().get();
        return true;
      } catch (Exception e) {
        return false;
      }
    });
  }

  /** The group's committed offset of partition 0 of {@code topic}, -1 for none. */
  long committed(String group, String topic) {
    try (Admin admin = Admin.create(client())) {
      OffsetAndMetadata c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(topic, 0));
      return c == null ? -1 : c.offset();
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Members of the group with partitions, once a rebalance is over; -1 while one is going on. A member learns of a
   * rebalance only at its next heartbeat (3 s apart by default), so a new member's join says little by itself.
   */
  int assignedMembers(String group) {
    try (Admin admin = Admin.create(client())) {
      ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
      if (d.groupState() != GroupState.STABLE) {
        return -1;
      }
      return (int) d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
    } catch (Exception e) {
      return -1;
    }
  }

  /** The keys of the whole dead-letter topic as a {@code read_committed} reader sees them, in no order. */
  List<String> deadLetterKeys(String topic) throws InterruptedException {
    Properties p = client();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = c.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      // read_committed end offsets: the last stable offsets, so an open transaction shows as not readable yet
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      Await.until("the whole dead-letter topic read", Duration.ofSeconds(30), () -> {
        c.poll(Duration.ofMillis(200)).forEach(r -> all.add(new String(r.key(), StandardCharsets.UTF_8)));
        return partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
      }, () -> all.size() + " read");
    }
    return all;
  }

  /** The ids of every document behind {@code alias} (at most 10,000), after a refresh. */
  Set<String> indexedIds(String alias) throws Exception {
    post("/" + alias + "/_refresh", "");
    JsonNode hits = mapper.readTree(post("/" + alias + "/_search",
        "{\"size\":10000,\"_source\":false,\"query\":{\"match_all\":{}}}")).path("hits").path("hits");
    Set<String> ids = new HashSet<>();
    hits.forEach(h -> ids.add(h.path("_id").asText()));
    return ids;
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(openSearchUrl + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
