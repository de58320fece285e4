package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsflow.enrich.tagging.text.Token;

/**
 * Where a tagged name may start and end. The model sometimes runs a name into its neighbours ("Limoges ( France",
 * "Melbourne Cricket Ground on Friday", "Shahid Afridi b Harris"); a name never contains a bracket it does not
 * close, sentence punctuation, or a lower-case word other than the particles names are made with ("Bank of
 * England", "Gil de Ferran", "al-Akhdar"). A span is cut at such tokens, and each piece that still starts with a
 * capitalised word is a name of the span's type. Linear in the span's length.
 */
final class MentionBounds {

  /** Lower-case words that occur inside names. */
  private static final Set<String> PARTICLES = Set.of("of", "for", "and", "the", "de", "del", "della", "di", "da",
      "das", "dos", "du", "des", "la", "le", "les", "van", "von", "der", "den", "ter", "al", "el", "bin", "ibn", "y",
      "e", "&", "'s", "\u2019s", "'", "\u2019", "on", "upon", "under", "in", "at", "st.", "zu", "dello");

  /** Particles that may join two parts of a name but never end or start one. */
  private static final Set<String> JOINERS = Set.of("of", "for", "and", "the", "&", "on", "upon", "under", "in", "at",
      "y", "e");

  /** Weekdays and months: "Ground on Friday" ends the name before "on". */
  private static final Set<String> TEMPORAL = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december");

  private MentionBounds() {}

  /** The span cut at every token that cannot be inside a name; pieces without a capitalised word are dropped. */
  static List<Span> pieces(List<Token> tokens, Span span) {
    int a = span.start();
    int b = span.end();
    boolean[] breaks = new boolean[b - a];
    boolean any = false;
    int open = -1;
    for (int i = a; i < b; i++) {
      String t = tokens.get(i).text();
      boolean br;
      if (isOpen(t)) {
        open = i;
        br = true; // an opening bracket is kept only when it is closed inside the span, see below
      } else if (isClose(t) && open >= 0) {
        breaks[open - a] = false;
        open = -1;
        br = false;
      } else {
        br = isBreak(t) || i + 1 < b && PARTICLES.contains(t.toLowerCase(Locale.ROOT))
            && TEMPORAL.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT));
      }
      breaks[i - a] = br;
      any |= br;
    }
    if (!any) {
      return List.of(span);
    }
    List<Span> out = new ArrayList<>();
    int from = a;
    for (int i = a; i <= b; i++) {
      if (i == b || breaks[i - a]) {
        add(tokens, from, i, span.type(), out);
        from = i + 1;
      }
    }
    return out;
  }

  /** Whether the span's last token closes a bracket opened inside it ("Mladost ( BJ )"), so it stays. */
  static boolean closesInside(List<Token> tokens, int a, int b) {
    if (!isClose(tokens.get(b - 1).text())) {
      return false;
    }
    for (int i = b - 2; i >= a; i--) {
      if (isOpen(tokens.get(i).text())) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Token> tokens, int from, int to, String type, List<Span> out) {
    // a leading "The" is part of the name ("The Oval", "The Hague"); a lower-case joiner is not
    while (from < to && JOINERS.contains(tokens.get(from).text())) {
      from++;
    }
    while (to > from && JOINERS.contains(tokens.get(to - 1).text().toLowerCase(Locale.ROOT))) {
      to--;
    }
    for (int i = from; i < to; i++) {
      String t = tokens.get(i).text();
      if (!t.isEmpty() && (Character.isUpperCase(t.charAt(0)) || Character.isDigit(t.charAt(0)))) {
        out.add(new Span(from, to, type));
        return;
      }
    }
  }

  private static boolean isOpen(String t) {
    return t.equals("(") || t.equals("[") || t.equals("{");
  }

  private static boolean isClose(String t) {
    return t.equals(")") || t.equals("]") || t.equals("}");
  }

  private static boolean isBreak(String t) {
    if (t.isEmpty()) {
      return true;
    }
    char c = t.charAt(0);
    if (isClose(t) || t.length() == 1 && ",;:!?\"\u201c\u201d|/".indexOf(c) >= 0 || t.equals("--")
        || t.equals("...")) {
      return true;
    }
    if (!Character.isLowerCase(c)) {
      return false;
    }
    // "al-Akhdar", "iPhone", "eBay": a capital inside makes it a name word
    for (int i = 1; i < t.length(); i++) {
      if (Character.isUpperCase(t.charAt(i))) {
        return false;
      }
    }
    return !PARTICLES.contains(t.toLowerCase(Locale.ROOT));
  }
}
