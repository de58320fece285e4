package org.newsflow.enrich.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A story index in memory without expiry, for unit tests. */
public final class InMemoryStoryIndex implements StoryIndex {

  private final Map<String, List<String>> buckets = new HashMap<>();
  private final Map<String, Fingerprint> fingerprints = new HashMap<>();

  @Override
  public List<String> bucket(String bucket, long time, int limit) {
    List<String> ids = buckets.getOrDefault(bucket, List.of());
    List<String> newest = new ArrayList<>();
    for (int i = ids.size() - 1; i >= 0 && newest.size() < limit; i--) {
      newest.add(ids.get(i));
    }
    return newest;
  }

  @Override
  public void addToBucket(String bucket, String articleId, long time) {
    buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(articleId);
  }

  @Override
  public Optional<Fingerprint> fingerprint(String articleId, long time) {
    return Optional.ofNullable(fingerprints.get(articleId));
  }

  @Override
  public void putFingerprint(Fingerprint fingerprint, long time) {
    fingerprints.put(fingerprint.articleId(), fingerprint);
  }
}
