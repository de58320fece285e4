package org.newsflow.ingest.websub;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed's WebSub subscription as recorded in Kafka, so that whichever ingest instance owns the feed, or takes it
 * over, knows its hub, its secret and when its lease ends.
 *
 * @param feedId    the feed
 * @param hub       the hub's URL
 * @param topic     the topic URL the hub knows the feed by
 * @param callback  the callback URL the hub pushes to (the subscribing instance's)
 * @param secret    the per-subscription HMAC secret the hub signs content with
 * @param state     where the subscription stands
 * @param requested when the last (re)subscription request was sent
 * @param expires   when the verified lease ends; null until verified
 * @param error     why the last request failed or was denied; null when it did not
 */
public record Subscription(String feedId, String hub, String topic, String callback, String secret, State state,
                           Instant requested,
                           Instant expires, String error) {

  /** The life of a subscription. */
  public enum State {
    /** Asked for; the hub has not verified it yet. */
    REQUESTED,
    /** Verified by the hub; content arrives by push until {@code expires}. */
    ACTIVE,
    /** The hub refused it, or the request failed; the feed is polled as usual. */
    FAILED
  }

  /** Whether pushes can be expected at {@code now}: verified and not expired. */
  public boolean activeAt(Instant now) {
    return state == State.ACTIVE && expires != null && now.isBefore(expires);
  }

  /** Whether the lease should be renewed at {@code now}: in the last {@code margin} of an active lease, or gone. */
  public boolean renewDue(Instant now, Duration margin) {
    return state == State.ACTIVE && expires != null && !now.isBefore(expires.minus(margin));
  }

  /** This subscription verified by the hub with a lease of {@code leaseSeconds} from {@code now}. */
  public Subscription verified(Instant now, long leaseSeconds) {
    return new Subscription(feedId, hub, topic, callback, secret, State.ACTIVE, requested, now.plusSeconds(leaseSeconds), null);
  }

  /** This subscription refused or failed, with the reason. */
  public Subscription failed(String reason) {
    return new Subscription(feedId, hub, topic, callback, secret, State.FAILED, requested, null, reason);
  }

  /** A secret is never written to logs. */
  @Override
  public String toString() {
    return "Subscription[feed=" + feedId + ", hub=" + hub + ", topic=" + topic + ", callback=" + callback + ", state=" + state + ", expires="
        + expires + (error == null ? "" : ", error=" + error) + "]";
  }
}
