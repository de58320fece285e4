package org.newsflow.ingest.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsflow.ingest.fetch.AddressGuard;
import org.newsflow.ingest.fetch.FetchException;

/**
 * Sends subscription requests to hubs: a form-encoded POST of {@code hub.mode}, {@code hub.topic},
 * {@code hub.callback}, {@code hub.lease_seconds} and {@code hub.secret}. The hub answers 202 and verifies the
 * intent later by calling the callback. Hubs pass the same address guard as feeds (no requests into the internal
 * network unless allowed), and redirects are not followed.
 */
public final class HubClient {

  private final HttpClient http;
  private final AddressGuard guard;
  private final Duration timeout;
  private final String userAgent;

  /**
   * @param guard     the feeds' address guard
   * @param timeout   connect and response timeout of one request
   * @param userAgent the User-Agent header
   */
  public HubClient(AddressGuard guard, Duration timeout, String userAgent) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.guard = guard;
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  /** Asks {@code hub} to (re)subscribe {@code callback} to {@code topic}. */
  public void subscribe(URI hub, URI topic, URI callback, String secret, long leaseSeconds) throws FetchException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("hub.mode", "subscribe");
    form.put("hub.topic", topic.toString());
    form.put("hub.callback", callback.toString());
    form.put("hub.lease_seconds", Long.toString(leaseSeconds));
    form.put("hub.secret", secret);
    send(hub, form);
  }

  private void send(URI hub, Map<String, String> form) throws FetchException {
    if (hub.getHost() == null || !(hub.getScheme().equalsIgnoreCase("http") || hub.getScheme().equalsIgnoreCase("https"))) {
      throw new FetchException(FetchException.Reason.BAD_URL, 0, "hub " + hub + " is not an http(s) URL", null);
    }
    guard.check(hub.getHost());
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(hub).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", userAgent)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, 0, "hub " + hub + " did not answer in " + timeout, e);
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.IO, 0, "hub " + hub + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.IO, 0, "interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new FetchException(FetchException.Reason.HTTP_STATUS, response.statusCode(),
          "hub " + hub + " answered " + response.statusCode() + " to " + form.get("hub.mode"), null);
    }
  }
}
