package org.newsflow.ingest.websub;

import java.time.Instant;
import java.util.Optional;

/** What the poller needs of push delivery: keeping a feed's subscription in step, and when to renew it. */
public interface PushSubscriptions {

  /**
   * Brings the feed's subscription in step with what its last poll advertised.
   *
   * @return whether content arrives by push now, so polling may slow to its safety-net interval
   */
  boolean afterPoll(String feedId, Optional<HubEndpoints> endpoints);

  /** When the feed must be polled next at the latest, so that its lease is renewed in time; empty if never. */
  Optional<Instant> renewalDue(String feedId);

  /** Push delivery switched off: nothing is subscribed, every feed is polled as usual. */
  static PushSubscriptions none() {
    return new PushSubscriptions() {
      @Override
      public boolean afterPoll(String feedId, Optional<HubEndpoints> endpoints) {
        return false;
      }

      @Override
      public Optional<Instant> renewalDue(String feedId) {
        return Optional.empty();
      }
    };
  }
}
