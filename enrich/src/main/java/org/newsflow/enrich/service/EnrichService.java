package org.newsflow.enrich.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.kafka.KafkaClients;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology as a Kafka Streams application; ready while Streams is RUNNING. To scale out, run more
 * instances with the same {@code enrich.application.id}: Streams spreads the raw topic's partitions over them and moves
 * tasks (with their state, restored from the changelogs) when one leaves; see docs/enrich.md.
 */
public final class EnrichService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final Topology topology;
  private final Properties props;
  private final MeterRegistry metrics;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;

  /**
   * @param topology the topology from {@link org.newsflow.enrich.topology.EnrichTopology#build}
   * @param props    Streams properties, see {@link #streamsProperties(Config, Topics)}
   */
  public EnrichService(Topology topology, Properties props) {
    this(topology, props, null);
  }

  /** As {@link #EnrichService(Topology, Properties)}, exporting the Streams metrics into a meter registry. */
  public EnrichService(Topology topology, Properties props, MeterRegistry metrics) {
    this.topology = topology;
    this.props = props;
    this.metrics = metrics;
  }

  /**
   * The Streams properties of a service: exactly-once by default, state under the data directory, poison records
   * (undeserialisable or failing in processing) logged and sent to the dead-letter topic by Streams itself.
   */
  public static Properties streamsProperties(Config config, Topics topics) {
    Properties p = KafkaClients.baseProperties(config, config.get(EnrichSettings.APPLICATION_ID));
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(EnrichSettings.APPLICATION_ID));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(EnrichSettings.GUARANTEE));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(EnrichSettings.THREADS));
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.get(CommonSettings.DATA_DIR).resolve("streams").toAbsolutePath().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(CommonSettings.TOPIC_REPLICATION));
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // an enriched article is the raw one (capped by ingest) plus its tags: the producer and the internal topics
    // (repartition, changelogs) must take what the article topics take, not Kafka's 1 MB default
    p.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        Topics.MAX_ARTICLE_RECORD_BYTES);
    p.put(StreamsConfig.topicPrefix(org.apache.kafka.common.config.TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
        String.valueOf(Topics.MAX_ARTICLE_RECORD_BYTES));
    p.putAll(config.passthrough(Config.STREAMS_PASSTHROUGH_PREFIX));
    return p;
  }

  @Override
  public String name() {
    return "enrich";
  }

  @Override
  public void start() {
    streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("enrich streams {} -> {}", before, now));
    if (metrics != null) {
      streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(metrics);
    }
    streams.start();
  }

  /** The running Streams instance (for interactive queries), or null before start. */
  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public Health health() {
    if (streams == null) {
      return Health.down("not started");
    }
    KafkaStreams.State s = streams.state();
    return s == KafkaStreams.State.RUNNING ? Health.up(s.name()) : Health.down(s.name());
  }

  @Override
  public void close() {
    if (streams != null) {
      // leaving the group lets a restarted or remaining instance take the partitions at once instead of after
      // the session timeout (Streams stays in the group on close by default)
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      streams = null;
      if (streamsMetrics != null) {
        streamsMetrics.close();
      }
    }
  }
}
