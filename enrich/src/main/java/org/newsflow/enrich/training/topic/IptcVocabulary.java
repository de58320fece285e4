package org.newsflow.enrich.training.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live (not retired) concepts of the IPTC Media Topics vocabulary, read from IPTC's JSON export keyed by
 * qcode. Used at training time; the tagger itself only needs the compact label table ({@link TopicLabels}).
 *
 * @param concepts live concepts in qcode order
 */
public record IptcVocabulary(List<IptcConcept> concepts) {

  /** Defensive copy: the vocabulary is shared between training threads. */
  public IptcVocabulary {
    concepts = List.copyOf(concepts);
  }

  /**
   * Reads the JSON export ({@code {"medtop:...": {"Name (en-GB)": ..., "Level1/NewsCode": ..., ...}}}).
   *
   * @param file path of the export
   * @return its live concepts
   * @throws IOException when the file cannot be read or parsed
   */
  public static IptcVocabulary read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<IptcConcept> out = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        if (!text(c, "RetiredDate").isEmpty()) {
          continue;
        }
        String[] path = new String[7];
        int level = 0;
        for (int l = 1; l <= 6; l++) {
          path[l] = text(c, "Level" + l + "/NewsCode");
          if (!path[l].isEmpty()) {
            level = l;
          }
        }
        if (level == 0 || !e.getKey().equals(path[level])) {
          continue;
        }
        out.add(new IptcConcept(e.getKey(), text(c, "Name (en-GB)"), text(c, "Definition (en-GB)"), level,
            level == 1 ? null : path[level - 1], path[1], level >= 2 ? path[2] : null));
      }
      out.sort(Comparator.comparing(IptcConcept::id));
      return new IptcVocabulary(out);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText().strip();
  }

  /** @return the concepts of one level, in qcode order */
  public List<IptcConcept> atLevel(int level) {
    return concepts.stream().filter(c -> c.level() == level).toList();
  }

  /** @return every concept by qcode, in qcode order */
  public Map<String, IptcConcept> byId() {
    Map<String, IptcConcept> m = new LinkedHashMap<>();
    concepts.forEach(c -> m.put(c.id(), c));
    return m;
  }

  /**
   * @param ancestorId the qcode of a level-1 or level-2 concept
   * @return the concept and all its live descendants
   */
  public List<IptcConcept> subtree(String ancestorId) {
    return concepts.stream()
        .filter(c -> ancestorId.equals(c.level1Id()) || ancestorId.equals(c.level2Id()))
        .toList();
  }

  /**
   * Writes the compact label table of live level-1 and level-2 concepts that ships with the model.
   *
   * @param out where to write (UTF-8 text)
   * @throws IOException when writing fails
   */
  public void writeLabelTable(Writer out) throws IOException {
    out.write("# IPTC Media Topics (https://iptc.org/standards/media-topics/), IPTC NewsCodes, CC BY 4.0.\n");
    out.write("# Live level-1 and level-2 concepts: qcode<TAB>level<TAB>parent<TAB>English label\n");
    for (IptcConcept c : concepts) {
      if (c.level() <= 2) {
        out.write(c.id() + "\t" + c.level() + "\t" + (c.parentId() == null ? "-" : c.parentId()) + "\t"
            + c.label() + "\n");
      }
    }
  }
}
