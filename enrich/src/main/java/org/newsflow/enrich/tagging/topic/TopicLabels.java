package org.newsflow.enrich.tagging.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact label table of live IPTC level-1 and level-2 Media Topics shipped beside the model
 * ({@code models/iptc-mediatopics-l1l2.tsv}; IPTC NewsCodes, CC BY 4.0).
 *
 * @param byId entries by qcode
 */
public record TopicLabels(Map<String, Entry> byId) {

  /** Classpath location of the table. */
  public static final String RESOURCE = "models/iptc-mediatopics-l1l2.tsv";

  /**
   * One row of the table.
   *
   * @param id       qcode
   * @param level    1 or 2
   * @param parentId parent qcode, null at level 1
   * @param label    English label
   */
  public record Entry(String id, int level, String parentId, String label) {
  }

  /** Immutable copy, insertion order kept. */
  public TopicLabels {
    byId = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }

  /**
   * @param in the TSV table ({@code qcode, level, parent or -, label}; {@code #} comments)
   * @return the parsed table
   * @throws IOException when reading fails or a row is malformed
   */
  public static TopicLabels read(InputStream in) throws IOException {
    Map<String, Entry> m = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IOException("malformed topic label row: " + line);
      }
      m.put(f[0], new Entry(f[0], Integer.parseInt(f[1]), "-".equals(f[2]) ? null : f[2], f[3]));
    }
    return new TopicLabels(m);
  }

  /** @return the table bundled on the classpath */
  public static TopicLabels loadDefault() {
    try (InputStream in = TopicLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param id qcode
   * @return its English label, or the qcode itself when unknown
   */
  public String label(String id) {
    Entry e = byId.get(id);
    return e == null ? id : e.label();
  }
}
