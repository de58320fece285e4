package org.newsflow.enrich.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsflow.enrich.cluster.Fingerprint;
import org.newsflow.enrich.cluster.StoryIndex;

/**
 * The clusterer's index on two windowed state stores: LSH buckets (duplicates retained, one entry per member) and
 * fingerprints by article id. Entries are put at the article's event time, so whole segments drop out once they are
 * older than the store retention (the clustering window) and the stores stop growing.
 */
final class WindowedStoryIndex implements StoryIndex {

  private final WindowStore<String, String> buckets;
  private final WindowStore<String, byte[]> fingerprints;
  private final long windowMs;

  WindowedStoryIndex(WindowStore<String, String> buckets, WindowStore<String, byte[]> fingerprints, long windowMs) {
    this.buckets = buckets;
    this.fingerprints = fingerprints;
    this.windowMs = windowMs;
  }

  @Override
  public List<String> bucket(String bucket, long time, int limit) {
    List<String> ids = new ArrayList<>(Math.min(limit, 8));
    // newest first, and stop at the limit: a hot bucket costs no more than a quiet one
    try (WindowStoreIterator<String> it = buckets.backwardFetch(bucket, from(time), to(time))) {
      while (it.hasNext() && ids.size() < limit) {
        ids.add(it.next().value);
      }
    }
    return ids;
  }

  @Override
  public void addToBucket(String bucket, String articleId, long time) {
    buckets.put(bucket, articleId, time);
  }

  @Override
  public Optional<Fingerprint> fingerprint(String articleId, long time) {
    try (WindowStoreIterator<byte[]> it = fingerprints.backwardFetch(articleId, from(time), to(time))) {
      return it.hasNext() ? Optional.of(decode(articleId, it.next().value)) : Optional.empty();
    }
  }

  @Override
  public void putFingerprint(Fingerprint f, long time) {
    fingerprints.put(f.articleId(), encode(f), time);
  }

  private long from(long time) {
    return Math.max(0, time - windowMs);
  }

  private long to(long time) {
    // articles may arrive out of event-time order; anything still in the store counts
    return time > Long.MAX_VALUE - windowMs ? Long.MAX_VALUE : time + windowMs;
  }

  /** storyId, duplicateOf ("" for none), then the signature: compact, as there is one per article in the window. */
  static byte[] encode(Fingerprint f) {
    byte[] story = f.storyId().getBytes(StandardCharsets.UTF_8);
    byte[] dup = f.duplicateOf() == null ? new byte[0] : f.duplicateOf().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(12 + story.length + dup.length + 4 * f.signature().length);
    b.putInt(story.length).put(story).putInt(dup.length).put(dup).putInt(f.signature().length);
    for (int v : f.signature()) {
      b.putInt(v);
    }
    return b.array();
  }

  static Fingerprint decode(String articleId, byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte[] story = new byte[b.getInt()];
    b.get(story);
    byte[] dup = new byte[b.getInt()];
    b.get(dup);
    int[] sig = new int[b.getInt()];
    for (int i = 0; i < sig.length; i++) {
      sig[i] = b.getInt();
    }
    return new Fingerprint(articleId, new String(story, StandardCharsets.UTF_8),
        dup.length == 0 ? null : new String(dup, StandardCharsets.UTF_8), sig);
  }
}
