package org.newsflow.enrich.cluster;

/**
 * What the index remembers of one clustered article.
 *
 * @param articleId   the article
 * @param storyId     the story it was put in
 * @param duplicateOf the article it is a near-copy of, or null
 * @param signature   its MinHash signature (not copied: callers hand over ownership)
 */
public record Fingerprint(String articleId, String storyId, String duplicateOf, int[] signature) {
}
