package org.newsflow.enrich.tagging.entity;

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
 * groups sentences into documents. The files we get have no {@code -DOCSTART-} lines, so a new document is started
 * before a headline that is followed by a dateline ("LONDON 1996-08-30"), which is how every Reuters story opens;
 * document-level features then see roughly the stories they would see in production.
 */
final class ConllCorpus {

  /** One labelled sentence. */
  record Sentence(String[] words, String[] tags) {}

  private static final Pattern DATELINE_END = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_DOC = 80;

  private ConllCorpus() {}

  static List<Sentence> read(Path file) throws IOException {
    List<Sentence> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("-DOCSTART-")) {
          flush(out, words, tags);
          continue;
        }
        String[] cols = t.split("\\s+");
        words.add(cols[0]);
        tags.add(cols.length > 1 ? cols[cols.length - 1] : "O");
      }
    }
    flush(out, words, tags);
    return out;
  }

  private static void flush(List<Sentence> out, List<String> words, List<String> tags) {
    if (!words.isEmpty()) {
      out.add(new Sentence(words.toArray(String[]::new), tags.toArray(String[]::new)));
      words.clear();
      tags.clear();
    }
  }

  static List<List<Sentence>> documents(List<Sentence> sentences) {
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
