package org.newsflow.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.newsflow.common.topics.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when they are missing, and checks that Kafka can be reached. */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {
  }

  /**
   * Creates each missing topic; existing topics are left as they are.
   *
   * @param clientProps base client properties (bootstrap servers ...)
   * @param topics      the topics
   * @param partitions  partitions for new topics
   * @param replication replication factor for new topics, -1 for the broker's default
   * @param timeout     how long to wait for Kafka
   * @throws KafkaUnavailableException when Kafka cannot be reached in time
   */
  public static void ensureTopics(Properties clientProps, Collection<TopicSpec> topics, int partitions,
                                  int replication, Duration timeout) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec t : topics) {
        if (!existing.contains(t.name())) {
          Optional<Short> rf = replication == -1 ? Optional.empty() : Optional.of((short) replication);
          missing.add(new NewTopic(t.name(), Optional.of(partitions), rf).configs(t.configs()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      for (var e : admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("created topic {}", e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw new KafkaUnavailableException("could not create topic " + e.getKey() + ": " + ex.getCause().getMessage(), ex);
          }
        }
      }
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException("Kafka at " + clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
          + " did not answer within " + timeout.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException("Kafka at " + clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
          + " refused: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while talking to Kafka", e);
    }
  }
}
