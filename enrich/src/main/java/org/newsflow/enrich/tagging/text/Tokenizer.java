package org.newsflow.enrich.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into tokens with exact character offsets, close to the Penn-Treebank style the CoNLL-2003
 * data uses: possessive {@code 's} and a bare trailing apostrophe are split off, {@code n't} and other clitics are
 * split, hyphenated words, numbers with separators, abbreviations ({@code U.S.}, {@code Mr.}, {@code Jan.}) and
 * URLs stay whole, and every quote or other punctuation mark is a token of its own. Stateless and thread-safe.
 */
public final class Tokenizer {

  /** Abbreviations whose final period belongs to the word (lower-case, without the period). */
  static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
      "rev", "hon", "pres", "st", "jr", "sr", "messrs", "mt", "ft", "fig", "no", "nos", "vol", "vs", "etc", "approx",
      "inc", "corp", "co", "ltd", "bros", "plc", "dept", "univ", "assn", "est", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
      "sat", "sun", "ave", "blvd", "rd", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
      "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va",
      "vt", "wash", "wis", "wyo", "ariz", "ark", "del", "e.g", "i.e", "cf", "al", "op", "pp");

  /** Creates a tokenizer; it holds no state. */
  public Tokenizer() {}

  /**
   * Tokenizes a text.
   *
   * @param text any text; null is treated as empty
   * @return the tokens in order; empty when there are none
   */
  public List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
          || Character.isISOControl(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int urlEnd = urlEnd(text, i);
      if (urlEnd > i) {
        out.add(new Token(text.substring(i, urlEnd), i, urlEnd));
        i = urlEnd;
        continue;
      }
      if (isWordChar(cp)) {
        i = word(text, i, out);
        continue;
      }
      // A possessive written apart ("Queen 's Park", as in tokenized corpora) is the clitic token it stands for.
      if (isApostrophe((char) cp) && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
          && !isLetterAt(text, i + 2) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        out.add(new Token(text.substring(i, i + 2), i, i + 2));
        i += 2;
        continue;
      }
      // Punctuation and symbols: a run of the same mark ("...", "--") is one token, anything else one char.
      int j = i + Character.charCount(cp);
      if (cp == '.' || cp == '-' || cp == '!' || cp == '?' || cp == '*' || cp == '=' || cp == '_') {
        while (j < n && text.charAt(j) == cp) {
          j++;
        }
      }
      out.add(new Token(text.substring(i, j), i, j));
      i = j;
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02bc';
  }

  private static boolean isUpperAscii(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) < 'A' || s.charAt(k) > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterAt(String s, int i) {
    return i < s.length() && Character.isLetter(s.codePointAt(i));
  }

  private static boolean isDigitAt(String s, int i) {
    return i < s.length() && Character.isDigit(s.charAt(i));
  }

  private static int urlEnd(String s, int i) {
    boolean url = s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
    if (!url) {
      return i;
    }
    int j = i;
    while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "<>\"“”".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    // Sentence punctuation right after a URL belongs to the sentence, not the address.
    while (j > i && ".,;:!?)]}'’".indexOf(s.charAt(j - 1)) >= 0) {
      j--;
    }
    return j;
  }

  /** Reads a word starting at {@code i}, adds its token(s) and returns where scanning resumes. */
  private static int word(String s, int i, List<Token> out) {
    int n = s.length();
    int j = i;
    while (j < n) {
      int cp = s.codePointAt(j);
      if (isWordChar(cp)) {
        j += Character.charCount(cp);
        continue;
      }
      char c = s.charAt(j);
      // Joiners stay inside a word only between two word characters.
      if ((c == '-' || c == '\u2010' || c == '&') && j + 1 < n && isWordChar(s.codePointAt(j + 1)) && j > i) {
        j++;
        continue;
      }
      if ((c == '.' || c == ',' || c == ':' || c == '/') && isDigitAt(s, j + 1) && Character.isDigit(s.charAt(j - 1))) {
        j++;
        continue;
      }
      if (isApostrophe(c) && isLetterAt(s, j + 1)) {
        // O'Neill, rock'n'roll stay whole; clitics are split below.
        boolean negation = (s.charAt(j - 1) == 'n' || s.charAt(j - 1) == 'N') && j + 1 < n
            && (s.charAt(j + 1) == 't' || s.charAt(j + 1) == 'T') && !isLetterAt(s, j + 2);
        if (negation || cliticLength(s, j) > 0) {
          break;
        }
        j++;
        continue;
      }
      break;
    }
    // Abbreviations: keep the period of U.S., Mr., Jan., single initials.
    if (j < n && s.charAt(j) == '.') {
      String w = s.substring(i, j);
      if (isAbbreviation(s, i, j, w)) {
        int k = j + 1;
        // U.S. / a.m.: letter-period pairs.
        while (k + 1 < n && Character.isLetter(s.charAt(k)) && s.charAt(k + 1) == '.'
            && (k + 2 >= n || !Character.isLetter(s.charAt(k + 2)))) {
          k += 2;
        }
        j = k;
      }
    }
    // n't belongs with the clitic, not the verb: "didn't" -> "did" "n't".
    if (j < n && isApostrophe(s.charAt(j)) && j - 1 > i && (s.charAt(j - 1) == 'n' || s.charAt(j - 1) == 'N')
        && j + 1 < n && (s.charAt(j + 1) == 't' || s.charAt(j + 1) == 'T') && !isLetterAt(s, j + 2)) {
      out.add(new Token(s.substring(i, j - 1), i, j - 1));
      out.add(new Token(s.substring(j - 1, j + 2), j - 1, j + 2));
      return j + 2;
    }
    // Dollar currencies written with a country prefix ("C$", "A$", "US$", "HK$") are one token.
    if (j < n && s.charAt(j) == '$' && j - i <= 3 && isUpperAscii(s, i, j)) {
      out.add(new Token(s.substring(i, j + 1), i, j + 1));
      return j + 1;
    }
    out.add(new Token(s.substring(i, j), i, j));
    if (j < n && isApostrophe(s.charAt(j))) {
      int len = cliticLength(s, j);
      if (len > 0) {
        out.add(new Token(s.substring(j, j + len), j, j + len));
        return j + len;
      }
      // "Hamas’ ranks": a bare possessive apostrophe after s.
      char last = s.charAt(j - 1);
      if ((last == 's' || last == 'S') && !isLetterAt(s, j + 1)) {
        out.add(new Token(s.substring(j, j + 1), j, j + 1));
        return j + 1;
      }
    }
    return j;
  }

  /** Length of a clitic ('s, 'll, 're, 've, 'm, 'd) starting at the apostrophe {@code j}, or 0. */
  private static int cliticLength(String s, int j) {
    for (String c : new String[] {"s", "ll", "re", "ve", "m", "d"}) {
      int end = j + 1 + c.length();
      if (end <= s.length() && s.regionMatches(true, j + 1, c, 0, c.length()) && !isLetterAt(s, end)) {
        return 1 + c.length();
      }
    }
    return 0;
  }

  private static boolean isAbbreviation(String s, int i, int j, String w) {
    if (w.isEmpty()) {
      return false;
    }
    if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
      // An initial ("J. Smith") or the first letter pair of "U.S.".
      return Character.isUpperCase(w.charAt(0)) || (j + 2 < s.length() && Character.isLetter(s.charAt(j + 1))
          && s.charAt(j + 2) == '.');
    }
    return ABBREVIATIONS.contains(w.toLowerCase(Locale.ROOT));
  }
}
