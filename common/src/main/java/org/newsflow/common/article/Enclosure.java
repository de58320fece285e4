package org.newsflow.common.article;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A media file attached to an article: an RSS enclosure, a Media RSS {@code media:content}/{@code media:thumbnail},
 * an Atom {@code link rel="enclosure"} or a JSON Feed attachment.
 *
 * @param url    absolute http(s) URL of the file
 * @param type   MIME type as the feed gave it, may be null
 * @param length size in bytes as the feed gave it, null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enclosure(String url, String type, Long length) {
}
