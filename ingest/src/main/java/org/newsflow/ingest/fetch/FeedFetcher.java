package org.newsflow.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches feed documents: http(s) through java.net.http with connect and total timeouts, a body size cap,
 * gzip/deflate, conditional GET and redirects followed by hand (so each hop passes the {@link AddressGuard} and
 * loops are caught); {@code file:} URLs and plain paths from the local disk when allowed. Thread-safe.
 */
public final class FeedFetcher {

  private static final int MAX_REDIRECTS = 5;
  private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
      + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
  private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

  private final HttpClient client;
  private final FetchOptions options;
  private final AddressGuard guard;

  /** A fetcher with its own HTTP client. */
  public FeedFetcher(FetchOptions options) {
    this.options = options;
    this.guard = new AddressGuard(options.allowedInternalAddresses());
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        // The default executor, a cached thread pool, hands every response over through a SynchronousQueue: a
        // platform thread park and unpark per request, which took half the CPU of a 304 poll. Virtual threads
        // make that hand-over cheap (measured in docs/BENCHMARKS.md, poll throughput).
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  /**
   * Fetches a source.
   *
   * @param source       http(s) URL, file: URL or local path
   * @param etag         ETag of the last successful fetch, or null
   * @param lastModified Last-Modified of the last successful fetch, or null
   */
  public FetchResult fetch(String source, String etag, String lastModified) throws FetchException {
    return fetch(source, etag, lastModified, FEED_ACCEPT);
  }

  /**
   * Fetches a web page (an article linked from a feed) under the same rules as feeds: address guard, timeouts,
   * size cap, redirects; only the Accept header asks for HTML.
   *
   * @param source http(s) URL, file: URL or local path
   */
  public FetchResult fetchPage(String source) throws FetchException {
    return fetch(source, null, null, PAGE_ACCEPT);
  }

  private FetchResult fetch(String source, String etag, String lastModified, String accept) throws FetchException {
    URI uri = toUri(source);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> fetchHttp(uri, etag, lastModified, accept);
      case "file" -> fetchFile(uri);
      default -> throw new FetchException(FetchException.Reason.BAD_URL, 0,
          "unsupported URL scheme '" + scheme + "' in " + source + " (use http, https, file: or a local path)", null);
    };
  }

  static URI toUri(String source) throws FetchException {
    String s = source.strip();
    try {
      // the common case without regular expressions: polls of thousands of feeds per second pass here
      if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
        return new URI(s);
      }
      if (s.matches("(?i)^(https?|file):.*")) {
        return new URI(s);
      }
      if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        return new URI(s);
      }
      return Path.of(s).toAbsolutePath().normalize().toUri();
    } catch (URISyntaxException | RuntimeException e) {
      throw new FetchException(FetchException.Reason.BAD_URL, 0, "malformed feed URL " + source + ": " + e.getMessage(), e);
    }
  }

  private FetchResult fetchFile(URI uri) throws FetchException {
    if (!options.allowFiles()) {
      throw new FetchException(FetchException.Reason.BAD_URL, 0, "local files are not allowed as feeds "
          + "(ingest.allow.files=false): " + uri, null);
    }
    Path path;
    try {
      path = Path.of(uri);
    } catch (RuntimeException e) {
      throw new FetchException(FetchException.Reason.BAD_URL, 0, "bad file URL " + uri, e);
    }
    try {
      long size = Files.size(path);
      if (size > options.maxBodyBytes()) {
        throw new FetchException(FetchException.Reason.TOO_LARGE, 0, "file " + path + " is " + size
            + " bytes, more than ingest.max.body.bytes=" + options.maxBodyBytes(), null);
      }
      return new FetchResult(200, Files.readAllBytes(path), null, null, null, uri, false);
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.IO, 0, "cannot read " + path + ": " + e, e);
    }
  }

  private FetchResult fetchHttp(URI start, String etag, String lastModified, String accept) throws FetchException {
    URI uri = start;
    Set<URI> visited = new HashSet<>();
    boolean permanent = true;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!visited.add(uri)) {
        throw new FetchException(FetchException.Reason.REDIRECT_LOOP, 0, "redirect loop at " + uri, null);
      }
      if (uri.getHost() == null) {
        throw new FetchException(FetchException.Reason.BAD_URL, 0, "URL without host: " + uri, null);
      }
      guard.check(uri.getHost());
      HttpResponse<byte[]> response = send(uri, etag, lastModified, accept);
      int status = response.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
            FetchException.Reason.HTTP_STATUS, status, "redirect without Location from " + start, null));
        permanent &= status == 301 || status == 308;
        try {
          uri = uri.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          throw new FetchException(FetchException.Reason.BAD_URL, status, "bad redirect Location '" + location + "'", e);
        }
        String next = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!next.equals("http") && !next.equals("https")) {
          throw new FetchException(FetchException.Reason.BAD_URL, status, "redirect from " + start + " to a URL of "
              + "another scheme: " + uri, null);
        }
        continue;
      }
      HttpHeaders h = response.headers();
      if (status == 304) {
        return new FetchResult(304, new byte[0], null, h.firstValue("ETag").orElse(etag),
            h.firstValue("Last-Modified").orElse(lastModified), uri, hop > 0 && permanent, CacheHints.maxAge(h),
            h.allValues("Link"));
      }
      if (status < 200 || status >= 300) {
        java.time.Duration retryAfter = status == 429 || status == 503
            ? CacheHints.retryAfter(h.firstValue("Retry-After").orElse(null), java.time.Instant.now()) : null;
        throw new FetchException(FetchException.Reason.HTTP_STATUS, status, "HTTP " + status + " from " + uri
            + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"), null, retryAfter);
      }
      byte[] body = decode(response.body(), h.firstValue("Content-Encoding").orElse(""), uri);
      return new FetchResult(status, body, h.firstValue("Content-Type").orElse(null), h.firstValue("ETag").orElse(null),
          h.firstValue("Last-Modified").orElse(null), uri, hop > 0 && permanent, CacheHints.maxAge(h), h.allValues("Link"));
    }
    throw new FetchException(FetchException.Reason.REDIRECT_LOOP, 0, "more than " + MAX_REDIRECTS + " redirects from " + start, null);
  }

  private HttpResponse<byte[]> send(URI uri, String etag, String lastModified, String accept) throws FetchException {
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
        .timeout(options.totalTimeout())
        .header("User-Agent", options.userAgent())
        .header("Accept", accept)
        .header("Accept-Encoding", "gzip, deflate")
        .GET();
    if (etag != null) {
      rb.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      rb.header("If-Modified-Since", lastModified);
    }
    long max = options.maxBodyBytes();
    try {
      return client.sendAsync(rb.build(), info -> new LimitedBody(max))
          .get(options.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, 0, "no complete answer from " + uri + " within "
          + options.totalTimeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.IO, 0, "interrupted fetching " + uri, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof BodyTooLargeException) {
        throw new FetchException(FetchException.Reason.TOO_LARGE, 0, "body of " + uri + " exceeds ingest.max.body.bytes=" + max, c);
      }
      if (c instanceof HttpTimeoutException) {
        throw new FetchException(FetchException.Reason.TIMEOUT, 0, "timed out fetching " + uri + ": " + c.getMessage(), c);
      }
      throw new FetchException(FetchException.Reason.IO, 0, "cannot fetch " + uri + ": " + c, c);
    }
  }

  private byte[] decode(byte[] body, String encoding, URI uri) throws FetchException {
    String enc = encoding.strip().toLowerCase(Locale.ROOT);
    if (enc.isEmpty() || enc.equals("identity")) {
      return body;
    }
    try (InputStream in = enc.equals("gzip") || enc.equals("x-gzip")
        ? new GZIPInputStream(new java.io.ByteArrayInputStream(body))
        : enc.equals("deflate") ? new InflaterInputStream(new java.io.ByteArrayInputStream(body)) : null) {
      if (in == null) {
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > options.maxBodyBytes()) {
          throw new FetchException(FetchException.Reason.TOO_LARGE, 0, "decompressed body of " + uri
              + " exceeds ingest.max.body.bytes=" + options.maxBodyBytes(), null);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.IO, 0, "bad " + enc + " body from " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Thrown inside the body subscriber when the cap is passed. */
  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Collects the body and cancels the download as soon as it passes the cap. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final List<ByteBuffer> parts = new ArrayList<>();
    private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
    private Flow.Subscription subscription;
    private long size;

    LimitedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        size += b.remaining();
        parts.add(b);
      }
      if (size > max) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException());
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      byte[] all = new byte[(int) size];
      int pos = 0;
      for (ByteBuffer b : parts) {
        int n = b.remaining();
        b.get(all, pos, n);
        pos += n;
      }
      result.complete(all);
    }
  }

  /** The configured total timeout; for callers that report it. */
  public Duration totalTimeout() {
    return options.totalTimeout();
  }
}
