package org.newsflow.ingest.registry;

import java.time.Instant;

/** Told which feeds this ingest instance polls: called as feeds are registered, changed, handed over or removed. */
public interface FeedListener {

  /**
   * A feed to poll from now on, or a changed definition of one polled already.
   *
   * @param restored its poller's last recorded memory (validators, backoff, entries published), null when none is
   *                 known
   * @param nextPoll when its previous owner promised to poll it next (from its last health record), null when
   *                 unknown
   */
  void upsert(FeedDefinition feed, PollerState restored, Instant nextPoll);

  /** A feed this instance no longer polls (deleted, or handed to another instance). */
  void remove(String feedId);
}
