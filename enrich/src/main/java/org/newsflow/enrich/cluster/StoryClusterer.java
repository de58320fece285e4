package org.newsflow.enrich.cluster;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Puts articles into stories: an article joins the story of the most similar earlier article when their estimated
 * Jaccard similarity over word shingles reaches {@link ClusterParams#storySimilarity()}, and is marked a near-copy of
 * it from {@link ClusterParams#duplicateSimilarity()}. Candidates come only from LSH buckets, each read up to a fixed
 * number of entries, so the work per article is bounded by {@code bands × maxBucketCandidates} look-ups however many
 * articles the index holds. Not thread-safe with respect to the index; the clusterer itself holds no state.
 */
public final class StoryClusterer {

  private final ClusterParams params;
  private final MinHash minHash;

  /** A clusterer with the given parameters. */
  public StoryClusterer(ClusterParams params) {
    this.params = params;
    this.minHash = new MinHash(params.signatureSize(), params.seed());
  }

  /** The parameters. */
  public ClusterParams params() {
    return params;
  }

  /**
   * Assigns an article to a story and records it in the index.
   *
   * @param articleId the article's id
   * @param text      the text compared (title and body)
   * @param time      event time (ms): the window is measured on it
   * @param index     the index to read and update
   */
  public StoryAssignment assign(String articleId, String text, long time, StoryIndex index) {
    Optional<Fingerprint> previous = index.fingerprint(articleId, time);
    long[] shingles = Shingles.of(text, params.shingleWords());
    if (shingles.length < params.minShingles()) {
      // too short to compare: a story of its own (a revision keeps the story it had)
      return previous.map(p -> new StoryAssignment(p.storyId(), p.duplicateOf(), 0))
          .orElse(new StoryAssignment(articleId, null, 0));
    }
    int[] signature = minHash.signature(shingles);
    String[] buckets = buckets(signature);

    Fingerprint best = null;
    double bestSimilarity = 0;
    Set<String> seen = new LinkedHashSet<>();
    seen.add(articleId);
    for (String bucket : buckets) {
      for (String candidate : index.bucket(bucket, time, params.maxBucketCandidates())) {
        if (!seen.add(candidate)) {
          continue;
        }
        Optional<Fingerprint> f = index.fingerprint(candidate, time);
        if (f.isEmpty()) {
          continue;
        }
        double s = MinHash.similarity(signature, f.get().signature());
        if (s > bestSimilarity) {
          best = f.get();
          bestSimilarity = s;
        }
      }
    }

    StoryAssignment assignment;
    if (previous.isPresent()) {
      // a revision stays in its story, so downstream story views do not see it hop; its copy status is re-judged
      String dup = best != null && bestSimilarity >= params.duplicateSimilarity() ? originalOf(best) : null;
      assignment = new StoryAssignment(previous.get().storyId(), dup, bestSimilarity);
    } else if (best != null && bestSimilarity >= params.storySimilarity()) {
      String dup = bestSimilarity >= params.duplicateSimilarity() ? originalOf(best) : null;
      assignment = new StoryAssignment(best.storyId(), dup, bestSimilarity);
    } else {
      assignment = new StoryAssignment(articleId, null, bestSimilarity);
    }
    index.putFingerprint(new Fingerprint(articleId, assignment.storyId(), assignment.duplicateOf(), signature), time);
    if (previous.isEmpty()) {
      // a revision's buckets mostly exist already; adding them again would only crowd the buckets
      for (String bucket : buckets) {
        index.addToBucket(bucket, articleId, time);
      }
    }
    return assignment;
  }

  /** A copy of a copy points at the original, so all copies of one text name the same article. */
  private static String originalOf(Fingerprint f) {
    return f.duplicateOf() != null ? f.duplicateOf() : f.articleId();
  }

  /** Bucket keys: band number plus a hash of the band's rows. */
  private String[] buckets(int[] signature) {
    String[] keys = new String[params.bands()];
    for (int b = 0; b < params.bands(); b++) {
      long h = b;
      for (int r = 0; r < params.rows(); r++) {
        h = MinHash.mix(h * 0x100000001B3L + signature[b * params.rows() + r]);
      }
      keys[b] = b + ":" + Long.toHexString(h);
    }
    return keys;
  }
}
