package org.newsflow.ingest.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.newsflow.ingest.fetch.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each polled feed's WebSub subscription in step with what the feed advertises: subscribes when a hub
 * appears, renews a lease before it ends, subscribes anew when the hub or topic changes, and retries a failed or
 * unverified request after a pause. Polling goes on throughout; while a subscription is active the poller only
 * needs to poll at its longest interval, as a safety net.
 */
public final class WebSubSubscriber implements PushSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(WebSubSubscriber.class);
  /** How long a request may wait for the hub's verification before it is sent again. */
  static final Duration VERIFY_WAIT = Duration.ofMinutes(5);
  /** How long after a failed or denied request the next one is sent. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

  private final SubscriptionStore store;
  private final HubClient hubs;
  private final URI callbackBase;
  private final Duration lease;
  private final Duration renewBefore;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param callbackBase the public base URL; the callback of a feed is {@code base/websub/FEED}
   * @param lease        the lease to ask for
   * @param renewBefore  renew this long before the lease ends (at most half the lease)
   */
  public WebSubSubscriber(SubscriptionStore store, HubClient hubs, URI callbackBase, Duration lease,
                          Duration renewBefore, Clock clock) {
    this.store = store;
    this.hubs = hubs;
    this.callbackBase = callbackBase;
    this.lease = lease;
    this.renewBefore = renewBefore;
    this.clock = clock;
  }

  /** The callback URL of a feed. */
  public URI callback(String feedId) {
    String base = callbackBase.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CallbackServer.PATH + feedId);
  }

  /**
   * Brings the feed's subscription in step after a poll found {@code endpoints} (empty when the feed advertises no
   * hub), sending a request to the hub when one is due.
   *
   * @return whether content arrives by push now (an active, unexpired subscription to the advertised hub)
   */
  @Override
  public boolean afterPoll(String feedId, Optional<HubEndpoints> endpoints) {
    Instant now = clock.instant();
    Optional<Subscription> current = store.get(feedId);
    if (endpoints.isEmpty()) {
      // the hub is gone from the feed: let the lease run out, and poll as usual from then on
      return current.map(s -> s.activeAt(now)).orElse(false);
    }
    HubEndpoints want = endpoints.get();
    // a new hub or topic, or a feed taken over from an instance with another callback: subscribe anew
    if (current.isEmpty() || !current.get().hub().equals(want.hub().toString())
        || !current.get().topic().equals(want.topic().toString())
        || !current.get().callback().equals(callback(feedId).toString())) {
      request(feedId, want, newSecret(), now, "new");
      return false;
    }
    Subscription s = current.get();
    switch (s.state()) {
      case ACTIVE -> {
        if (s.renewDue(now, margin(s))) {
          request(feedId, want, s.secret(), now, "renewal");
        }
      }
      case REQUESTED -> {
        if (now.isAfter(s.requested().plus(VERIFY_WAIT))) {
          request(feedId, want, s.secret(), now, "unverified, again");
        }
      }
      case FAILED -> {
        if (now.isAfter(s.requested().plus(RETRY_AFTER_FAILURE))) {
          request(feedId, want, newSecret(), now, "retry");
        }
      }
    }
    return store.get(feedId).map(x -> x.activeAt(now)).orElse(false);
  }

  /**
   * When the feed must be polled next at the latest for its subscription's sake: when its lease's renewal falls
   * due. Empty when there is no active subscription.
   */
  @Override
  public Optional<Instant> renewalDue(String feedId) {
    return store.get(feedId).filter(s -> s.state() == Subscription.State.ACTIVE && s.expires() != null)
        .map(s -> s.expires().minus(margin(s)));
  }

  private Duration margin(Subscription s) {
    Duration granted = Duration.between(s.requested(), s.expires());
    Duration half = granted.dividedBy(2);
    return renewBefore.compareTo(half) < 0 ? renewBefore : half;
  }

  private void request(String feedId, HubEndpoints want, String secret, Instant now, String why) {
    Optional<Subscription> previous = store.get(feedId).filter(p -> p.secret().equals(secret));
    // a renewal keeps its current lease until the hub verifies the new one
    Subscription.State state = previous.map(Subscription::state).filter(st -> st == Subscription.State.ACTIVE)
        .orElse(Subscription.State.REQUESTED);
    Instant expires = state == Subscription.State.ACTIVE ? previous.get().expires() : null;
    Subscription requested = new Subscription(feedId, want.hub().toString(), want.topic().toString(),
        callback(feedId).toString(), secret, state,
        now, expires, null);
    store.put(requested); // before the request: the hub may verify before it even answers
    try {
      hubs.subscribe(want.hub(), want.topic(), callback(feedId), secret, lease.toSeconds());
      LOG.info("WebSub: asked {} to push feed {} ({})", want.hub(), feedId, why);
    } catch (FetchException e) {
      LOG.warn("WebSub: subscription request for feed {} to {} failed ({}): {}", feedId, want.hub(), why, e.getMessage());
      if (state == Subscription.State.ACTIVE) {
        // pushes go on until the current lease ends; the renewal is tried again at the next poll
        Subscription p = previous.get();
        store.put(new Subscription(feedId, p.hub(), p.topic(), p.callback(), secret, state, p.requested(), p.expires(),
            e.getMessage()));
      } else {
        store.put(requested.failed(e.getMessage()));
      }
    }
  }

  private String newSecret() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
