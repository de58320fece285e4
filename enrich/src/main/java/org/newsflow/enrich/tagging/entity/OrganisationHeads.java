package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Organisation names in English are headed by a designator noun: they end with it ("World Health Organization",
 * "Meta Platforms", "Apple Inc.") or begin with it followed by "of"/"for" ("Department of Homeland Security",
 * "Centers for Disease Control and Prevention"). The model, trained on 1996 Reuters, misses many such names of
 * today's news: it types them PER or MISC, runs two of them into one span, or tags a fragment. Applied to one
 * sentence's spans after {@link MentionBounds}, in this order:
 *
 * <ol>
 *   <li><b>restore</b>: a span inside a continuous run of capitalised words and the joiners {@code of for and &}
 *       (no other span, no sentence-opening word such as "But" or "The") that is designator-headed while the span
 *       is not becomes that run, as an organisation ("Control" → "Centers for Disease Control and Prevention");
 *       the run starts after the last joiner before its first "designator of" ("Shares of Bank of America" gives
 *       "Bank of America"); a one-word demonym span stays itself ("German" + "Foreign Ministry");</li>
 *   <li><b>split</b>: a span "X and the Y" where X and Y are both designator-headed is two organisations;</li>
 *   <li><b>retype</b>: a span of two or more words that is designator-headed and not a known place ("West Bank",
 *       "Russian Federation") is an organisation, except a known first name and one more word ("Margaret
 *       Court");</li>
 *   <li><b>coordinate</b>: a person span of two or more words without a known first name, joined by "and", "or" or
 *       "&" to a designator-headed organisation, is an organisation ("Exxon Mobil and Pioneer Natural Resources");
 *       not by a comma, which is as often an apposition ("the Conservative Party, Liam Fox").</li>
 * </ol>
 *
 * <p>Capitalisation is read from the words as the model saw them, so the common words of a Title-Case headline are
 * lower case ({@link HeadlineCase}) and no run. Designators match only as written (an ALL-CAPS headline's "BANK"
 * is none; {@code PLC LLC LLP AG} are). Words that also head place or event names ("Street", "Ocean", "Cup",
 * "Games", "Center", "League", "Club", "United", "Union") are not designators. The lists were chosen by reasoning,
 * an invented probe of modern news and the BBC articles, and checked on CoNLL-2003 dev (docs/entities.md). Linear
 * in the sentence's words and spans.
 */
final class OrganisationHeads {

  /** Words that end an organisation's name. */
  private static final Set<String> HEADS = Set.of("Foundation", "Organization", "Organisation", "Fund",
      "Commission", "Department", "Ministry", "Agency", "Institute", "Institutes", "Institution", "Centers",
      "Centres", "Council", "Committee", "Association", "Bank", "University", "College", "Corporation", "Corp",
      "Corp.", "Inc", "Inc.", "Co.", "Ltd", "Ltd.", "plc", "PLC", "Plc", "LLC", "LLP", "AG", "GmbH", "Group",
      "Holdings", "Platforms", "Airlines", "Airways", "Motors", "Party", "Federation", "Authority",
      "Board", "Bureau", "Service", "Services", "Office", "Assembly", "Parliament", "Society", "Technologies",
      "Pharmaceuticals", "Laboratories", "Industries", "Resources", "Administration", "Coalition", "Consortium",
      "Alliance", "Trust", "Agencies", "Ministries", "Commissions");

  /** Words that begin an organisation's name when "of" or "for" follows. */
  private static final Set<String> OF_HEADS = Set.of("Department", "Ministry", "Bank", "University", "College",
      "Institute", "Institutes", "Council", "Committee", "Commission", "Office", "Board", "Bureau", "Court",
      "Party", "Union", "League", "Federation", "Association", "Society", "Center", "Centers", "Centre", "Centres",
      "Agency", "Organization", "Organisation", "Fund", "Foundation", "Academy", "Alliance", "Coalition",
      "Administration", "Authority");

  private static final Set<String> OF = Set.of("of", "for");
  private static final Set<String> JOINERS = Set.of("of", "for", "and", "&");
  /**
   * Capitalised words that open sentences, not names: a run never contains them ("But Home Office", "Five Bank of
   * America subsidiaries").
   */
  private static final Set<String> STOP = Set.of("The", "A", "An", "But", "And", "Or", "So", "Yet", "If", "When",
      "While", "As", "At", "In", "On", "For", "By", "With", "From", "To", "After", "Before", "Past", "This", "That",
      "These", "Those", "Its", "His", "Her", "Their", "Our", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
      "Eight", "Nine", "Ten", "Mr", "Mrs", "Ms", "Dr", "Among", "Both", "Some", "Many", "All", "Every", "Each");
  /** No comma: "the Conservative Party, Liam Fox," is an apposition, not a list. */
  private static final Set<String> COORDINATORS = Set.of("and", "or", "&");
  private static final String ORG = "ORG";

  private final Gazetteer gazetteer;
  private final Predicate<String> knownPlace;

  /**
   * @param gazetteer  first names (a person's name is not retyped)
   * @param knownPlace whether a name as written is a known place (then it is not retyped)
   */
  OrganisationHeads(Gazetteer gazetteer, Predicate<String> knownPlace) {
    this.gazetteer = gazetteer;
    this.knownPlace = knownPlace;
  }

  /**
   * The sentence's spans (in order, not overlapping) with the rules above applied; same order, no overlaps.
   *
   * @param words the sentence's words as the model saw them: a Title-Case headline's common words are lower case
   *              ({@link HeadlineCase}), so "Biden Tells Party" is no capitalised run
   * @param spans the spans after {@link MentionBounds}
   */
  List<Span> apply(String[] words, List<Span> spans) {
    if (spans.isEmpty()) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.size() + 2);
    int prevEnd = 0;
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      int nextStart = i + 1 < spans.size() ? spans.get(i + 1).start() : words.length;
      Span r = restore(words, s, prevEnd, nextStart);
      if (r != s && r.start() == s.start() && isDemonym(words, s)) {
        // "German Foreign Ministry": the adjective stays a name of its own, the organisation is the rest, if the
        // rest is a designator-headed name by itself ("German Bank" leaves "German" alone)
        out.add(s);
        if (!headed(words, s.end(), r.end())) {
          prevEnd = s.end();
          continue;
        }
        r = new Span(s.end(), r.end(), ORG);
      }
      if (!split(words, r, out)) {
        out.add(retype(words, r));
      }
      prevEnd = r.end();
    }
    coordinate(words, out);
    return out;
  }

  /** Whether words a..b-1 form a designator-headed name. */
  static boolean headed(String[] words, int a, int b) {
    if (b - a >= 2 && isDesignator(words[b - 1], HEADS)) {
      return true;
    }
    for (int k = a; k + 2 < b; k++) {
      if (isDesignator(words[k], OF_HEADS) && OF.contains(words[k + 1])) {
        return true;
      }
    }
    return false;
  }

  private Span restore(String[] words, Span s, int prevEnd, int nextStart) {
    if (headed(words, s.start(), s.end())) {
      return s;
    }
    int a = s.start();
    while (a - 1 >= prevEnd && runWord(words[a - 1])) {
      a--;
    }
    int b = s.end();
    while (b < nextStart && runWord(words[b])) {
      b++;
    }
    // a run starts and ends with a capitalised word ("The" is a stop word: "The Centers for" starts at "Centers")
    while (a < s.start() && !capitalised(words[a])) {
      a++;
    }
    while (b > s.end() && !capitalised(words[b - 1]) && !HEADS.contains(words[b - 1])) {
      b--;
    }
    if (a == s.start() && b == s.end()) {
      return s;
    }
    // the name starts after the last joiner before its first "designator of" ("Shares of Bank of America")
    int start = a;
    for (int k = a; k + 2 < b; k++) {
      if (JOINERS.contains(words[k])) {
        start = k + 1;
      } else if (isDesignator(words[k], OF_HEADS) && OF.contains(words[k + 1])) {
        break;
      }
    }
    start = Math.min(start, s.start());
    if (!headed(words, start, b)) {
      return s;
    }
    return new Span(start, b, ORG);
  }

  private boolean split(String[] words, Span s, List<Span> out) {
    // only the first "and the" is tried, so the work stays linear in the span's length
    for (int k = s.start() + 2; k + 2 < s.end(); k++) {
      if (words[k].equals("and") && words[k + 1].equalsIgnoreCase("the")) {
        if (!headed(words, s.start(), k) || !headed(words, k + 2, s.end())) {
          return false;
        }
        out.add(new Span(s.start(), k, ORG));
        out.add(new Span(k + 2, s.end(), ORG));
        return true;
      }
    }
    return false;
  }

  private Span retype(String[] words, Span s) {
    if (s.type().equals(ORG) || s.end() - s.start() < 2 || !headed(words, s.start(), s.end())) {
      return s;
    }
    if (s.type().equals("PER") && s.end() - s.start() == 2
        && (gazetteer.wordFlags(words[s.start()]) & Gazetteer.FIRST_NAME) != 0) {
      return s;
    }
    String name = text(words, s.start(), s.end());
    if (knownPlace.test(name)) {
      return s;
    }
    return new Span(s.start(), s.end(), ORG);
  }

  private void coordinate(String[] words, List<Span> spans) {
    for (int i = 0; i + 1 < spans.size(); i++) {
      Span x = spans.get(i);
      Span y = spans.get(i + 1);
      if (y.start() - x.end() != 1 || !COORDINATORS.contains(words[x.end()])) {
        continue;
      }
      if (orgHeaded(words, y) && loosePerson(words, x)) {
        spans.set(i, new Span(x.start(), x.end(), ORG));
      } else if (orgHeaded(words, x) && loosePerson(words, y)) {
        spans.set(i + 1, new Span(y.start(), y.end(), ORG));
      }
    }
  }

  private boolean isDemonym(String[] words, Span s) {
    return s.end() - s.start() == 1 && (gazetteer.wordFlags(words[s.start()]) & Gazetteer.DEMONYM) != 0;
  }

  private static boolean orgHeaded(String[] words, Span s) {
    return s.type().equals(ORG) && headed(words, s.start(), s.end());
  }

  private boolean loosePerson(String[] words, Span s) {
    return s.type().equals("PER") && s.end() - s.start() >= 2
        && (gazetteer.wordFlags(words[s.start()]) & Gazetteer.FIRST_NAME) == 0;
  }

  /** A word of a capitalised run: "plc" and "LLC" are designators MentionBounds cut off ("BP plc"). */
  private static boolean runWord(String t) {
    return capitalised(t) && !STOP.contains(t) || JOINERS.contains(t) || HEADS.contains(t);
  }

  /** A title-case word ("Disease", "McKinsey"), not ALL CAPS: headlines in capitals are no evidence. */
  private static boolean capitalised(String t) {
    if (t.isEmpty() || !Character.isUpperCase(t.charAt(0))) {
      return false;
    }
    for (int i = 1; i < t.length(); i++) {
      if (Character.isLowerCase(t.charAt(i))) {
        return true;
      }
    }
    return t.length() == 1;
  }

  /** The sets hold the written forms, so an ALL-CAPS "BANK" is not a designator. */
  private static boolean isDesignator(String t, Set<String> set) {
    return set.contains(t);
  }

  private static String text(String[] words, int a, int b) {
    StringBuilder sb = new StringBuilder();
    for (int i = a; i < b; i++) {
      if (i > a) {
        sb.append(' ');
      }
      sb.append(words[i]);
    }
    return sb.toString();
  }
}
