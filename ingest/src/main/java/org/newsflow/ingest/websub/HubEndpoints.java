package org.newsflow.ingest.websub;

import java.net.URI;

/**
 * Where a feed is published for push: its hub and its topic (the feed's canonical {@code self} URL, which the hub
 * knows it by).
 *
 * @param hub   the hub's URL
 * @param topic the topic URL
 */
public record HubEndpoints(URI hub, URI topic) {
}
