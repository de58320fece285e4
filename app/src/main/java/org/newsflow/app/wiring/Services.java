package org.newsflow.app.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.newsflow.app.console.ConsoleService;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.kafka.KafkaClients;
import org.newsflow.common.config.ConfigException;
import org.newsflow.common.kafka.KafkaUnavailableException;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.common.runtime.ServiceRunner;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.enrich.service.EnrichSettings;
import org.newsflow.enrich.tagging.ArticleEnricher;
import org.newsflow.enrich.tagging.shipped.DefaultTaggers;
import org.newsflow.enrich.topology.EnrichOptions;
import org.newsflow.enrich.topology.EnrichTopology;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchOptions;
import org.newsflow.ingest.publish.ArticlePublisher;
import org.newsflow.ingest.registry.FeedDefinition;
import org.newsflow.ingest.service.IngestService;
import org.newsflow.ingest.service.IngestSettings;
import org.newsflow.ingest.websub.WebSubSettings;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.opensearch.OpenSearchSettings;
import org.newsflow.sink.service.SinkService;
import org.newsflow.sink.service.SinkSettings;

/**
 * Builds each stage for the commands from a validated {@link Config}, and lists every declared setting. Each
 * stage's own settings class and factory (for example {@code IngestService.create},
 * {@code EnrichService.streamsProperties}, {@code EnrichSettings.clusterParams}) turn that stage's settings into its parts.
 */
public final class Services {

  private Services() {
  }

  /** Every setting any newsflow command reads. */
  public static List<Setting<?>> allSettings() {
    return concat(CommonSettings.all(), IngestSettings.all(), EnrichSettings.all(), OpenSearchSettings.all(),
        SinkSettings.all(), WebSubSettings.all(), UpSettings.all());
  }

  @SafeVarargs
  private static List<Setting<?>> concat(List<Setting<?>>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  /** The topic names of a config. */
  public static Topics topics(Config config) {
    return new Topics(config.get(CommonSettings.TOPIC_PREFIX));
  }

  /** Creates the pipeline's topics if missing; fails with a clear message when Kafka is unreachable. */
  public static void ensureTopics(Config config) {
    try {
      TopicAdmin.ensureTopics(KafkaClients.baseProperties(config, "newsflow-admin"), topics(config).all(),
          config.get(CommonSettings.TOPIC_PARTITIONS), config.get(CommonSettings.TOPIC_REPLICATION),
          config.get(CommonSettings.KAFKA_STARTUP_TIMEOUT));
    } catch (KafkaUnavailableException e) {
      throw new ConfigException("setting '" + CommonSettings.KAFKA_BOOTSTRAP_SERVERS.key() + "' = "
          + String.join(",", config.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS)) + " (from "
          + config.source(CommonSettings.KAFKA_BOOTSTRAP_SERVERS) + "): " + e.getMessage() + ". Fix: start the Kafka "
          + "brokers or set " + CommonSettings.KAFKA_BOOTSTRAP_SERVERS.key() + " (or "
          + CommonSettings.KAFKA_BOOTSTRAP_SERVERS.envName() + ") to brokers this machine can reach; security settings "
          + "go under kafka.client.* (e.g. kafka.client.security.protocol).", e);
    }
  }

  /** The fetcher configured by the ingest settings. */
  public static FeedFetcher fetcher(Config config) {
    return new FeedFetcher(new FetchOptions(config.get(IngestSettings.CONNECT_TIMEOUT), config.get(IngestSettings.TOTAL_TIMEOUT),
        config.get(IngestSettings.MAX_BODY), config.get(IngestSettings.USER_AGENT), config.get(IngestSettings.ALLOW_FILES),
        config.get(IngestSettings.ALLOWED_INTERNAL)));
  }

  /** The ingest service: imports the feeds into the registry (news.feeds) and polls its share of it. */
  public static IngestService ingest(Config config, List<FeedDefinition> feeds, MeterRegistry metrics) {
    Properties props = KafkaClients.baseProperties(config, "newsflow-ingest");
    ArticlePublisher publisher = new ArticlePublisher(props, topics(config), new ArticleJson());
    return IngestService.create(config, props, topics(config), feeds, fetcher(config), publisher, metrics);
  }

  /** The enricher with the shipped models. */
  public static ArticleEnricher enricher() {
    return DefaultTaggers.enricher(Clock.systemUTC());
  }

  /** The enrich service; tagging time goes to the timer {@code newsflow.enrich.tagging}. */
  public static EnrichService enrich(Config config, ArticleEnricher enricher, MeterRegistry metrics) {
    Topics topics = topics(config);
    Timer tagging = Timer.builder("newsflow.enrich.tagging").description("Time to tag one article")
        .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofNanos(100_000))
        .maximumExpectedValue(java.time.Duration.ofSeconds(5)).register(metrics);
    ArticleEnricher timed = enricher.withTimingListener(nanos -> tagging.record(nanos, TimeUnit.NANOSECONDS));
    return new EnrichService(EnrichTopology.build(topics, timed,
        new EnrichOptions(config.get(EnrichSettings.ROUTE_BY_TOPIC), config.get(EnrichSettings.REVISION_WINDOW)),
        EnrichSettings.clusterParams(config),
        new ArticleJson()),
        EnrichService.streamsProperties(config, topics), metrics);
  }

  /** The sink service. */
  public static SinkService sink(Config config, MeterRegistry metrics) {
    return new SinkService(KafkaClients.baseProperties(config, "newsflow-sink"), config.get(SinkSettings.GROUP_ID),
        config.get(SinkSettings.INSTANCE_ID), topics(config), OpenSearchConnection.fromConfig(config), config.get(OpenSearchSettings.ALIAS),
        config.get(SinkSettings.BATCH_DOCS), config.get(SinkSettings.BATCH_BYTES), config.get(SinkSettings.MAX_IN_FLIGHT),
        config.get(SinkSettings.MAX_BACKOFF), config.get(SinkSettings.REFRESH_INTERVAL), metrics);
  }

  /**
   * Starts the admin HTTP server (health, metrics) for the runner's services on the configured port or the
   * command's default.
   */
  public static AdminServer admin(Config config, int defaultPort, ServiceRunner runner, Telemetry telemetry)
      throws Exception {
    ConsoleService console = new ConsoleService(KafkaClients.baseProperties(config, "newsflow-console"),
        topics(config).feedStatus().name(), OpenSearchConnection.fromConfig(config), config.get(OpenSearchSettings.ALIAS),
        telemetry.registry());
    runner.start(console);
    int port = config.get(CommonSettings.ADMIN_PORT);
    AdminServer admin = new AdminServer(config.get(CommonSettings.ADMIN_HOST), port == -1 ? defaultPort : port, runner::services);
    telemetry.exposeOn(admin);
    console.exposeOn(admin);
    admin.start();
    return admin;
  }
}
