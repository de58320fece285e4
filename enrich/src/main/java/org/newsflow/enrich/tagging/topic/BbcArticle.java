package org.newsflow.enrich.tagging.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One article of the BBC news training set (Greene &amp; Cunningham 2006; © BBC, research use only: read at
 * training time from a path, never copied into the project).
 *
 * @param category the BBC folder: business, entertainment, politics, sport or tech
 * @param title    first line of the file
 * @param text     the rest of the file
 */
public record BbcArticle(String category, String title, String text) {

  /** The BBC categories and the IPTC level-1 topics they are mapped to. */
  public static final Map<String, String> CATEGORY_TO_TOPIC = Map.of(
      "business", "medtop:04000000",
      "entertainment", "medtop:01000000",
      "politics", "medtop:11000000",
      "sport", "medtop:15000000",
      "tech", "medtop:13000000");

  /** @return the IPTC level-1 qcode this article's category maps to */
  public String topicId() {
    return CATEGORY_TO_TOPIC.get(category);
  }

  /**
   * Reads {@code DIR/{business,entertainment,politics,sport,tech}/*.txt}, in a fixed order.
   *
   * @param dir the BBC data set's root
   * @return its articles, by category then file name
   * @throws IOException when a folder or file cannot be read
   */
  public static List<BbcArticle> readAll(Path dir) throws IOException {
    List<BbcArticle> out = new ArrayList<>();
    for (String category : CATEGORY_TO_TOPIC.keySet().stream().sorted().toList()) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir.resolve(category))) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      }
      for (Path p : files) {
        // a few files of the set are not valid UTF-8: decoding replaces those bytes instead of failing
        String content = new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
        int nl = content.indexOf('\n');
        String title = nl < 0 ? content : content.substring(0, nl).strip();
        String text = nl < 0 ? "" : content.substring(nl + 1).strip();
        out.add(new BbcArticle(category, title, text));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no BBC articles under " + dir);
    }
    return out;
  }
}
