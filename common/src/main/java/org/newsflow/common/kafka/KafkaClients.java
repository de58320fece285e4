package org.newsflow.common.kafka;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;

/** Builds the base properties every Kafka client of a service starts from. */
public final class KafkaClients {

  private KafkaClients() {
  }

  /**
   * Bootstrap servers and client id from the config, plus every {@code kafka.client.*} pass-through property
   * (security protocol, SASL, TLS ...).
   */
  public static Properties baseProperties(Config config, String clientId) {
    Properties p = new Properties();
    p.putAll(config.passthrough(Config.KAFKA_PASSTHROUGH_PREFIX));
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS)));
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return p;
  }
}
