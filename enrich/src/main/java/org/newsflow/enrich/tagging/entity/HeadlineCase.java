package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Undoes the capitals of Title-Case headlines before tagging. HuffPost, CNN and many US outlets capitalise every
 * word of a headline ("Apple Unveils New iPhone As Sales Slow In China"), which the model reads as a run of names.
 * In a sentence written so, each capitalised word is shown to the model in lower case unless something says it is a
 * name; the tagger cuts mentions from the original text, so offsets and mention text are unaffected.
 *
 * <p>The evidence, strongest first:
 * <ol>
 *   <li>a name of two or more words the model knows is kept whole: a place of the gazetteer ("New York"), a name
 *       of its training data or of the open name lists ("Bank of Canada", "State Department");
 *   <li>the rest of the article: a word it writes in lower case more often than capitalised mid-sentence is a
 *       common word ("million", "new"), one it capitalises mid-sentence is a name ("Biden");
 *   <li>the gazetteer: a known country, city, demonym, first-level division or organisation is kept ("Bali");
 *   <li>the model's capitalisation prior (how often the word is capitalised mid-sentence in news; for an unknown
 *       hyphenated word, that of its last part; for an inflected word, that of a common stem): rarely → lower
 *       ("Over", "Omicron-Targeted"), almost always → kept;
 *   <li>a headline's names recur in the article: a word that the rest of the article (a sentence or more) never
 *       uses is lower-cased ("Says", "Roll") unless it is a first name or follows one ("Jennifer Lopez"), and so
 *       is a word the model has never seen unless it stands next to another name ("Sleeves" in "Roll Up Sleeves",
 *       not "Baratelli" in "Dominique Baratelli"). With no article to go by, a word capitalised in half or more of
 *       its uses in news, a first name, or an unknown word is kept.
 * </ol>
 * Title Case is a property of the whole title. Title Case inside a body (line-ups, results tables) is left to the
 * prior alone: those are runs of names.
 *
 * <p>Work is linear in the document's tokens (one pass to collect the headline words, one over the other sentences
 * to count their uses, one to rewrite), and nothing is done for a document without a Title-Case sentence.
 */
final class HeadlineCase {

  /**
   * Words the rest of the article needs before a word's absence from it counts as evidence: about one sentence, a
   * feed item's summary.
   */
  static final int MIN_CONTEXT_WORDS = 8;

  private static final int PLACE_FLAGS = Gazetteer.COUNTRY | Gazetteer.CITY | Gazetteer.DEMONYM;

  // verdicts on a headline word
  private static final int KEEP = 0;
  private static final int COMMON = 1;
  private static final int NAME = 2;
  /** Unknown to the model and absent from an article long enough to tell. */
  private static final int UNKNOWN = 3;
  /** Capitalised in some of its uses in news, and absent from an article long enough to tell. */
  private static final int ABSENT = 4;

  /** English inflections and what replaces them to give a stem: pairs of suffix and replacement. */
  private static final String[] SUFFIXES = {"s", "", "es", "", "ed", "", "ed", "e", "ing", "", "ing", "e"};

  private final EntityModel model;
  private final PlaceIndex places;

  HeadlineCase(EntityModel model, PlaceIndex places) {
    this.model = model;
    this.places = places;
  }

  /** How the rest of the document writes one headline word. */
  private static final class Uses {
    int lower;
    int capitalisedMid;
    int other;
  }

  /**
   * Rewrites the Title-Case sentences of a document for the model.
   *
   * @param doc    sentences of token texts (not changed), the title's first
   * @param titles how many of them are the title's
   * @return the same sentences, those in Title Case with their common words lower-cased
   */
  List<String[]> apply(List<String[]> doc, int titles) {
    // Title Case is the style of the whole title: "... Saudi Arabia. Bernie Sanders Isn't Giving In." is one
    // headline whose short second sentence alone would not tell.
    boolean titleCase = isTitleCase(doc.subList(0, titles));
    Map<String, Uses> uses = titleCase ? new HashMap<>() : null;
    boolean[] bodyTitleCase = new boolean[doc.size()];
    List<String[]> out = null;
    for (int s = 0; s < doc.size(); s++) {
      if (s < titles) {
        if (titleCase) {
          for (String t : doc.get(s)) {
            if (isCapitalisedWord(t)) {
              uses.putIfAbsent(key(t), new Uses());
            }
          }
        }
      } else if (isTitleCase(List.<String[]>of(doc.get(s)))) {
        bodyTitleCase[s] = true;
        // Title Case inside a body is mostly line-ups, tables and results, which are runs of names: only the
        // words that are almost never capitalised are lowered there.
        out = out == null ? new ArrayList<>(doc) : out;
        out.set(s, lowerRareCapitals(doc.get(s)));
      }
    }
    if (!titleCase) {
      return out == null ? doc : out;
    }
    int contextWords = 0;
    for (int s = titles; s < doc.size(); s++) {
      contextWords += count(doc.get(s), bodyTitleCase[s], uses);
    }
    out = out == null ? new ArrayList<>(doc) : out;
    for (int s = 0; s < titles; s++) {
      out.set(s, rewrite(doc.get(s), uses, contextWords >= MIN_CONTEXT_WORDS));
    }
    return out;
  }

  private String[] lowerRareCapitals(String[] w) {
    String[] out = w.clone();
    for (int i = 0; i < w.length; i++) {
      String t = w[i];
      if (!t.isEmpty() && Character.isUpperCase(t.charAt(0)) && model.capitalisationPrior(t) == 0
          && (model.gazetteer().wordFlags(t) & PLACE_FLAGS) == 0) {
        out[i] = t.toLowerCase(Locale.ROOT);
      }
    }
    return out;
  }

  /**
   * Counts how a sentence writes the headline words (the capitals of a Title-Case sentence tell nothing); returns
   * its number of words.
   */
  private static int count(String[] w, boolean titleCase, Map<String, Uses> uses) {
    int words = 0;
    for (int i = 0; i < w.length; i++) {
      String t = w[i];
      if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
        continue;
      }
      words++;
      Uses u = uses.get(key(t));
      if (u == null) {
        continue;
      }
      if (Character.isLowerCase(t.charAt(0))) {
        u.lower++;
      } else if (i > 0 && !titleCase && isCapitalisedWord(t) && continuesSentence(w[i - 1])) {
        u.capitalisedMid++;
      } else {
        // sentence-initial, after a quote or colon, or all caps: the case says nothing
        u.other++;
      }
    }
    return words;
  }

  private String[] rewrite(String[] w, Map<String, Uses> uses, boolean enoughContext) {
    int[] phrases = model.gazetteer().matchPhrases(w);
    boolean[] known = model.inKnownName(w);
    int[] verdict = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      int position = phrases[i] & 3;
      boolean inPlace = (position == 1 || position == 2) && ((phrases[i] >>> 2) & PLACE_FLAGS) != 0;
      verdict[i] = !isCapitalisedWord(w[i]) ? KEEP
          : inPlace || known[i] ? NAME : verdict(w[i], uses.get(key(w[i])), enoughContext);
    }
    String[] out = w.clone();
    for (int i = 0; i < w.length; i++) {
      boolean common = verdict[i] == COMMON;
      if (verdict[i] == UNKNOWN) {
        // A word the model never saw that the article does not repeat: a name when next to another name
        // ("Dominique Baratelli"), else most likely a word of the headline's own ("Roll Up Sleeves").
        common = !(i > 0 && isName(verdict[i - 1]) || i + 1 < w.length && isName(verdict[i + 1]));
      } else if (verdict[i] == ABSENT) {
        // A known word the article does not repeat is common, unless it is one of a first name and the word after
        // it ("Jennifer Lopez", "Frank Bruno")
        common = !(i > 0 && isFirstNameOf(w, verdict, i - 1) || i + 1 < w.length && isFirstNameOf(w, verdict, i));
      }
      if (common) {
        out[i] = w[i].toLowerCase(Locale.ROOT);
      }
    }
    return out;
  }

  /** Whether word {@code i} is a first name (and no place: "Jordan"), and it and the next word may be names. */
  private boolean isFirstNameOf(String[] w, int[] verdict, int i) {
    int flags = model.gazetteer().wordFlags(w[i]);
    return maybeName(verdict[i]) && maybeName(verdict[i + 1])
        && (flags & Gazetteer.FIRST_NAME) != 0 && (flags & PLACE_FLAGS) == 0;
  }

  private static boolean maybeName(int verdict) {
    return verdict != COMMON && verdict != KEEP;
  }

  private static boolean isName(int verdict) {
    return verdict == NAME || verdict == UNKNOWN;
  }

  /** What a capitalised headline word is, from the rest of the article, the gazetteer and the prior. */
  private int verdict(String t, Uses u, boolean enoughContext) {
    if (u.lower > u.capitalisedMid) {
      return COMMON;
    }
    if (u.capitalisedMid > 0) {
      return NAME;
    }
    int flags = model.gazetteer().wordFlags(t);
    int prior = prior(t);
    // the organisation list holds acronyms, which a Title-Case headline leaves in capitals: "Who" is not WHO
    if ((flags & PLACE_FLAGS) != 0 || (flags & Gazetteer.ORG) != 0 && prior != 0 || isCountryOrRegion(t)) {
      return NAME;
    }
    if (prior == 0 || prior == 3) {
      return prior == 0 ? COMMON : NAME;
    }
    if (u.other > 0) {
      // the article has the word, but only where every word is capitalised
      return prior == 1 ? COMMON : NAME;
    }
    if (enoughContext) {
      // a headline's names recur in its article
      return prior == -1 ? UNKNOWN : ABSENT;
    }
    return prior == 1 && (flags & Gazetteer.FIRST_NAME) == 0 ? COMMON : KEEP;
  }

  /**
   * The capitalisation prior; for a word the model has no figure for, that of its last hyphenated part
   * ("Omicron-Targeted"). A word with no figure or capitalised in most of its uses takes the figure of its stem
   * when that is a common word: headline verbs ("Says", "Unveils", "Warns") are capitalised in news mostly by
   * headlines, and their stems are not. A stem never makes a word more name-like ("Cosmos" is not "Cosmo").
   */
  private int prior(String t) {
    int prior = model.capitalisationPrior(t);
    int hyphen = t.lastIndexOf('-');
    if (prior == -1 && hyphen > 0 && hyphen + 1 < t.length()) {
      t = t.substring(hyphen + 1);
      prior = model.capitalisationPrior(t);
    }
    for (int k = 0; (prior == -1 || prior == 2) && k < SUFFIXES.length; k += 2) {
      if (t.length() > SUFFIXES[k].length() + 2 && t.endsWith(SUFFIXES[k])) {
        int stem = model.capitalisationPrior(t.substring(0, t.length() - SUFFIXES[k].length()) + SUFFIXES[k + 1]);
        prior = stem == 0 || stem == 1 ? stem : prior;
      }
    }
    return prior;
  }

  private boolean isCountryOrRegion(String t) {
    for (GeoPlace p : places.named(t)) {
      if (p.kind() == GeoPlace.Kind.COUNTRY || p.kind() == GeoPlace.Kind.REGION) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether sentences are written in Title Case: at least four words longer than three letters, and four in five
   * of them capitalised but not all capitals (ALL CAPS headlines are the model's own training material).
   */
  static boolean isTitleCase(List<String[]> sentences) {
    int words = 0;
    int capitalised = 0;
    for (String[] w : sentences) {
      for (String t : w) {
        if (t.length() > 3 && Character.isLetter(t.charAt(0))) {
          words++;
          if (isCapitalisedWord(t)) {
            capitalised++;
          }
        }
      }
    }
    return words >= 4 && capitalised >= 0.8 * words;
  }

  /** Upper-case first letter and not all capitals ("Sales", "McDonald", "A", not "COVID" or "U.S."). */
  private static boolean isCapitalisedWord(String t) {
    if (t.isEmpty() || !Character.isUpperCase(t.charAt(0))) {
      return false;
    }
    if (t.length() == 1) {
      return true;
    }
    for (int i = 1; i < t.length(); i++) {
      if (Character.isLowerCase(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a capital after this token is mid-sentence (after a word, number or comma; not a quote or colon). */
  private static boolean continuesSentence(String previous) {
    return !previous.isEmpty() && (Character.isLetterOrDigit(previous.charAt(0)) || previous.equals(","));
  }

  private static String key(String t) {
    return t.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }
}
