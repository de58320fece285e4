package org.newsflow.common.article;

/**
 * An IPTC Media Topic assigned to an article (vocabulary by IPTC, CC BY 4.0).
 *
 * @param id    concept id, e.g. {@code medtop:11000000}
 * @param label English label, e.g. {@code politics}
 * @param level 1 for the 17 top-level subjects, 2 for their children
 * @param score classifier confidence 0..1
 */
public record MediaTopic(String id, String label, int level, double score) {
}
