package org.newsflow.enrich.training.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviewed table that maps each labelled source category (BBC folder, HuffPost section, Reuters-21578 topic) to
 * IPTC level-1 subjects, read from {@value #RESOURCE}.
 *
 * @param rows rows by {@code source + "\t" + category}
 */
public record SourceMapping(Map<String, Row> rows) {

  /** Classpath location of the table. */
  public static final String RESOURCE = "training/topic-sources.tsv";

  /**
   * One row.
   *
   * @param source   bbc, huffpost or reuters
   * @param category the source's own category name, or {@code *} for all others
   * @param topics   IPTC level-1 qcodes, empty when the category is left out
   * @param anyOf    true when any one of the topics is right (a category that spans them), false when all are
   * @param note     why
   */
  public record Row(String source, String category, List<String> topics, boolean anyOf, String note) {
  }

  /** Immutable copy. */
  public SourceMapping {
    rows = Map.copyOf(rows);
  }

  /** @return the table bundled on the classpath */
  public static SourceMapping loadDefault() {
    try (InputStream in = SourceMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param in the TSV table
   * @return the mapping
   * @throws IOException when a row is malformed
   */
  public static SourceMapping read(InputStream in) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5 || !List.of("all", "any", "none").contains(f[3])) {
        throw new IOException("bad mapping row: " + line);
      }
      List<String> topics = "-".equals(f[2]) ? List.of() : Arrays.asList(f[2].split(","));
      if (topics.isEmpty() != "none".equals(f[3])
          || topics.stream().anyMatch(t -> !t.matches("medtop:\\d{2}000000"))) {
        throw new IOException("bad topics in mapping row: " + line);
      }
      rows.put(f[0] + "\t" + f[1], new Row(f[0], f[1], List.copyOf(topics), "any".equals(f[3]), f[4]));
    }
    return new SourceMapping(rows);
  }

  /**
   * @param source   bbc, huffpost or reuters
   * @param category the source's category
   * @return its row (or the source's {@code *} row), empty when the source has neither
   */
  public Optional<Row> row(String source, String category) {
    Row row = rows.get(source + "\t" + category);
    return Optional.ofNullable(row != null ? row : rows.get(source + "\t*"));
  }
}
