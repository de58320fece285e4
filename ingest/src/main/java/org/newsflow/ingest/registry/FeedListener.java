package org.newsflow.ingest.registry;

import org.newsflow.ingest.publish.FeedStatus;

/** Told which feeds this ingest instance polls: called as feeds are registered, changed, handed over or removed. */
public interface FeedListener {

  /**
   * A feed to poll from now on, or a changed definition of one polled already.
   *
   * @param restored its last recorded status (ETag, backoff, entries published), null when none is known
   */
  void upsert(FeedDefinition feed, FeedStatus restored);

  /** A feed this instance no longer polls (deleted, or handed to another instance). */
  void remove(String feedId);
}
