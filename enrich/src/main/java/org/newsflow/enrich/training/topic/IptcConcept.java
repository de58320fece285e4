package org.newsflow.enrich.training.topic;

/**
 * One concept of the IPTC Media Topics vocabulary (IPTC NewsCodes, CC BY 4.0).
 *
 * @param id         qcode such as {@code medtop:16000000}
 * @param label      English label
 * @param definition English definition, empty when the vocabulary gives none
 * @param level      1 for the 17 top-level subjects, 2 for their children, and so on down to 6
 * @param parentId   the qcode one level up, null for level 1
 * @param level1Id   the level-1 ancestor (the concept itself at level 1)
 * @param level2Id   the level-2 ancestor (the concept itself at level 2), null for level 1
 */
public record IptcConcept(String id, String label, String definition, int level, String parentId,
    String level1Id, String level2Id) {
}
