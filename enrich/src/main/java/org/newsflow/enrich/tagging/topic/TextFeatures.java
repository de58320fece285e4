package org.newsflow.enrich.tagging.topic;

/**
 * The hashed bag-of-words of one article, in the two feature spaces of a {@link TopicModel}: log-scaled,
 * L2-normalised counts of unigrams and bigrams. Indices are strictly increasing. The arrays are owned by this
 * object and must not be modified.
 *
 * @param level1Index feature indices in the level-1 space ({@code 2^level1Bits} buckets)
 * @param level1Value feature values, parallel to {@code level1Index}
 * @param level2Index feature indices in the smaller level-2 space ({@code 2^level2Bits} buckets)
 * @param level2Value feature values, parallel to {@code level2Index}
 * @param tokens      number of content tokens seen (title counted once)
 */
public record TextFeatures(int[] level1Index, float[] level1Value, int[] level2Index, float[] level2Value,
    int tokens) {
}
