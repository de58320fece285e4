package org.newsflow.sink.service;

import org.opensearch.testcontainers.OpenSearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The same sink test against Kafka and OpenSearch in Docker containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SinkServiceContainersIT extends AbstractSinkServiceIT {

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"));

  @Container
  static final OpenSearchContainer<?> OPENSEARCH =
      new OpenSearchContainer<>(DockerImageName.parse("opensearchproject/opensearch:3.3.0"));

  @Override
  String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }

  @Override
  String openSearchUrl() {
    return OPENSEARCH.getHttpHostAddress();
  }
}
