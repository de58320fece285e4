package org.newsflow.ingest.websub;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsflow.common.config.Config;
import org.newsflow.ingest.fetch.FeedFetcher;

/**
 * Push delivery as one part of the ingest service: the subscriptions topic, the subscriber that keeps them, and the
 * callback endpoint, started with the service and closed with it. Present only when a callback URL is configured.
 */
public final class WebSub implements AutoCloseable {

  private final SubscriptionStore store;
  private final WebSubSubscriber subscriber;
  private final Config config;
  private final Clock clock;
  private final MeterRegistry metrics;
  private CallbackServer server;

  private WebSub(SubscriptionStore store, WebSubSubscriber subscriber, Config config, Clock clock,
                 MeterRegistry metrics) {
    this.store = store;
    this.subscriber = subscriber;
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Push delivery as configured, or empty when {@link WebSubSettings#CALLBACK_URL} is not set.
   *
   * @param clientProps base Kafka client properties
   * @param topic       the subscriptions topic
   * @param fetcher     the feeds' fetcher, through which requests to hubs go
   */
  public static Optional<WebSub> fromConfig(Config config, Properties clientProps, String topic, ObjectMapper mapper,
                                            FeedFetcher fetcher, Clock clock, MeterRegistry metrics) {
    String base = config.get(WebSubSettings.CALLBACK_URL);
    if (base == null) {
      return Optional.empty();
    }
    SubscriptionStore store = new SubscriptionStore(clientProps, topic, mapper, Duration.ofSeconds(30));
    WebSubSubscriber subscriber = new WebSubSubscriber(store, new HubClient(fetcher),
        URI.create(base.trim()), config.get(WebSubSettings.LEASE), config.get(WebSubSettings.RENEW_BEFORE), clock);
    return Optional.of(new WebSub(store, subscriber, config, clock, metrics));
  }

  /** The subscriptions the pollers keep in step. */
  public PushSubscriptions subscriptions() {
    return subscriber;
  }

  /** Starts the callback endpoint, handing verified pushes to {@code receiver}. */
  public void start(PushReceiver receiver) throws IOException {
    server = new CallbackServer(config.get(WebSubSettings.HOST), config.get(WebSubSettings.PORT), store, receiver,
        clock, config.get(WebSubSettings.MAX_BODY), config.get(WebSubSettings.RATE_LIMIT), metrics);
    server.start();
  }

  /** The callback endpoint's port, once started (tests). */
  public int port() {
    return server == null ? -1 : server.port();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    store.close();
  }
}
