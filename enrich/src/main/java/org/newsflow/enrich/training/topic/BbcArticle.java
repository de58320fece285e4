package org.newsflow.enrich.training.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Reads {@code DIR/CATEGORY/*.txt} (business, entertainment, politics, sport, tech), in a fixed order.
   *
   * @param dir the BBC data set's root
   * @return its articles, by category then file name
   * @throws IOException when a folder or file cannot be read
   */
  public static List<BbcArticle> readAll(Path dir) throws IOException {
    List<BbcArticle> out = new ArrayList<>();
    List<String> categories;
    try (Stream<Path> s = Files.list(dir)) {
      categories = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String category : categories) {
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
