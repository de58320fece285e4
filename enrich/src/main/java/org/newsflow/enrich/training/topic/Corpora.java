package org.newsflow.enrich.training.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the labelled corpora the topic model learns from, mapped to IPTC through {@link SourceMapping}, and their
 * text as unlabeled material for word vectors. Each is read from a path at training time and never copied into the
 * project.
 *
 * @param labelled  texts of mapped categories, corpus by corpus in file order
 * @param unlabeled every text of every corpus (title and body), labelled or not, with its corpus
 */
public record Corpora(List<LabelledText> labelled, List<Unlabeled> unlabeled) {

  /** The corpora a cross-corpus evaluation holds out in turn. */
  public static final List<String> NAMES = List.of("bbc", "huffpost", "reuters");

  /**
   * One unlabeled text.
   *
   * @param corpus its corpus
   * @param text   title and body
   */
  public record Unlabeled(String corpus, String text) {
  }

  /** Immutable copy. */
  public Corpora {
    labelled = List.copyOf(labelled);
    unlabeled = List.copyOf(unlabeled);
  }

  /**
   * Reads whichever corpora are given (null paths are skipped).
   *
   * @param bbc      the BBC set's folder of category folders
   * @param huffpost HuffPost News Category JSON lines
   * @param reuters  Reuters-21578 JSON lines
   * @param mapping  the category table
   * @return the corpora
   * @throws IOException when a file cannot be read
   */
  public static Corpora read(Path bbc, Path huffpost, Path reuters, SourceMapping mapping) throws IOException {
    List<LabelledText> labelled = new ArrayList<>();
    List<Unlabeled> unlabeled = new ArrayList<>();
    if (bbc != null) {
      for (BbcArticle a : BbcArticle.readAll(bbc)) {
        add("bbc", a.category(), List.of(a.category()), a.title(), a.text(), mapping, labelled, unlabeled);
      }
    }
    ObjectMapper json = new ObjectMapper();
    if (huffpost != null) {
      for (JsonNode n : jsonLines(huffpost, json)) {
        String category = n.path("category").asText();
        add("huffpost", category, List.of(category), n.path("headline").asText(),
            n.path("short_description").asText(), mapping, labelled, unlabeled);
      }
    }
    if (reuters != null) {
      for (JsonNode n : jsonLines(reuters, json)) {
        List<String> categories = new ArrayList<>();
        n.path("topics").forEach(t -> categories.add(t.asText()));
        add("reuters", String.join("+", categories), categories, n.path("title").asText(), n.path("text").asText(),
            mapping, labelled, unlabeled);
      }
    }
    return new Corpora(labelled, unlabeled);
  }

  private static void add(String corpus, String category, List<String> categories, String title, String text,
      SourceMapping mapping, List<LabelledText> labelled, List<Unlabeled> unlabeled) {
    unlabeled.add(new Unlabeled(corpus, title + "\n" + text));
    Set<String> topics = new LinkedHashSet<>();
    boolean anyOf = false;
    for (String c : categories) {
      var row = mapping.row(corpus, c);
      if (row.isPresent()) {
        topics.addAll(row.get().topics());
        anyOf |= row.get().anyOf();
      }
    }
    if (!topics.isEmpty() && !(text.isBlank() && title.isBlank())) {
      labelled.add(new LabelledText(corpus, category, title, text, List.copyOf(topics), anyOf));
    }
  }

  private static List<JsonNode> jsonLines(Path file, ObjectMapper json) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(json.readTree(line));
        }
      }
    }
    return out;
  }

  /**
   * @param corpus a corpus name
   * @return these corpora without that one
   */
  public Corpora without(String corpus) {
    return new Corpora(labelled.stream().filter(t -> !t.corpus().equals(corpus)).toList(),
        unlabeled.stream().filter(t -> !t.corpus().equals(corpus)).toList());
  }

  /**
   * @param corpus a corpus name
   * @return that corpus's labelled texts
   */
  public List<LabelledText> labelled(String corpus) {
    return labelled.stream().filter(t -> t.corpus().equals(corpus)).toList();
  }
}
