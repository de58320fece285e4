package org.newsflow.enrich.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Where the clusterer keeps LSH buckets and fingerprints. The Streams topology backs it by windowed state stores,
 * tests and benchmarks by memory. Entries older than the clustering window may be forgotten.
 */
public interface StoryIndex {

  /**
   * The newest article ids in an LSH bucket.
   *
   * @param bucket bucket key (band number and band hash)
   * @param time   event time of the article being clustered (ms)
   * @param limit  at most this many ids, newest first
   */
  List<String> bucket(String bucket, long time, int limit);

  /** Adds an article id to an LSH bucket at an event time (ms). */
  void addToBucket(String bucket, String articleId, long time);

  /** The fingerprint of an article still in the window around {@code time}. */
  Optional<Fingerprint> fingerprint(String articleId, long time);

  /** Remembers an article's fingerprint at an event time (ms). */
  void putFingerprint(Fingerprint fingerprint, long time);
}
