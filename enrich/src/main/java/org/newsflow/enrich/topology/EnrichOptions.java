package org.newsflow.enrich.topology;

import java.time.Duration;

/**
 * Choices that change the shape of the topology.
 *
 * @param routeByTopic   whether articles are also written to one topic per IPTC top-level subject
 * @param revisionWindow how long the last published revision of an article is remembered for deduplication
 */
public record EnrichOptions(boolean routeByTopic, Duration revisionWindow) {

  /** The default revision window. */
  public static final Duration DEFAULT_REVISION_WINDOW = Duration.ofDays(30);

  /** Options with the default revision window. */
  public EnrichOptions(boolean routeByTopic) {
    this(routeByTopic, DEFAULT_REVISION_WINDOW);
  }

  /** Checks the window. */
  public EnrichOptions {
    if (revisionWindow.isNegative() || revisionWindow.isZero()) {
      throw new IllegalArgumentException("revision window must be positive");
    }
  }
}
