package org.newsflow.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches feed documents: http(s) through Apache HttpClient with connect and total timeouts, a body size cap,
 * gzip/deflate, conditional GET and redirects followed by hand (so loops are caught); every connection, first hop
 * or redirect, goes to the addresses the {@link AddressGuard} checked for it (no second DNS lookup to rebind);
 * {@code file:} URLs and plain paths from the local disk when allowed. Thread-safe.
 */
public final class FeedFetcher {

  private static final int MAX_REDIRECTS = 5;
  private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
      + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
  private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

  private final HttpTransport http;
  private final FetchOptions options;
  private final AddressGuard guard;
  private final HostResolver resolver;

  /** A fetcher with its own HTTP client, resolving hosts with the system resolver. */
  public FeedFetcher(FetchOptions options) {
    this(options, HostResolver.SYSTEM);
  }

  /**
   * A fetcher with its own HTTP client and the given resolver; every connection goes to the addresses the resolver
   * gave and the guard checked, once per connection.
   */
  public FeedFetcher(FetchOptions options, HostResolver resolver) {
    this.options = options;
    this.guard = new AddressGuard(options.allowedInternalAddresses());
    this.resolver = resolver;
    this.http = new HttpTransport(options, new GuardedDnsResolver(resolver, guard));
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
      HttpTransport.Response response = send(uri, etag, lastModified, accept);
      int status = response.status();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        String location = response.header("Location");
        if (location == null) {
          throw new FetchException(FetchException.Reason.HTTP_STATUS, status, "redirect without Location from " + start,
              null);
        }
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
      if (status == 304) {
        return new FetchResult(304, new byte[0], null, orElse(response.header("ETag"), etag),
            orElse(response.header("Last-Modified"), lastModified), uri, hop > 0 && permanent,
            CacheHints.maxAge(response.header("Cache-Control")), response.links());
      }
      if (status < 200 || status >= 300) {
        java.time.Duration retryAfter = status == 429 || status == 503
            ? CacheHints.retryAfter(response.header("Retry-After"), java.time.Instant.now()) : null;
        throw new FetchException(FetchException.Reason.HTTP_STATUS, status, "HTTP " + status + " from " + uri
            + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"), null, retryAfter);
      }
      byte[] body = decode(response.body(), orElse(response.header("Content-Encoding"), ""), uri);
      return new FetchResult(status, body, response.header("Content-Type"), response.header("ETag"),
          response.header("Last-Modified"), uri, hop > 0 && permanent, CacheHints.maxAge(response.header("Cache-Control")),
          response.links());
    }
    throw new FetchException(FetchException.Reason.REDIRECT_LOOP, 0, "more than " + MAX_REDIRECTS + " redirects from " + start, null);
  }

  /**
   * POSTs an HTML form to an http(s) URL through the same guarded connections as fetches (a WebSub hub request):
   * the host's addresses are checked and connected to as checked, no redirect is followed, the answer's body is
   * read up to 64 KB and dropped.
   *
   * @return the HTTP status
   */
  public int postForm(URI uri, Map<String, String> form) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new FetchException(FetchException.Reason.BAD_URL, 0, "not an http(s) URL: " + uri, null);
    }
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
        .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    checkAddressLiteral(uri);
    byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return exchange(uri, 64 * 1024, () -> http.post(uri, Map.of("User-Agent", options.userAgent()), bytes,
        "application/x-www-form-urlencoded", 64 * 1024)).status();
  }

  private HttpTransport.Response send(URI uri, String etag, String lastModified, String accept) throws FetchException {
    checkAddressLiteral(uri);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", options.userAgent());
    headers.put("Accept", accept);
    headers.put("Accept-Encoding", "gzip, deflate");
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    long max = options.maxBodyBytes();
    return exchange(uri, max, () -> http.get(uri, headers, max));
  }

  /** One call of the transport. */
  private interface Exchange {
    HttpTransport.Response run() throws IOException;
  }

  /** Runs an exchange, turning what went wrong into the fetch failure that names it. */
  private HttpTransport.Response exchange(URI uri, long max, Exchange exchange) throws FetchException {
    try {
      return exchange.run();
    } catch (HttpTransport.TooLarge e) {
      throw new FetchException(FetchException.Reason.TOO_LARGE, 0, "body of " + uri + " exceeds ingest.max.body.bytes=" + max, e);
    } catch (HttpTransport.Deadline e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, 0, "no complete answer from " + uri + " within "
          + options.totalTimeout().toMillis() + " ms", e);
    } catch (IOException | RuntimeException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof GuardedDnsResolver.Blocked b) {
          throw b.refusal();
        }
        if (c instanceof java.net.SocketTimeoutException || c instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
          throw new FetchException(FetchException.Reason.TIMEOUT, 0, "timed out fetching " + uri + ": " + c.getMessage(), e);
        }
      }
      throw new FetchException(FetchException.Reason.IO, 0, "cannot fetch " + uri + ": " + e, e);
    }
  }

  /**
   * Checks a host that is an IP literal, which the client connects to without asking the guarded resolver; a
   * host name is checked by that resolver on connecting.
   */
  private void checkAddressLiteral(URI uri) throws FetchException {
    if (isAddressLiteral(uri.getHost())) {
      try {
        guard.check(uri.getHost(), resolver.resolve(uri.getHost()));
      } catch (java.net.UnknownHostException e) {
        throw new FetchException(FetchException.Reason.BAD_URL, 0, "bad address in " + uri, e);
      }
    }
  }

  /** Whether a URI host is an IP literal, which the client connects to without asking the resolver. */
  private static boolean isAddressLiteral(String host) {
    return host.startsWith("[") || !host.isEmpty() && host.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')
        && host.chars().filter(c -> c == '.').count() == 3;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
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

  /** The configured total timeout; for callers that report it. */
  public Duration totalTimeout() {
    return options.totalTimeout();
  }
}
