package org.newsflow.enrich.training.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.newsflow.enrich.tagging.entity.ExternalNames;

/**
 * Reads the names WordNet knows from its database files ({@code data.noun}, {@code data.adj}, as installed by
 * Debian's {@code wordnet-base} in {@code /usr/share/wordnet}): instance nouns ("Einstein", "Danube", "Red Cross")
 * with a CoNLL type from their lexicographer file (person → PER, location and object → LOC, group → ORG, anything
 * else → MISC), capitalised class nouns ("Democrat", "Frenchman") typed the same way, and capitalised adjectives
 * ("Caucasian"). Read at training time only; the model keeps hashes (see {@link ExternalNames}).
 */
public final class WordNetNames {

  private WordNetNames() {}

  /**
   * Reads the entries.
   *
   * @param dir folder with {@code data.noun} and {@code data.adj}
   * @return key → packed value, for the model's hashed table
   * @throws IOException if a file cannot be read
   */
  public static Map<Long, Integer> read(Path dir) throws IOException {
    Map<Long, Integer> out = new HashMap<>();
    readFile(dir.resolve("data.noun"), out, false);
    readFile(dir.resolve("data.adj"), out, true);
    return out;
  }

  private static void readFile(Path file, Map<Long, Integer> out, boolean adjectives) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(" ") || line.isBlank()) {
          continue; // licence header
        }
        String[] f = line.split(" ");
        int lexFile = Integer.parseInt(f[1]);
        int words = Integer.parseInt(f[3], 16);
        int p = 4 + 2 * words;
        boolean instance = false;
        int pointers = Integer.parseInt(f[p]);
        for (int k = 0; k < pointers; k++) {
          instance |= f[p + 1 + 4 * k].equals("@i");
        }
        int type = switch (lexFile) {
          case 18 -> 0;
          case 14 -> 1;
          case 15, 17 -> 2;
          default -> 3;
        };
        for (int k = 0; k < words; k++) {
          String lemma = f[4 + 2 * k];
          int paren = lemma.indexOf('(');
          if (paren > 0) {
            lemma = lemma.substring(0, paren); // adjective position markers: "galore(ip)"
          }
          if (lemma.isEmpty() || !Character.isUpperCase(lemma.charAt(0))) {
            continue;
          }
          int value = adjectives ? ExternalNames.adjective()
              : instance ? ExternalNames.instance(type) : ExternalNames.classNoun(type);
          ExternalNames.add(out, lemma.replace('_', ' '), value);
        }
      }
    }
  }
}
