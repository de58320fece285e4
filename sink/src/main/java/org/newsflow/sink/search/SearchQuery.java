package org.newsflow.sink.search;

import java.time.Duration;

/**
 * What to search for; every part is optional.
 *
 * @param text   full-text query over title, summary and text
 * @param entity entity name or key the article must mention
 * @param topic  IPTC topic id (medtop:…) or label the article must have
 * @param since  only articles published within this duration before now
 * @param feed   feed id or feed title
 * @param story  story id
 * @param size   number of hits
 */
public record SearchQuery(String text, String entity, String topic, Duration since, String feed, String story, int size) {
}
