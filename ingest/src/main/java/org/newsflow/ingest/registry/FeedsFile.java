package org.newsflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.common.config.SettingType;

/**
 * Reads a feeds file: YAML with {@code feeds: [{url, name?, interval?, tags?, fullText?}]}, or plain text with one
 * URL or path per line ({@code #} starts a comment). Relative local paths are resolved against the file's directory.
 */
public final class FeedsFile {

  private FeedsFile() {
  }

  /**
   * Reads the feeds of a file; duplicates (same id) are kept once.
   *
   * @throws InvalidFeedsFileException naming the file, the entry and the problem
   */
  public static List<FeedDefinition> read(Path file) {
    String content;
    try {
      content = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidFeedsFileException("cannot read feeds file " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    List<FeedDefinition> feeds = looksLikeYaml(content) ? parseYaml(file, content, base) : parseLines(content, base);
    Map<String, FeedDefinition> unique = new LinkedHashMap<>();
    feeds.forEach(f -> unique.putIfAbsent(f.id(), f));
    return List.copyOf(unique.values());
  }

  private static boolean looksLikeYaml(String content) {
    return content.lines().map(String::strip).anyMatch(l -> l.startsWith("feeds:"));
  }

  private static List<FeedDefinition> parseLines(String content, Path base) {
    List<FeedDefinition> out = new ArrayList<>();
    for (String line : content.lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      out.add(FeedDefinition.of(resolve(l, base)));
    }
    return out;
  }

  private static List<FeedDefinition> parseYaml(Path file, String content, Path base) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(content);
    } catch (IOException e) {
      throw new InvalidFeedsFileException("feeds file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    JsonNode feeds = root.path("feeds");
    if (!feeds.isArray()) {
      throw new InvalidFeedsFileException("feeds file " + file + ": 'feeds' must be a list of {url, name?, interval?, tags?}", null);
    }
    List<FeedDefinition> out = new ArrayList<>();
    int index = 0;
    for (JsonNode n : feeds) {
      index++;
      String url = n.isTextual() ? n.asText() : n.path("url").asText(null);
      if (url == null || url.isBlank()) {
        throw new InvalidFeedsFileException("feeds file " + file + ", feed #" + index + ": 'url' is missing", null);
      }
      try {
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        String interval = n.path("interval").asText(null);
        out.add(new FeedDefinition(n.path("id").asText(null), resolve(url, base), n.path("name").asText(null),
            interval == null ? null : SettingType.DURATION.parse().apply(interval), tags,
            n.path("fullText").asBoolean(false)));
      } catch (IllegalArgumentException e) {
        throw new InvalidFeedsFileException("feeds file " + file + ", feed #" + index + " (" + url + "): " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String resolve(String url, Path base) {
    if (url.contains("://") || url.startsWith("file:")) {
      return url;
    }
    Path p = Path.of(url);
    return (p.isAbsolute() || base == null ? p : base.resolve(p)).normalize().toString();
  }
}
