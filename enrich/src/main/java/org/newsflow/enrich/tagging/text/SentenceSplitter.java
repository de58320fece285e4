package org.newsflow.enrich.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups tokens into sentences. A sentence ends at {@code . ! ?} (plus any closing quotes or brackets after it)
 * when the next token could start a sentence, at every line break (in article text a line break ends a paragraph, a
 * headline or a dateline, and is never inside a sentence or a name), and after an abbreviation such as {@code U.S.}
 * only when a typical sentence opener follows. Titles like {@code Mr.} never end a sentence. Stateless and
 * thread-safe.
 */
public final class SentenceSplitter {

  /** Longest sentence handed on; longer runs (tables, lists without punctuation) are cut to keep decoding cheap. */
  public static final int MAX_TOKENS = 250;

  private static final Set<String> TITLES = Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.",
      "gov.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "rev.", "hon.", "st.", "no.", "vs.", "mt.", "ft.");

  /** Words that, capitalised after an abbreviation like "U.S.", almost always open a new sentence. */
  private static final Set<String> OPENERS = Set.of("the", "he", "she", "it", "they", "we", "i", "but", "and", "in",
      "on", "a", "an", "this", "that", "there", "these", "those", "his", "her", "its", "their", "meanwhile",
      "however", "officials", "after", "when", "while", "as", "if", "for", "at", "some", "many", "one");

  private final Tokenizer tokenizer;

  /** Creates a splitter with its own tokenizer. */
  public SentenceSplitter() {
    this(new Tokenizer());
  }

  /**
   * Creates a splitter.
   *
   * @param tokenizer the tokenizer to use
   */
  public SentenceSplitter(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /**
   * Tokenizes and splits a text.
   *
   * @param text any text; null is treated as empty
   * @return the sentences in order
   */
  public List<Sentence> split(String text) {
    return split(text == null ? "" : text, tokenizer.tokenize(text));
  }

  /**
   * Splits already tokenized text.
   *
   * @param text   the text the tokens index into (used to see line breaks)
   * @param tokens its tokens
   * @return the sentences in order
   */
  public List<Sentence> split(String text, List<Token> tokens) {
    List<Sentence> out = new ArrayList<>();
    int from = 0;
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      boolean end = false;
      Token t = tokens.get(i);
      if (i + 1 < n && lineBreakBetween(text, t.end(), tokens.get(i + 1).start())) {
        end = true;
      } else if (isTerminal(t.text())) {
        // Closing quotes and brackets stay with the sentence they close.
        while (i + 1 < n && isCloser(tokens.get(i + 1).text())) {
          i++;
        }
        end = i + 1 >= n || canStart(tokens.get(i + 1).text());
      } else if (t.text().length() > 2 && t.text().endsWith(".") && i + 1 < n
          && !TITLES.contains(t.text().toLowerCase(Locale.ROOT))) {
        String next = tokens.get(i + 1).text();
        end = Character.isUpperCase(next.charAt(0)) && OPENERS.contains(next.toLowerCase(Locale.ROOT));
      }
      if (!end && i + 1 - from >= MAX_TOKENS) {
        end = true;
      }
      if (end || i + 1 >= n) {
        out.add(new Sentence(tokens.subList(from, i + 1)));
        from = i + 1;
      }
    }
    return out;
  }

  private static boolean lineBreakBetween(String text, int from, int to) {
    for (int k = Math.max(0, from); k < to && k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        return true;
      }
    }
    return false;
  }

  private static boolean isTerminal(String s) {
    char c = s.charAt(0);
    return (c == '.' || c == '!' || c == '?' || c == '\u2026') && (s.length() == 1 || s.charAt(s.length() - 1) == c);
  }

  private static boolean isCloser(String s) {
    return s.length() == 1 && "\"'\u201d\u2019)]}\u00bb".indexOf(s.charAt(0)) >= 0;
  }

  private static boolean canStart(String s) {
    int cp = s.codePointAt(0);
    return !Character.isLowerCase(cp) || s.equals("\u201c");
  }
}
