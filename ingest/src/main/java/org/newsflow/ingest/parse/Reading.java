package org.newsflow.ingest.parse;

/**
 * How a feed document was read.
 *
 * @param format   what was parsed, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json-feed}, {@code recovered}
 * @param encoding the canonical (Java) name of the charset the document was read in, e.g. {@code UTF-8},
 *                 {@code ISO-8859-1}, {@code UTF-16LE}; null for JSON Feed
 * @param problem  what was at fault in the document or its transport, null when nothing was; see
 *                 {@link #recovered()}
 */
public record Reading(String format, String encoding, String problem) {

  /**
   * Whether the document or its transport was at fault, as feedparser's {@code bozo}: not well-formed XML (entries
   * recovered by Rome's healer or the lenient reader), bytes not in the charset the HTTP header or declaration gave
   * (read in the next that fits), no declaration on a non-UTF-8 document (detected), or a non-XML Content-Type.
   */
  public boolean recovered() {
    return problem != null;
  }
}
