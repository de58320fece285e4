package org.newsflow.common.topics;

import java.util.Map;

/**
 * A topic of the pipeline: its full name, its cleanup policy and the configs newsflow creates it with.
 *
 * @param name    full topic name, prefix included
 * @param compact whether the topic is log-compacted (latest value per key is kept)
 * @param configs extra topic configs used when newsflow creates the topic
 */
public record TopicSpec(String name, boolean compact, Map<String, String> configs) {

  /** Copies the configs. */
  public TopicSpec {
    configs = Map.copyOf(configs);
  }
}
