package org.newsflow.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP GET at a time per caller, over a pooled Apache HttpClient whose every connection goes to addresses the
 * {@link GuardedDnsResolver} checked: no redirects followed (the fetcher follows them by hand), no automatic
 * decompression (the fetcher decodes with its own cap), the body read only up to the cap, and the whole exchange
 * aborted at the total timeout however slowly the server trickles. Thread-safe.
 */
final class HttpTransport {

  /**
   * An answer: status, headers by lower-case name (first value), every {@code Link} header value (WebSub
   * discovery; a response may carry several), body (empty when none).
   */
  record Response(int status, Map<String, String> headers, java.util.List<String> links, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Thrown when the body passes the cap. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Thrown when the total timeout aborted the exchange. */
  static final class Deadline extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
  }

  private final CloseableHttpClient client;
  private final long totalMillis;
  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("fetch-deadlines").daemon().factory());

  HttpTransport(FetchOptions options, GuardedDnsResolver resolver) {
    this.totalMillis = options.totalTimeout().toMillis();
    Timeout total = Timeout.ofMilliseconds(totalMillis);
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(options.connectTimeout().toMillis()))
                .setSocketTimeout(total)
                .build())
            // politeness per host is the HostLimiter's job; the pool only must not be the bottleneck
            .setMaxConnTotal(4096)
            .setMaxConnPerRoute(64)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setContentCompressionEnabled(false)
            .setResponseTimeout(total)
            .setConnectionRequestTimeout(total)
            .build())
        .disableCookieManagement()
        .disableAuthCaching()
        .disableAutomaticRetries()
        .build();
  }

  /** GETs a URI with the given request headers, reading at most {@code maxBytes} of body. */
  Response get(URI uri, Map<String, String> headers, long maxBytes) throws IOException {
    return execute(new HttpGet(uri), headers, maxBytes);
  }

  /** POSTs a body of the given content type, reading at most {@code maxBytes} of the answer. */
  Response post(URI uri, Map<String, String> headers, byte[] body, String contentType, long maxBytes)
      throws IOException {
    org.apache.hc.client5.http.classic.methods.HttpPost request = new org.apache.hc.client5.http.classic.methods.HttpPost(uri);
    request.setEntity(new org.apache.hc.core5.http.io.entity.ByteArrayEntity(body,
        org.apache.hc.core5.http.ContentType.parse(contentType)));
    return execute(request, headers, maxBytes);
  }

  private Response execute(org.apache.hc.client5.http.classic.methods.HttpUriRequestBase request,
                           Map<String, String> headers, long maxBytes) throws IOException {
    headers.forEach(request::setHeader);
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
      expired.set(true);
      request.cancel();
    }, totalMillis, TimeUnit.MILLISECONDS);
    try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
      Map<String, String> h = new LinkedHashMap<>();
      java.util.List<String> links = new java.util.ArrayList<>();
      for (Header header : response.getHeaders()) {
        h.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        if (header.getName().equalsIgnoreCase("Link") && links.size() < 32) {
          links.add(header.getValue());
        }
      }
      return new Response(response.getCode(), h, links, body(response.getEntity(), maxBytes));
    } catch (IOException | RuntimeException e) {
      if (expired.get()) {
        Deadline d = new Deadline();
        d.initCause(e);
        throw d;
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  private static byte[] body(HttpEntity entity, long maxBytes) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    if (entity.getContentLength() > maxBytes) {
      throw new TooLarge();
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entity.getContentLength(), 8192), maxBytes));
      byte[] buf = new byte[16384];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.size() + (long) n > maxBytes) {
          throw new TooLarge();
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
