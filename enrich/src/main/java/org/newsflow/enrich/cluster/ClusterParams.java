package org.newsflow.enrich.cluster;

import java.time.Duration;

/**
 * The parameters of story clustering. With {@code bands} × {@code rows} MinHash values, two articles become
 * candidates with probability {@code 1 - (1 - J^rows)^bands} for Jaccard similarity J; the defaults (42 × 3) make
 * that 84 % at J = 0.35 and over 99 % at J = 0.5, while unrelated articles (J &lt; 0.05) collide in under 0.5 % of pairs
 * (and a false candidate only costs one signature comparison).
 *
 * @param shingleWords        words per shingle
 * @param bands               LSH bands
 * @param rows                MinHash values per band
 * @param storySimilarity     estimated Jaccard similarity at or above which two articles share a story
 * @param duplicateSimilarity estimated Jaccard similarity at or above which an article is a near-copy of another
 * @param minShingles         articles with fewer shingles are not clustered (too short to compare reliably)
 * @param maxBucketCandidates newest entries read per LSH bucket, which bounds the cost of hot buckets (boilerplate)
 * @param window              how long an article stays findable for clustering
 * @param seed                seed of the MinHash family; changing it makes stored signatures incomparable
 */
public record ClusterParams(int shingleWords, int bands, int rows, double storySimilarity, double duplicateSimilarity,
                            int minShingles, int maxBucketCandidates, Duration window, long seed) {

  /** Validates the ranges. */
  public ClusterParams {
    if (shingleWords < 1 || bands < 1 || rows < 1 || minShingles < 1 || maxBucketCandidates < 1) {
      throw new IllegalArgumentException("cluster sizes must be positive");
    }
    if (storySimilarity <= 0 || storySimilarity > 1 || duplicateSimilarity < storySimilarity || duplicateSimilarity > 1) {
      throw new IllegalArgumentException("need 0 < story similarity <= duplicate similarity <= 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("cluster window must be positive");
    }
  }

  /**
   * The fixed layout (3-word shingles, 42 bands of 3 rows, at least 8 shingles, 20 candidates per bucket, one
   * seed) with the thresholds and window that are settings; their defaults live in the setting declarations
   * ({@code EnrichSettings}).
   */
  public static ClusterParams of(double storySimilarity, double duplicateSimilarity, Duration window) {
    return new ClusterParams(3, 42, 3, storySimilarity, duplicateSimilarity, 8, 20, window, 0x6E657773666C6F77L);
  }

  /** The signature length, {@code bands * rows}. */
  public int signatureSize() {
    return bands * rows;
  }
}
