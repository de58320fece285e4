package org.newsflow.enrich.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsflow.enrich.cluster.Fingerprint;
import org.newsflow.enrich.cluster.StoryIndex;

/**
 * A story index in primitive arrays, so that a million articles (42 million bucket entries) fit in a few GB and the
 * benchmark measures the clusterer rather than the garbage collector. Buckets are linked lists in an open-addressing
 * table keyed by a 64-bit hash of the bucket key; newest entry first, like the windowed store's backward fetch.
 */
final class CompactStoryIndex implements StoryIndex {

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Fingerprint> fingerprints = new ArrayList<>();
  private long[] keys;
  private int[] heads;
  private int[] next;
  private int[] article;
  private int entries;
  private int used;

  CompactStoryIndex(int expectedEntries) {
    int cap = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
    keys = new long[cap];
    heads = new int[cap];
    Arrays.fill(heads, -1);
    next = new int[Math.max(16, expectedEntries)];
    article = new int[next.length];
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (heads[i] != -1 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return h == 0 ? 1 : h;
  }

  @Override
  public List<String> bucket(String bucket, long time, int limit) {
    int e = heads[slot(hash(bucket))];
    List<String> out = new ArrayList<>();
    while (e != -1 && out.size() < limit) {
      out.add(names.get(article[e]));
      e = next[e];
    }
    return out;
  }

  @Override
  public void addToBucket(String bucket, String articleId, long time) {
    long key = hash(bucket);
    int s = slot(key);
    if (entries == next.length) {
      next = Arrays.copyOf(next, entries * 2);
      article = Arrays.copyOf(article, entries * 2);
    }
    if (heads[s] == -1) {
      used++;
    }
    keys[s] = key;
    next[entries] = heads[s];
    article[entries] = idOf(articleId);
    heads[s] = entries++;
    if (used * 2L > keys.length) {
      throw new IllegalStateException("bench index sized too small");
    }
  }

  private int idOf(String articleId) {
    return ids.computeIfAbsent(articleId, a -> {
      names.add(a);
      fingerprints.add(null);
      return names.size() - 1;
    });
  }

  @Override
  public Optional<Fingerprint> fingerprint(String articleId, long time) {
    Integer i = ids.get(articleId);
    return i == null ? Optional.empty() : Optional.ofNullable(fingerprints.get(i));
  }

  @Override
  public void putFingerprint(Fingerprint f, long time) {
    fingerprints.set(idOf(f.articleId()), f);
  }
}
