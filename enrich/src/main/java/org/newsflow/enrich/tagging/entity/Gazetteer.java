package org.newsflow.enrich.tagging.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsflow.enrich.tagging.text.Token;
import org.newsflow.enrich.tagging.text.Tokenizer;

/**
 * Hand-written word and place lists: feature lookups for the tagger (is this a title, an organisation suffix, a
 * first name, part of a country name…) and place linking (countries with ISO 3166 codes, demonyms, major cities
 * with coordinates). Immutable and thread-safe once loaded.
 */
public final class Gazetteer {

  /** Word is a title or role that precedes names (President, Mr.). */
  public static final int TITLE = 1;
  /** Word ends or marks organisation names (Inc, Party, University). */
  public static final int ORG_SUFFIX = 1 << 1;
  /** Word is a well-known organisation name or acronym. */
  public static final int ORG = 1 << 2;
  /** Word is a common first name. */
  public static final int FIRST_NAME = 1 << 3;
  /** Phrase is a country or territory name. */
  public static final int COUNTRY = 1 << 4;
  /** Phrase is a city or region name. */
  public static final int CITY = 1 << 5;
  /** Phrase is a demonym (Israeli, Gazans). */
  public static final int DEMONYM = 1 << 6;
  /** Word is a month or weekday name: capitalised, never an entity in our scheme. */
  public static final int TEMPORAL = 1 << 7;

  /** Number of flag bits above. */
  public static final int FLAG_COUNT = 8;
  /** Longest phrase, in tokens, that {@link #matchPhrases} looks for. */
  public static final int MAX_PHRASE = 5;

  /**
   * A linked place.
   *
   * @param name    canonical name
   * @param country ISO 3166-1 alpha-2 code of the country (or its own code for a country); empty for continents
   * @param isCountry whether the place is itself a country or territory
   * @param lat     latitude
   * @param lon     longitude
   */
  public record Place(String name, String country, boolean isCountry, double lat, double lon) {

    /** Stable key: {@code iso3166:XX} for countries, {@code place:name} otherwise. */
    public String key() {
      return isCountry ? "iso3166:" + country : "place:" + normalise(name);
    }
  }

  private static final List<String> MONTHS_DAYS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.");

  // compiled once: normalise runs for every place mention of every article (String.replaceAll compiles per call)
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private final Map<String, Integer> wordFlags;
  private final Map<String, Integer> phraseFlags;
  private final Map<String, Place> places;

  private Gazetteer(Map<String, Integer> wordFlags, Map<String, Integer> phraseFlags, Map<String, Place> places) {
    this.wordFlags = wordFlags;
    this.phraseFlags = phraseFlags;
    this.places = places;
  }

  /** Loads the lists bundled under {@code gazetteer/} on the classpath. */
  public static Gazetteer loadDefault() {
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> phrases = new HashMap<>();
    Map<String, Place> places = new HashMap<>();
    Tokenizer tokenizer = new Tokenizer();
    for (String m : MONTHS_DAYS) {
      words.merge(m, TEMPORAL, (a, b) -> a | b);
    }
    int category = 0;
    for (String line : lines("gazetteer/words.txt")) {
      if (line.startsWith("@")) {
        category = switch (line.substring(1).trim()) {
          case "title" -> TITLE;
          case "orgsuffix" -> ORG_SUFFIX;
          case "org" -> ORG;
          case "firstname" -> FIRST_NAME;
          default -> 0;
        };
        continue;
      }
      for (String w : line.trim().split("\\s+")) {
        if (!w.isEmpty() && category != 0) {
          words.merge(w.toLowerCase(Locale.ROOT), category, (a, b) -> a | b);
        }
      }
    }
    for (String file : new String[] {"gazetteer/countries.tsv", "gazetteer/places.tsv"}) {
      boolean countries = file.contains("countries");
      for (String line : lines(file)) {
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
          continue;
        }
        Place place = new Place(f[0], f[1], countries, Double.parseDouble(f[2]), Double.parseDouble(f[3]));
        int flag = countries ? COUNTRY : CITY;
        addName(tokenizer, phrases, places, f[0], place, flag);
        if (f.length > 4) {
          for (String alias : f[4].split("\\|")) {
            addName(tokenizer, phrases, places, alias, place, flag);
          }
        }
        if (f.length > 5) {
          for (String demonym : f[5].split("\\|")) {
            addName(tokenizer, phrases, places, demonym, place, DEMONYM);
          }
        }
      }
    }
    return new Gazetteer(Map.copyOf(words), Map.copyOf(phrases), Map.copyOf(places));
  }

  private static void addName(Tokenizer tokenizer, Map<String, Integer> phrases, Map<String, Place> places,
      String name, Place place, int flag) {
    if (name.isBlank()) {
      return;
    }
    String key = phraseKey(tokenizer.tokenize(name));
    phrases.merge(key, flag, (a, b) -> a | b);
    // The first list that names a phrase wins: countries load before cities, so "Georgia" is the country.
    places.putIfAbsent(normalise(name), place);
  }

  private static String phraseKey(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(lower(t.text()));
    }
    return sb.toString();
  }

  private static String lower(String s) {
    return s.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }

  private static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Normalised key for a name: lower-case (root locale), accents folded, inner whitespace collapsed, curly
   * apostrophes straightened.
   *
   * @param name any name
   * @return the key
   */
  public static String normalise(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    return SPACES.matcher(s.replace('\u2019', '\'').toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
  }

  /**
   * Single-word flags.
   *
   * @param word a token
   * @return bit set of {@link #TITLE}, {@link #ORG_SUFFIX}, … (0 when unknown)
   */
  public int wordFlags(String word) {
    Integer f = wordFlags.get(lower(word));
    Integer p = phraseFlags.get(lower(word));
    return (f == null ? 0 : f) | (p == null ? 0 : p);
  }

  /**
   * Longest-match phrase lookup over a token sequence.
   *
   * @param words the tokens of one sentence
   * @return for each token, {@code flags << 2 | position} of the longest phrase covering it, where position is
   *     0 none, 1 begin/inside, 2 last, 3 unit (single-token phrase); 0 when no phrase covers it
   */
  public int[] matchPhrases(String[] words) {
    int n = words.length;
    int[] out = new int[n];
    int i = 0;
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      int bestLen = 0;
      int bestFlags = 0;
      sb.setLength(0);
      for (int len = 1; len <= MAX_PHRASE && i + len <= n; len++) {
        if (len > 1) {
          sb.append(' ');
        }
        sb.append(lower(words[i + len - 1]));
        Integer f = phraseFlags.get(sb.toString());
        if (f != null) {
          bestLen = len;
          bestFlags = f;
        }
      }
      if (bestLen == 0) {
        i++;
        continue;
      }
      for (int k = 0; k < bestLen; k++) {
        int pos = bestLen == 1 ? 3 : (k == bestLen - 1 ? 2 : 1);
        out[i + k] = bestFlags << 2 | pos;
      }
      i += bestLen;
    }
    return out;
  }

  /** Every listed place once (countries, cities and regions of the hand-written lists). */
  java.util.Collection<Place> places() {
    return java.util.Set.copyOf(places.values());
  }

  /**
   * Finds the place a name or demonym refers to.
   *
   * @param name a name as written ("Israeli", "U.S.", "Gazans", "Tel Aviv")
   * @return the place, or null
   */
  public Place place(String name) {
    if (name == null) {
      return null;
    }
    Place p = places.get(normalise(name));
    if (p == null && name.startsWith("the ")) {
      p = places.get(normalise(name.substring(4)));
    }
    return p;
  }
}
