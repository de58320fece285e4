package org.newsflow.enrich.topology;

/**
 * Choices that change the shape of the topology.
 *
 * @param routeByTopic whether articles are also written to one topic per IPTC top-level subject
 */
public record EnrichOptions(boolean routeByTopic) {
}
