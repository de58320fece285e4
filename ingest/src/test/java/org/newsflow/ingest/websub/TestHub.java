package org.newsflow.ingest.websub;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A WebSub hub for tests, on 127.0.0.1: takes subscription requests (202), verifies each subscriber's intent by
 * calling its callback with a challenge, and pushes content signed with the subscriber's secret (or, on request,
 * badly signed or unsigned).
 */
final class TestHub implements AutoCloseable {

  /** A subscription request as the hub received it, and whether the subscriber then confirmed it. */
  record Request(String mode, String topic, String callback, String secret, long leaseSeconds, boolean verified) {
  }

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Request> subscribers = new ConcurrentHashMap<>();
  private final long grantedLeaseSeconds;

  /** A hub that grants leases of {@code grantedLeaseSeconds} whatever the subscriber asks. */
  TestHub(long grantedLeaseSeconds) throws IOException {
    this.grantedLeaseSeconds = grantedLeaseSeconds;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hub", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hub");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(202, -1);
      String mode = form.get("hub.mode");
      String callback = form.get("hub.callback");
      Thread.ofVirtual().start(() -> verify(mode, form.get("hub.topic"), callback, form.get("hub.secret")));
    }
  }

  /** Verification of intent, as a hub does after accepting a request. */
  private void verify(String mode, String topic, String callback, String secret) {
    String challenge = UUID.randomUUID().toString();
    String query = "hub.mode=" + enc(mode) + "&hub.topic=" + enc(topic) + "&hub.challenge=" + enc(challenge)
        + (mode.equals("subscribe") ? "&hub.lease_seconds=" + grantedLeaseSeconds : "");
    boolean ok;
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(callback + "?" + query)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      ok = r.statusCode() / 100 == 2 && r.body().equals(challenge);
    } catch (IOException | InterruptedException e) {
      ok = false;
    }
    Request request = new Request(mode, topic, callback, secret, grantedLeaseSeconds, ok);
    requests.add(request);
    if (ok && mode.equals("subscribe")) {
      subscribers.put(topic, request);
    } else if (ok) {
      subscribers.remove(topic);
    }
  }

  /** Pushes {@code body} to the topic's verified subscriber, signed as {@code signing} says; returns the status. */
  int publish(String topic, String body, Signing signing) throws IOException, InterruptedException {
    Request s = subscribers.get(topic);
    if (s == null) {
      throw new IllegalStateException("no verified subscriber for " + topic);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.callback()))
        .header("Content-Type", "application/atom+xml").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    switch (signing) {
      case GOOD -> b.header("X-Hub-Signature", HubSignature.sign("sha256", bytes, s.secret()));
      case WRONG_SECRET -> b.header("X-Hub-Signature", HubSignature.sign("sha256", bytes, s.secret() + "x"));
      case NONE -> { }
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** How a pushed body is signed. */
  enum Signing { GOOD, WRONG_SECRET, NONE }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
