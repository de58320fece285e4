package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;
import org.newsflow.enrich.tagging.EntityTagger;
import org.newsflow.enrich.tagging.text.Sentence;
import org.newsflow.enrich.tagging.text.SentenceSplitter;
import org.newsflow.enrich.tagging.text.Token;

/**
 * The newsflow entity tagger: tokenizes title and body, tags names with an {@link EntityModel}, folds mentions
 * of the same thing into one canonical entity ("Joe Biden", "President Biden", "Biden" → Joe Biden), links
 * countries, demonyms and major places to ISO 3166 codes and coordinates, and ranks entities by salience.
 * Thread-safe and never throws: odd input gives an empty or partial result.
 *
 * <p>Default construction: {@code new PerceptronEntityTagger(EntityModel.loadDefault())}.
 */
public final class PerceptronEntityTagger implements EntityTagger {

  /** Body text beyond this many chars is not tagged, to bound latency on pathological input. */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  private static final String TITLE = "title";
  private static final String TEXT = "text";

  private final EntityModel model;
  private final SentenceSplitter splitter = new SentenceSplitter();

  /**
   * Creates a tagger.
   *
   * @param model the trained model, e.g. {@link EntityModel#loadDefault()}
   */
  public PerceptronEntityTagger(EntityModel model) {
    this.model = model;
  }

  /** A name found in one field, before folding. */
  private record Raw(String field, int start, int end, String text, EntityType type, String[] words, int order) {}

  @Override
  public List<Entity> tag(String title, String text) {
    try {
      return tagUnsafe(title == null ? "" : title, text == null ? "" : text);
    } catch (RuntimeException | StackOverflowError e) {
      // The seam promises never to throw; a bug on odd text must not poison the stream.
      return List.of();
    }
  }

  private List<Entity> tagUnsafe(String title, String text) {
    String body = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    List<Sentence> sentences = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (Sentence s : splitter.split(title)) {
      sentences.add(s);
      fields.add(TITLE);
    }
    for (Sentence s : splitter.split(body)) {
      sentences.add(s);
      fields.add(TEXT);
    }
    if (sentences.isEmpty()) {
      return List.of();
    }
    List<String[]> doc = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) {
      String[] w = new String[s.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = s.tokens().get(i).text();
      }
      doc.add(headlineCase(w));
    }
    List<List<Span>> spans = model.tag(doc);
    Gazetteer gaz = model.gazetteer();
    List<Raw> raws = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String field = fields.get(s);
      String source = TITLE.equals(field) ? title : body;
      List<Token> tokens = sentences.get(s).tokens();
      for (Span span : spans.get(s)) {
        Raw raw = raw(gaz, source, field, tokens, span, raws.size());
        if (raw != null) {
          raws.add(raw);
        }
      }
    }
    return fold(raws, gaz, title.length(), body.length());
  }

  /**
   * Title-case headlines ("Apple Unveils New Phone In China") capitalise every word, which the model reads as a
   * run of names. For such a sentence, words that are rarely capitalised mid-sentence are shown to the model in
   * lower case; offsets are unaffected because mentions are cut from the original text.
   */
  private String[] headlineCase(String[] w) {
    int words = 0;
    int capitalised = 0;
    for (String t : w) {
      if (t.length() > 3 && Character.isLetter(t.charAt(0))) {
        words++;
        if (Character.isUpperCase(t.charAt(0)) && !t.equals(t.toUpperCase(java.util.Locale.ROOT))) {
          capitalised++;
        }
      }
    }
    if (words < 4 || capitalised < 0.8 * words) {
      return w;
    }
    String[] out = w.clone();
    for (int i = 0; i < out.length; i++) {
      String t = out[i];
      if (!t.isEmpty() && Character.isUpperCase(t.charAt(0)) && model.capitalisationPrior(t) == 0
          && (model.gazetteer().wordFlags(t) & (Gazetteer.COUNTRY | Gazetteer.CITY | Gazetteer.DEMONYM)) == 0) {
        out[i] = t.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return out;
  }

  /** Turns a tagged span into a mention, trimming titles and possessives; null when nothing name-like is left. */
  private static Raw raw(Gazetteer gaz, String source, String field, List<Token> tokens, Span span, int order) {
    int a = span.start();
    int b = span.end();
    EntityType type = switch (span.type()) {
      case "PER" -> EntityType.PERSON;
      case "ORG" -> EntityType.ORGANIZATION;
      case "LOC" -> EntityType.LOCATION;
      default -> EntityType.OTHER;
    };
    // "National Security Adviser Jake Sullivan" tagged as one organisation: a title followed by a first name
    // inside a span means the span is really a role plus a person.
    if (type != EntityType.PERSON) {
      for (int q = b - 2; q >= a; q--) {
        int f = gaz.wordFlags(tokens.get(q).text());
        int next = gaz.wordFlags(tokens.get(q + 1).text());
        if ((f & Gazetteer.TITLE) != 0 && (next & Gazetteer.FIRST_NAME) != 0 && (next & Gazetteer.TITLE) == 0) {
          type = EntityType.PERSON;
          a = q + 1;
          break;
        }
      }
    }
    // A well-known organisation the model called "other" (broadcasters are often MISC-like in the training data).
    if (type == EntityType.OTHER && b - a == 1 && (gaz.wordFlags(tokens.get(a).text()) & Gazetteer.ORG) != 0) {
      type = EntityType.ORGANIZATION;
    }
    // "President Joe Biden": titles are not part of a person's name.
    while (a < b && type == EntityType.PERSON && (gaz.wordFlags(tokens.get(a).text()) & Gazetteer.TITLE) != 0) {
      a++;
    }
    while (b > a && isPossessiveOrPunct(tokens.get(b - 1).text())) {
      b--;
    }
    while (a < b && isPossessiveOrPunct(tokens.get(a).text())) {
      a++;
    }
    if (a >= b) {
      return null;
    }
    if (b - a == 1) {
      String w = tokens.get(a).text();
      int flags = gaz.wordFlags(w);
      // Weekdays, months and bare titles are never names on their own.
      if ((flags & Gazetteer.TEMPORAL) != 0 || (flags & Gazetteer.TITLE) != 0 && (flags & Gazetteer.ORG) == 0) {
        return null;
      }
    }
    boolean hasLetter = false;
    String[] words = new String[b - a];
    for (int i = a; i < b; i++) {
      String w = tokens.get(i).text();
      words[i - a] = Gazetteer.normalise(w);
      for (int k = 0; k < w.length() && !hasLetter; k++) {
        hasLetter = Character.isLetter(w.charAt(k));
      }
    }
    if (!hasLetter) {
      return null;
    }
    int start = tokens.get(a).start();
    int end = tokens.get(b - 1).end();
    return new Raw(field, start, end, source.substring(start, end), type, words, order);
  }

  private static boolean isPossessiveOrPunct(String t) {
    if (t.equals("'s") || t.equals("\u2019s") || t.equals("'S") || t.equals("\u2019S")) {
      return true;
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetterOrDigit(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** One canonical entity being assembled. */
  private static final class Group {
    String name;
    EntityType type;
    String key;
    String[] words;
    Gazetteer.Place place;
    final List<Raw> mentions = new ArrayList<>();
  }

  private List<Entity> fold(List<Raw> raws, Gazetteer gaz, int titleLength, int textLength) {
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Group> persons = new ArrayList<>();
    // Persons first, longest names first, so surnames and shorter forms can fold into the full name.
    List<Raw> personRaws = new ArrayList<>();
    List<Raw> others = new ArrayList<>();
    for (Raw r : raws) {
      Gazetteer.Place p = gaz.place(r.text());
      // A country tagged as a person ("Jordan") is still the country, unless it is the surname of a person
      // named in full in the same article ("Michael Jordan").
      if (r.type() == EntityType.PERSON && (p == null || !p.isCountry() || isSurnameOfFullName(raws, r))) {
        personRaws.add(r);
      } else {
        others.add(r);
      }
    }
    personRaws.sort(Comparator.comparingInt((Raw r) -> -r.words().length).thenComparingInt(Raw::order));
    for (Raw r : personRaws) {
      Group target = null;
      for (Group g : persons) {
        if (endsWith(g.words, r.words()) || r.words().length == 1 && g.words[0].equals(r.words()[0])
            && g.words.length > 1 && countFirstName(persons, r.words()[0]) == 1) {
          target = g;
          break;
        }
      }
      if (target == null) {
        target = new Group();
        target.type = EntityType.PERSON;
        target.words = r.words();
        target.name = r.text();
        target.key = String.join(" ", r.words());
        persons.add(target);
        groups.put("person|" + target.key, target);
      }
      target.mentions.add(r);
    }
    for (Raw r : others) {
      Gazetteer.Place place = gaz.place(r.text());
      boolean link = place != null && (r.type() == EntityType.LOCATION || r.type() == EntityType.OTHER
          || place.isCountry() && (gaz.wordFlags(r.text()) & Gazetteer.DEMONYM) == 0);
      if (link) {
        Group g = groups.computeIfAbsent("place|" + place.key(), k -> new Group());
        g.type = EntityType.LOCATION;
        g.key = place.key();
        g.name = place.name();
        g.place = place;
        g.mentions.add(r);
        continue;
      }
      // A lone surname tagged as something else ("Biden administration") still names the person.
      if (r.words().length == 1) {
        Group person = null;
        for (Group p : persons) {
          if (p.words.length > 1 && p.words[p.words.length - 1].equals(r.words()[0])) {
            person = p;
            break;
          }
        }
        if (person != null) {
          person.mentions.add(r);
          continue;
        }
      }
      String key = String.join(" ", r.words());
      Group g = groups.computeIfAbsent(r.type().json() + "|" + key, k -> new Group());
      if (g.mentions.isEmpty()) {
        g.type = r.type();
        g.key = key;
        g.name = r.text();
      } else if (r.text().length() > g.name.length()) {
        g.name = r.text();
      }
      g.mentions.add(r);
    }
    List<Entity> out = new ArrayList<>(groups.size());
    double[] scores = new double[groups.size()];
    List<Group> list = new ArrayList<>(groups.values());
    double max = 0;
    for (int i = 0; i < list.size(); i++) {
      double score = 0;
      for (Raw m : list.get(i).mentions) {
        score += TITLE.equals(m.field()) ? 2.0 : 0.4 + 0.6 * (1.0 - (double) m.start() / Math.max(1, textLength));
      }
      scores[i] = score;
      max = Math.max(max, score);
    }
    for (int i = 0; i < list.size(); i++) {
      Group g = list.get(i);
      if (g.mentions.isEmpty()) {
        continue;
      }
      double s = 0.5 * scores[i] / max + 0.5 * (1 - Math.exp(-scores[i] / 4));
      double salience = Math.round(s * 10000) / 10000.0;
      List<Raw> ms = new ArrayList<>(g.mentions);
      ms.sort(Comparator.comparing((Raw m) -> TITLE.equals(m.field()) ? 0 : 1).thenComparingInt(Raw::start));
      List<Mention> mentions = new ArrayList<>(ms.size());
      for (Raw m : ms) {
        mentions.add(new Mention(m.field(), m.start(), m.end(), m.text()));
      }
      Map<String, String> ids = new HashMap<>();
      Double lat = null;
      Double lon = null;
      String name = g.name;
      if (g.place != null) {
        if (g.place.isCountry()) {
          ids.put("iso3166", g.place.country());
        } else if (!g.place.country().isEmpty()) {
          ids.put("country", g.place.country());
        }
        lat = g.place.lat();
        lon = g.place.lon();
      }
      String key = g.place != null ? g.key : Gazetteer.normalise(name);
      out.add(new Entity(name, g.type, key, mentions.size(), salience, ids, lat, lon, mentions));
    }
    out.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
    return out;
  }

  private static boolean isSurnameOfFullName(List<Raw> raws, Raw r) {
    for (Raw other : raws) {
      if (other.type() == EntityType.PERSON && other.words().length > 1 && r.words().length == 1
          && other.words()[other.words().length - 1].equals(r.words()[0])) {
        return true;
      }
    }
    return false;
  }

  private static int countFirstName(List<Group> persons, String first) {
    int n = 0;
    for (Group g : persons) {
      if (g.words.length > 1 && g.words[0].equals(first)) {
        n++;
      }
    }
    return n;
  }

  private static boolean endsWith(String[] full, String[] part) {
    if (part.length > full.length) {
      return false;
    }
    for (int i = 0; i < part.length; i++) {
      if (!full[full.length - part.length + i].equals(part[i])) {
        return false;
      }
    }
    return true;
  }
}
