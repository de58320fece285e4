package org.newsflow.enrich.cluster;

/**
 * The clusterer's verdict on one article.
 *
 * @param storyId     the story the article belongs to: the id of the story's first article
 * @param duplicateOf the article this one is a near-copy of (the original, not a copy of a copy), or null
 * @param similarity  estimated Jaccard similarity to the closest earlier article, 0 when there was none
 */
public record StoryAssignment(String storyId, String duplicateOf, double similarity) {
}
