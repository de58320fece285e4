package org.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a real HTTP server on the loopback. Its "feed hosts" are names a scripted resolver answers;
 * 127.0.0.2 stands for a public address (allowed in these tests) so that no connection ever leaves the machine.
 */
class FeedFetcherTest {

  private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"
      .getBytes(StandardCharsets.UTF_8);

  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger hits = new AtomicInteger();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private int serve(String address, int port) throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 0);
    http.createContext("/", this::answer);
    http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    http.start();
    servers.add(http);
    return http.getAddress().getPort();
  }

  private void answer(HttpExchange ex) throws java.io.IOException {
    hits.incrementAndGet();
    hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
    String path = ex.getRequestURI().getPath();
    if (path.equals("/error")) {
      ex.sendResponseHeaders(500, -1);
    } else if (path.startsWith("/redirect/")) {
      ex.getResponseHeaders().add("Location", "http://" + path.substring("/redirect/".length()));
      ex.sendResponseHeaders(302, -1);
    } else if (path.equals("/gzip")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(FEED);
      }
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, bytes.size());
      ex.getResponseBody().write(bytes.toByteArray());
    } else if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
    } else {
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.sendResponseHeaders(200, FEED.length);
      ex.getResponseBody().write(FEED);
    }
    ex.close();
  }

  private static FeedFetcher fetcher(HostResolver resolver) {
    return new FeedFetcher(new FetchOptions(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20, "test", false,
        List.of("127.0.0.2")), resolver);
  }

  private static InetAddress[] at(String address) throws java.net.UnknownHostException {
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  @Test
  void shouldConnectToTheAddressItCheckedWhenTheResolverRebinds() throws Exception {
    int port = serve("127.0.0.1", 0); // the internal service the rebinding aims at
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding = host -> lookups.getAndIncrement() == 0 ? at("127.0.0.2") : at("127.0.0.1");
    assertThatThrownBy(() -> fetcher(rebinding).fetch("http://feed.test:" + port + "/f.xml", null, null))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.IO));
    assertThat(hits).as("the loopback service was never reached").hasValue(0);
    assertThat(lookups).as("one lookup, checked and connected to").hasValue(1);
  }

  @Test
  void shouldFetchFromThePinnedAddressWithTheOriginalHost() throws Exception {
    int port = serve("127.0.0.2", 0);
    FeedFetcher f = fetcher(host -> at("127.0.0.2"));
    FetchResult r = f.fetch("http://feed.test:" + port + "/f.xml", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(FEED);
    assertThat(r.etag()).isEqualTo("\"v1\"");
    assertThat(hostHeaders).containsExactly("feed.test:" + port);
    assertThat(f.fetch("http://feed.test:" + port + "/f.xml", "\"v1\"", null).notModified()).isTrue();
    assertThat(f.fetch("http://feed.test:" + port + "/gzip", null, null).body()).isEqualTo(FEED);
  }

  @Test
  void shouldCheckEveryRedirectHopAgainstTheAddressItConnectsTo() throws Exception {
    int port = serve("127.0.0.2", 0);
    serve("127.0.0.1", port); // the same port on the loopback, where the redirect points
    HostResolver resolver = host -> host.equals("inside.test") ? at("127.0.0.1") : at("127.0.0.2");
    assertThatThrownBy(() -> fetcher(resolver).fetch("http://feed.test:" + port + "/redirect/inside.test:" + port + "/x",
        null, null))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
    assertThat(hits).as("only the first hop was answered").hasValue(1);
  }

  @Test
  void shouldRefuseInternalAddressesAndAddressLiterals() throws Exception {
    int port = serve("127.0.0.1", 0);
    assertThatThrownBy(() -> fetcher(host -> at("127.0.0.1")).fetch("http://feed.test:" + port + "/", null, null))
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
    assertThatThrownBy(() -> fetcher(HostResolver.SYSTEM).fetch("http://127.0.0.1:" + port + "/", null, null))
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
    assertThatThrownBy(() -> fetcher(HostResolver.SYSTEM).fetch("http://[::127.0.0.1]:" + port + "/", null, null))
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
    assertThat(hits).hasValue(0);
  }

  @Test
  void shouldTreatARedirectToAnotherSchemeAsAFetchFailure() throws Exception {
    int port = serve("127.0.0.2", 0);
    HttpServer http = servers.getFirst();
    http.createContext("/gopher", ex -> {
      ex.getResponseHeaders().add("Location", "gopher://feed.test/x");
      ex.sendResponseHeaders(301, -1);
      ex.close();
    });
    assertThatThrownBy(() -> fetcher(host -> at("127.0.0.2")).fetch("http://feed.test:" + port + "/gopher", null, null))
        .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(FetchException.Reason.BAD_URL));
  }

  @Test
  void shouldReportEveryErrorOfAServerOnAReusedConnection() throws Exception {
    int port = serve("127.0.0.2", 0);
    FeedFetcher f = fetcher(host -> at("127.0.0.2"));
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> f.fetch("http://feed.test:" + port + "/error", null, null))
          .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(500));
    }
    assertThat(hits).hasValue(6);
  }
}
