package org.newsflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a test's or benchmark's input records to Kafka and makes sure every one arrived. Right after a topic is
 * created, the broker has been seen refusing a fresh idempotent producer's first batches
 * ({@code OutOfOrderSequenceException}); unchecked sends then lose input silently, and the test fails later for a
 * reason that has nothing to do with what it tests. So every send is checked, and refused records are sent again
 * from a new producer, up to three rounds.
 */
public final class KafkaInput {
  private static final int ROUNDS = 3;

  private KafkaInput() {}

  /**
   * Sends {@code records} with a producer built from {@code producerProps} and returns once the broker has
   * acknowledged all of them; throws {@link IllegalStateException} when some are still refused after three rounds.
   * Records sent again may land after later ones, so callers must not depend on the order across a refusal.
   */
  public static void sendAll(Properties producerProps, List<ProducerRecord<String, byte[]>> records)
      throws InterruptedException {
    List<ProducerRecord<String, byte[]>> pending = records;
    for (int round = 1; !pending.isEmpty(); round++) {
      List<ProducerRecord<String, byte[]>> refused = new ArrayList<>();
      ExecutionException last = null;
      try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
        for (ProducerRecord<String, byte[]> record : pending) {
          sent.add(producer.send(record));
        }
        producer.flush();
        for (int k = 0; k < sent.size(); k++) {
          try {
            sent.get(k).get();
          } catch (ExecutionException e) {
            refused.add(pending.get(k));
            last = e;
          }
        }
      }
      if (!refused.isEmpty()) {
        if (round == ROUNDS) {
          throw new IllegalStateException(refused.size() + " of " + records.size() + " input records refused "
              + ROUNDS + " times", last);
        }
        System.out.printf("input: the broker refused %d of %d records (%s); sending them again%n",
            refused.size(), pending.size(), last.getCause());
      }
      pending = refused;
    }
  }
}
