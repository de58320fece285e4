package org.newsflow.sink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.testsupport.Await;
import org.newsflow.testsupport.KafkaInput;

/**
 * What one round's commit costs the sink loop (which waits for it), on the in-process broker: {@code commitSync} of
 * the round's offsets (the sink before 2026-12-02) against a transaction with the offsets only (a round without
 * dead letters now) and a transaction with one dead letter and the offsets. The three alternate, commit by commit,
 * so all see the same machine state; prints the median and 90th percentile of each in milliseconds.
 *
 * <pre>scripts/run-main.sh sink org.newsflow.sink.bench.CommitBenchmark 300</pre>
 */
public final class CommitBenchmark {

  private CommitBenchmark() {
  }

  /** Args: commits of each kind (default 300), the producer's {@code retry.backoff.ms} (default Kafka's). */
  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    String retryBackoff = args.length > 1 ? args[1] : null;
    Path dir = Files.createTempDirectory("commit-bench");
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      Properties client = new Properties();
      client.put("bootstrap.servers", kafka.bootstrapServers());
      Topics topics = new Topics("bench");
      TopicAdmin.ensureTopics(client, List.of(topics.articlesEnriched(), topics.deadLetters()), 3, 1,
          Duration.ofSeconds(30));
      String input = topics.articlesEnriched().name();
      List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        records.add(new ProducerRecord<>(input, "k" + i, new byte[100]));
      }
      KafkaInput.sendAll(client, records);

      Properties cp = new Properties();
      cp.putAll(client);
      cp.put(ConsumerConfig.GROUP_ID_CONFIG, "commit-bench");
      cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      Properties pp = new Properties();
      pp.putAll(client);
      pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "commit-bench-1");
      pp.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
      if (retryBackoff != null) {
        pp.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, retryBackoff);
      }
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
           KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer.initTransactions();
        consumer.subscribe(List.of(input));
        int[] read = {0};
        Await.until("the records read", Duration.ofSeconds(60), () -> {
          read[0] += consumer.poll(Duration.ofMillis(200)).count();
          return read[0] >= records.size();
        });
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topics.deadLetters().name(),
            "k".getBytes(), new byte[4_000]);
        long[] sync = new long[commits];
        long[] txOffsets = new long[commits];
        long[] txLetter = new long[commits];
        for (int i = -50; i < commits; i++) {
          long t0 = System.nanoTime();
          consumer.commitSync(offsets);
          long t1 = System.nanoTime();
          producer.beginTransaction();
          producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
          producer.commitTransaction();
          long t2 = System.nanoTime();
          producer.beginTransaction();
          producer.send(deadLetter);
          producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
          producer.commitTransaction();
          long t3 = System.nanoTime();
          if (i >= 0) {
            sync[i] = t1 - t0;
            txOffsets[i] = t2 - t1;
            txLetter[i] = t3 - t2;
          }
          // the sink polls between its commits, which keeps the group membership alive here too
          consumer.poll(Duration.ZERO);
        }
        System.out.printf("%d commits of each kind after 50 warm-up ones, ms median / p90: commitSync %s, "
            + "transaction with the offsets %s, transaction with a dead letter and the offsets %s%n", commits,
            stats(sync), stats(txOffsets), stats(txLetter));
      }
    }
  }

  private static String stats(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format("%.2f / %.2f", s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6);
  }
}
