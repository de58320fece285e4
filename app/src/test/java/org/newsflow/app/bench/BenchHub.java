package org.newsflow.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.newsflow.ingest.websub.HubSignature;

/**
 * A WebSub hub on 127.0.0.1 for the benchmark: verifies subscriptions and pushes a feed's whole document, signed,
 * to its subscriber whenever the benchmark publishes into that feed.
 */
final class BenchHub implements AutoCloseable {

  private record Subscriber(String callback, String secret) {
  }

  private final HttpServer server;
  // platform threads of its own name: virtual threads would run on the carriers ingest's virtual threads use, and
  // the benchmark could not tell the hub's CPU from ingest's
  private final ExecutorService pushes = Executors.newFixedThreadPool(8, Thread.ofPlatform().name("bench-hub-", 0)
      .daemon().factory());
  // the client's own work needs threads of its own: on the push threads, which block in send, it would deadlock
  private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2,
      Thread.ofPlatform().name("bench-hub-client-", 0).daemon().factory())).build();
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final AtomicLong failed = new AtomicLong();

  BenchHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hub", ex -> {
      try (ex) {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(202, -1);
        if ("subscribe".equals(form.get("hub.mode"))) {
          Thread.ofVirtual().start(() -> verify(form.get("hub.topic"), form.get("hub.callback"), form.get("hub.secret")));
        }
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hub");
  }

  int subscribers() {
    return subscribers.size();
  }

  long failedPushes() {
    return failed.get();
  }

  private void verify(String topic, String callback, String secret) {
    String challenge = UUID.randomUUID().toString();
    URI uri = URI.create(callback + "?hub.mode=subscribe&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
        + "&hub.challenge=" + challenge + "&hub.lease_seconds=86400");
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().equals(challenge)) {
        subscribers.put(topic, new Subscriber(callback, secret));
      }
    } catch (IOException | InterruptedException e) {
      failed.incrementAndGet();
    }
  }

  /** Pushes {@code document} to the topic's subscriber, if there is one; returns whether one was there. */
  boolean push(String topic, String document) {
    Subscriber s = subscribers.get(topic);
    if (s == null) {
      return false;
    }
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    pushes.execute(() -> {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(s.callback()))
            .header("Content-Type", "application/rss+xml")
            .header("X-Hub-Signature", HubSignature.sign("sha256", body, s.secret()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
          failed.incrementAndGet();
        }
      } catch (IOException | InterruptedException e) {
        failed.incrementAndGet();
      }
    });
    return true;
  }

  @Override
  public void close() {
    server.stop(0);
    pushes.shutdownNow();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
