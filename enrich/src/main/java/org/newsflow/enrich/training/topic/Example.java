package org.newsflow.enrich.training.topic;

import org.newsflow.enrich.tagging.topic.TextFeatures;

/**
 * One training example.
 *
 * @param features the featurised text
 * @param targets  per level-1 class: 1 yes, 0 no, -1 don't know (left out of that class's loss)
 * @param weight   loss weight
 * @param parent   level-1 class whose level-2 classifiers learn from it, or -1
 * @param child    the level-2 child index under {@code parent}, or -1
 */
record Example(TextFeatures features, byte[] targets, float weight, int parent, int child) {
}
