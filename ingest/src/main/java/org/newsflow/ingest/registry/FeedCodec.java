package org.newsflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.newsflow.common.config.SettingType;

/**
 * The JSON of a feed definition in news.feeds: {@code {"id", "url", "name"?, "interval"?, "tags"?, "fullText"?}},
 * the interval as ISO-8601 ({@code PT5M}) or the short form of the config ({@code 5m}).
 */
public final class FeedCodec {

  private final ObjectMapper mapper = new ObjectMapper();

  /** JSON bytes of a definition. */
  public byte[] toBytes(FeedDefinition f) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", f.id());
    n.put("url", f.url());
    if (f.name() != null) {
      n.put("name", f.name());
    }
    if (f.interval() != null) {
      n.put("interval", f.interval().toString());
    }
    if (!f.tags().isEmpty()) {
      f.tags().forEach(n.putArray("tags")::add);
    }
    if (f.fullText()) {
      n.put("fullText", true);
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A definition from JSON bytes.
   *
   * @throws IllegalArgumentException naming the problem when the bytes are not a feed definition
   */
  public FeedDefinition fromBytes(byte[] json) {
    JsonNode n;
    try {
      n = mapper.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (n == null || !n.isObject() || !n.path("url").isTextual()) {
      throw new IllegalArgumentException("feed definition needs a string 'url'");
    }
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    String interval = n.path("interval").asText(null);
    return new FeedDefinition(n.path("id").asText(null), n.path("url").asText(), n.path("name").asText(null),
        interval == null ? null : interval.startsWith("P") ? java.time.Duration.parse(interval)
            : SettingType.DURATION.parse().apply(interval), tags, n.path("fullText").asBoolean(false));
  }
}
