package org.newsflow.common.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.newsflow.common.article.ArticleJson;

/**
 * The admin HTTP endpoint of a service: {@code /health/live} (the process answers) and {@code /health/ready}
 * (every service reports ready), as JSON. Further handlers (metrics, console) are added by the caller.
 */
public final class AdminServer implements AutoCloseable {

  private final HttpServer server;
  private final Supplier<List<Service>> services;

  /**
   * Binds the server; it serves once {@link #start()} is called.
   *
   * @param host     address to bind
   * @param port     port, 0 for any free port
   * @param services the services whose health is reported
   */
  public AdminServer(String host, int port, Supplier<List<Service>> services) throws IOException {
    this.services = services;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext("/health/ready", this::ready);
  }

  /** Adds a handler under a path. */
  public void handle(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void ready(HttpExchange ex) throws IOException {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean all = true;
    for (Service s : services.get()) {
      Health h;
      try {
        h = s.health();
      } catch (RuntimeException e) {
        h = Health.down("health check failed: " + e.getMessage());
      }
      all &= h.ready();
      checks.put(s.name(), Map.of("ready", h.ready(), "detail", h.detail()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", all ? "UP" : "DOWN");
    body.put("checks", checks);
    respond(ex, all ? 200 : 503, "application/json", new ArticleJson().write(body));
  }

  /** Writes a complete response. */
  public static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
