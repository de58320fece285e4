package org.newsflow.ingest.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Decodes the latest JSON record per feed of a compacted topic (feed health, poller state). */
final class FeedRecords {

  private FeedRecords() {
  }

  /**
   * The records that decode, by feed id; each one that does not is reported to {@code unreadable} (feed id,
   * reason) and skipped, so one bad record does not hide the others.
   */
  static <T> Map<String, T> decode(Map<String, byte[]> latest, Class<T> type, ObjectMapper mapper,
                                   BiConsumer<String, String> unreadable) {
    Map<String, T> out = new TreeMap<>();
    latest.forEach((id, bytes) -> {
      try {
        out.put(id, mapper.readValue(bytes, type));
      } catch (IOException e) {
        unreadable.accept(id, e.getMessage());
      }
    });
    return out;
  }
}
