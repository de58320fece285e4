package org.newsflow.ingest.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub callback endpoint, on a port of its own: {@code GET /websub/FEED} answers a hub's verification of
 * intent, {@code POST /websub/FEED} takes content distribution. Bodies are bounded before they are read, requests
 * beyond the rate limit get 429, and content is accepted only with a valid {@code X-Hub-Signature} under the
 * feed's secret. A body that is unsigned or wrongly signed gets a 2xx all the same, as WebSub requires (so a forger
 * learns nothing), and is dropped and counted.
 */
public final class CallbackServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);
  /** The path prefix; the rest of the path is the feed id. */
  public static final String PATH = "/websub/";

  private final SubscriptionStore store;
  private final PushReceiver receiver;
  private final Clock clock;
  private final long maxBodyBytes;
  private final RateLimit rateLimit;
  private final MeterRegistry metrics;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  /** Threads taking pushed content through ingest; one feed's pushes stay in order on one of them. */
  static final int DELIVERY_LANES = 8;

  private final DeliveryLanes deliveries = new DeliveryLanes(DELIVERY_LANES);

  /**
   * @param host         address to bind
   * @param port         port, 0 for any free one
   * @param maxBodyBytes largest pushed body accepted
   * @param perSecond    requests a second accepted on average
   */
  public CallbackServer(String host, int port, SubscriptionStore store, PushReceiver receiver, Clock clock,
                        long maxBodyBytes, double perSecond, MeterRegistry metrics) throws IOException {
    this.store = store;
    this.receiver = receiver;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.rateLimit = new RateLimit(perSecond, System::nanoTime);
    this.metrics = metrics;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.createContext(PATH, this::handle);
    server.setExecutor(handlers);
  }

  /** Starts serving. */
  public void start() {
    server.start();
    LOG.info("WebSub callback endpoint on {}:{}{}", server.getAddress().getHostString(), port(), PATH);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      if (!rateLimit.tryAcquire()) {
        ex.getResponseHeaders().set("Retry-After", "1");
        respond(ex, 429, "rate limited", "rate-limited");
        return;
      }
      String feedId = ex.getRequestURI().getRawPath().substring(PATH.length());
      Optional<Subscription> subscription = feedId.isEmpty() || feedId.contains("/") ? Optional.empty()
          : store.get(feedId);
      switch (ex.getRequestMethod()) {
        case "GET" -> verify(ex, feedId, subscription);
        case "POST" -> deliver(ex, subscription);
        default -> respond(ex, 405, "GET or POST", "bad-method");
      }
    } catch (IllegalArgumentException e) {
      respond(ex, 400, "malformed request", "bad-request");
    } catch (RuntimeException e) {
      LOG.warn("WebSub callback failed: {}", e.toString());
      respond(ex, 500, "error", "error");
    } finally {
      ex.close();
    }
  }

  private void verify(HttpExchange ex, String feedId, Optional<Subscription> subscription) throws IOException {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String mode = q.getOrDefault("hub.mode", "");
    String topic = q.get("hub.topic");
    String challenge = q.get("hub.challenge");
    boolean ours = subscription.isPresent() && subscription.get().topic().equals(topic);
    switch (mode) {
      case "subscribe" -> {
        if (!ours || challenge == null || subscription.get().state() == Subscription.State.FAILED) {
          respond(ex, 404, "no such subscription", "verify-refused");
          return;
        }
        long lease = parseLease(q.get("hub.lease_seconds"));
        store.put(subscription.get().verified(clock.instant(), lease));
        LOG.info("WebSub subscription of feed {} verified by {} for {} s", feedId, subscription.get().hub(), lease);
        respond(ex, 200, challenge, "verified");
      }
      case "unsubscribe" -> {
        // confirm only what we no longer want: an unsubscribe for a live subscription is not ours
        if (challenge == null || (ours && subscription.get().state() != Subscription.State.FAILED)) {
          respond(ex, 404, "subscription is wanted", "verify-refused");
          return;
        }
        respond(ex, 200, challenge, "unsubscribed");
      }
      case "denied" -> {
        if (ours) {
          store.put(subscription.get().failed("denied by hub: " + q.getOrDefault("hub.reason", "no reason given")));
          LOG.warn("WebSub hub {} denied the subscription of feed {}: {}", subscription.get().hub(), feedId,
              q.getOrDefault("hub.reason", "no reason given"));
        }
        respond(ex, 200, "", "denied");
      }
      default -> respond(ex, 400, "hub.mode must be subscribe, unsubscribe or denied", "bad-request");
    }
  }

  private void deliver(HttpExchange ex, Optional<Subscription> subscription) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && parseLong(length) > maxBodyBytes) {
      respond(ex, 413, "body larger than " + maxBodyBytes + " bytes", "too-large");
      return;
    }
    byte[] body = readBounded(ex.getRequestBody());
    if (body == null) {
      respond(ex, 413, "body larger than " + maxBodyBytes + " bytes", "too-large");
      return;
    }
    if (subscription.isEmpty() || subscription.get().state() == Subscription.State.FAILED) {
      respond(ex, 410, "not subscribed", "not-subscribed");
      return;
    }
    Subscription s = subscription.get();
    if (!HubSignature.verify(ex.getRequestHeaders().getFirst("X-Hub-Signature"), body, s.secret())) {
      LOG.warn("WebSub content for feed {} dropped: missing or invalid X-Hub-Signature", s.feedId());
      respond(ex, 202, "", "bad-signature");
      return;
    }
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    deliveries.execute(s.feedId(), () -> {
      try {
        receiver.accept(s, body, contentType);
      } catch (RuntimeException e) {
        LOG.warn("pushed content for feed {} could not be handled: {}", s.feedId(), e.toString());
      }
    });
    respond(ex, 202, "", "accepted");
  }

  private byte[] readBounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    return body.length > maxBodyBytes ? null : body;
  }

  private void respond(HttpExchange ex, int status, String body, String outcome) throws IOException {
    metrics.counter("newsflow.websub.callbacks", "outcome", outcome).increment();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static long parseLease(String text) {
    long lease = parseLong(text);
    return lease > 0 ? lease : 86_400;
  }

  private static long parseLong(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.length() > 16_384) {
      return out;
    }
    for (String pair : raw.split("&", 32)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    deliveries.close();
  }
}
