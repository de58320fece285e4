package org.newsflow.ingest.websub;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsflow.ingest.fetch.FeedFetcher;
import org.newsflow.ingest.fetch.FetchException;

/**
 * Sends subscription requests to hubs: a form-encoded POST of {@code hub.mode}, {@code hub.topic},
 * {@code hub.callback}, {@code hub.lease_seconds} and {@code hub.secret}. The hub answers 202 and verifies the
 * intent later by calling the callback. Requests go through the feeds' fetcher: the same address guard, connections
 * to the very addresses checked (no DNS rebinding), timeouts, and no redirects followed.
 */
public final class HubClient {

  private final FeedFetcher fetcher;

  /** @param fetcher the feeds' fetcher, whose guarded connections hub requests share */
  public HubClient(FeedFetcher fetcher) {
    this.fetcher = fetcher;
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
    int status = fetcher.postForm(hub, form);
    if (status / 100 != 2) {
      throw new FetchException(FetchException.Reason.HTTP_STATUS, status,
          "hub " + hub + " answered " + status + " to " + form.get("hub.mode"), null);
    }
  }
}
