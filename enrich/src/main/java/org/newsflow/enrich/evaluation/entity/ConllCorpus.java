package org.newsflow.enrich.evaluation.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads CoNLL-2003 style files (one token per line, NER tag in the last column, blank line between sentences) and
 * groups sentences into documents: at {@code -DOCSTART-} lines, and in files without them (the ones we have)
 * before a headline that is followed by a dateline ("LONDON 1996-08-30"), which is how every Reuters story opens;
 * document-level features then see roughly the stories they would see in production.
 */
public final class ConllCorpus {

  /** One labelled sentence. */
  public record Sentence(String[] words, String[] tags) {}

  private static final Pattern DATELINE_END = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_DOC = 80;

  private ConllCorpus() {}

  /** Reads a file's sentences in order. */
  public static List<Sentence> read(Path file) throws IOException {
    List<Sentence> out = new ArrayList<>();
    parse(file, out, new ArrayList<>());
    return out;
  }

  /**
   * Reads a file as documents: split at {@code -DOCSTART-} lines when the file has them, else by
   * {@link #documents(List)}.
   */
  public static List<List<Sentence>> readDocuments(Path file) throws IOException {
    List<Sentence> sentences = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    parse(file, sentences, starts);
    if (starts.isEmpty()) {
      return documents(sentences);
    }
    List<List<Sentence>> docs = new ArrayList<>();
    starts.add(sentences.size());
    if (starts.getFirst() > 0) {
      docs.add(new ArrayList<>(sentences.subList(0, starts.getFirst())));
    }
    for (int d = 0; d + 1 < starts.size(); d++) {
      if (starts.get(d + 1) > starts.get(d)) {
        docs.add(new ArrayList<>(sentences.subList(starts.get(d), starts.get(d + 1))));
      }
    }
    return docs;
  }

  private static void parse(Path file, List<Sentence> out, List<Integer> docStarts) throws IOException {
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("-DOCSTART-")) {
          flush(out, words, tags);
          if (!t.isEmpty()) {
            docStarts.add(out.size());
          }
          continue;
        }
        String[] cols = t.split("\\s+");
        words.add(cols[0]);
        tags.add(cols.length > 1 ? cols[cols.length - 1] : "O");
      }
    }
    flush(out, words, tags);
  }

  private static void flush(List<Sentence> out, List<String> words, List<String> tags) {
    if (!words.isEmpty()) {
      out.add(new Sentence(words.toArray(String[]::new), tags.toArray(String[]::new)));
      words.clear();
      tags.clear();
    }
  }

  /** Groups sentences into documents: at {@code -DOCSTART-} lines, else before headline + dateline. */
  public static List<List<Sentence>> documents(List<Sentence> sentences) {
    List<List<Sentence>> docs = new ArrayList<>();
    List<Sentence> cur = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      boolean startsDoc = i + 1 < sentences.size() && isDateline(sentences.get(i + 1).words());
      if ((startsDoc || cur.size() >= MAX_DOC) && !cur.isEmpty()) {
        docs.add(cur);
        cur = new ArrayList<>();
      }
      cur.add(sentences.get(i));
    }
    if (!cur.isEmpty()) {
      docs.add(cur);
    }
    return docs;
  }

  private static boolean isDateline(String[] words) {
    return words.length <= 8 && DATELINE_END.matcher(words[words.length - 1]).matches();
  }
}
