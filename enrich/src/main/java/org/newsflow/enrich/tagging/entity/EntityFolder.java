package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/**
 * Folds an article's mentions into canonical entities, links places, and ranks entities by salience. Every step is
 * a hash lookup per mention (suffixes of person names, first names, surnames), so the work grows linearly with the
 * number of mentions however many distinct people an article names. Thread-safe: holds only the gazetteer.
 */
final class EntityFolder {

  /** Person-name suffixes longer than this are not indexed (no real name has more words). */
  private static final int MAX_SUFFIX = 8;
  private static final String TITLE = "title";

  private final Gazetteer gazetteer;
  private final PlaceLinker linker;

  EntityFolder(Gazetteer gazetteer, PlaceLinker linker) {
    this.gazetteer = gazetteer;
    this.linker = linker;
  }

  /** One canonical entity being assembled. */
  private static final class Group {
    final int index;
    String name;
    EntityType type;
    String key;
    String[] words;
    GeoPlace place;
    final List<RawMention> mentions = new ArrayList<>();

    Group(int index) {
      this.index = index;
    }
  }

  /** Person groups with the indexes that make folding a constant-time lookup per mention. */
  private static final class People {
    final List<Group> groups = new ArrayList<>();
    final Map<String, Group> bySuffix = new HashMap<>();
    final Map<String, Group> byFirstName = new HashMap<>();
    final Map<String, Integer> firstNameCount = new HashMap<>();
    final Map<String, Group> bySurname = new HashMap<>();

    Group add(RawMention r, int index) {
      Group g = new Group(index);
      g.type = EntityType.PERSON;
      g.words = r.words();
      g.name = r.text();
      g.key = r.key();
      groups.add(g);
      int n = g.words.length;
      for (int len = 1; len <= Math.min(n, MAX_SUFFIX); len++) {
        bySuffix.putIfAbsent(String.join(" ", List.of(g.words).subList(n - len, n)), g);
      }
      if (n > 1) {
        byFirstName.putIfAbsent(g.words[0], g);
        firstNameCount.merge(g.words[0], 1, Integer::sum);
        bySurname.putIfAbsent(g.words[n - 1], g);
      }
      return g;
    }

    /**
     * The first person (in creation order) whose name ends with the mention, or whose unambiguous first name the
     * one-word mention is.
     */
    Group find(RawMention r) {
      Group suffix = r.words().length <= MAX_SUFFIX ? bySuffix.get(r.key()) : null;
      Group first = null;
      if (r.words().length == 1 && firstNameCount.getOrDefault(r.words()[0], 0) == 1) {
        first = byFirstName.get(r.words()[0]);
      }
      if (suffix == null) {
        return first;
      }
      return first == null || suffix.index < first.index ? suffix : first;
    }
  }

  /**
   * Names listed together ("Florence, Bologna and Venice") are the same kind of thing: in a run of mentions joined
   * only by commas, "and", "or" or "&", where places are at least half, a mention of another type that names a known
   * place becomes a place too. One pass over the mentions in text order.
   */
  List<RawMention> coordinatedPlaces(List<RawMention> raws, String title, String text) {
    List<RawMention> out = new ArrayList<>(raws);
    int from = 0;
    for (int i = 1; i <= out.size(); i++) {
      boolean joined = i < out.size() && joined(out.get(i - 1), out.get(i), title, text);
      if (joined) {
        continue;
      }
      if (i - from >= 2) {
        retypeRun(out, from, i);
      }
      from = i;
    }
    return out;
  }

  private void retypeRun(List<RawMention> out, int from, int to) {
    int places = 0;
    for (int k = from; k < to; k++) {
      places += out.get(k).type() == EntityType.LOCATION ? 1 : 0;
    }
    if (places == 0 || 2 * places < to - from) {
      return;
    }
    for (int k = from; k < to; k++) {
      RawMention r = out.get(k);
      if (r.type() != EntityType.LOCATION && !linker.candidates(r.text(), true).isEmpty()) {
        out.set(k, new RawMention(r.field(), r.start(), r.end(), r.text(), EntityType.LOCATION, r.words(), r.order(),
            r.form()));
      }
    }
  }

  private static boolean joined(RawMention a, RawMention b, String title, String text) {
    if (!a.field().equals(b.field()) || b.start() < a.end()) {
      return false;
    }
    String source = TITLE.equals(a.field()) ? title : text;
    if (b.start() - a.end() > 6) {
      return false;
    }
    String gap = source.substring(a.end(), b.start()).strip();
    return gap.equals(",") || gap.equals("and") || gap.equals("or") || gap.equals("&") || gap.equals(", and");
  }

  List<Entity> fold(List<RawMention> raws, int textLength) {
    Map<String, Group> groups = new LinkedHashMap<>();
    Set<String> fullNameSurnames = new HashSet<>();
    for (RawMention r : raws) {
      if (r.type() == EntityType.PERSON && r.words().length > 1) {
        fullNameSurnames.add(r.last());
      }
    }
    // Persons first, longest names first, so surnames and shorter forms can fold into the full name.
    List<RawMention> personRaws = new ArrayList<>();
    List<RawMention> others = new ArrayList<>();
    for (RawMention r : raws) {
      Gazetteer.Place p = gazetteer.place(r.text());
      // A country tagged as a person ("Jordan") is still the country, unless it is the surname of a person
      // named in full in the same article ("Michael Jordan").
      boolean surname = r.words().length == 1 && fullNameSurnames.contains(r.words()[0]);
      if (r.type() == EntityType.PERSON && (p == null || !p.isCountry() || surname)) {
        personRaws.add(r);
      } else {
        others.add(r);
      }
    }
    personRaws.sort(Comparator.comparingInt((RawMention r) -> -r.words().length).thenComparingInt(RawMention::order));
    Map<String, String> orgHeads = organisationHeads(raws);
    People people = new People();
    for (RawMention r : personRaws) {
      Group target = people.find(r);
      if (target == null && r.words().length == 1 && orgHeads.get(r.words()[0]) != null
          && !fullNameSurnames.contains(r.words()[0])
          && (gazetteer.wordFlags(r.text()) & Gazetteer.FIRST_NAME) == 0) {
        // "Huawei" beside "Huawei Technologies" and no person of that name: the short form of the organisation.
        // A first name is a person's ("Steve" beside the "Steve Redgrave Trust" is Redgrave, not the trust)
        others.add(new RawMention(r.field(), r.start(), r.end(), r.text(), EntityType.ORGANIZATION, r.words(),
            r.order(), r.form()));
        continue;
      }
      if (target == null) {
        target = people.add(r, groups.size());
        groups.put("person|" + target.key, target);
      }
      target.mentions.add(r);
    }
    List<RawMention> places = new ArrayList<>();
    List<List<GeoPlace>> candidates = new ArrayList<>();
    List<RawMention> rest = new ArrayList<>();
    for (RawMention r : others) {
      int flags = gazetteer.wordFlags(r.text());
      boolean demonym = (flags & Gazetteer.DEMONYM) != 0 && (flags & (Gazetteer.COUNTRY | Gazetteer.CITY)) == 0;
      List<GeoPlace> c;
      if (r.type() == EntityType.LOCATION || r.type() == EntityType.OTHER) {
        c = linker.candidates(r.text(), r.type() == EntityType.LOCATION);
      } else {
        // an organisation or person tagged on a country's exact name ("Jordan" beat ...) is the country
        GeoPlace listed = demonym ? null : linker.listed(r.text());
        c = listed != null && listed.kind() == GeoPlace.Kind.COUNTRY ? List.of(listed) : List.of();
      }
      if (c.isEmpty()) {
        rest.add(r);
      } else {
        places.add(demonym ? r.asDemonym() : r);
        candidates.add(c);
      }
    }
    GeoPlace[] chosen = linker.resolve(candidates);
    for (int i = 0; i < chosen.length; i++) {
      GeoPlace place = chosen[i];
      Group g = groups.computeIfAbsent("place|" + place.key(), k -> new Group(groups.size()));
      RawMention m = places.get(i);
      g.type = EntityType.LOCATION;
      g.key = place.key();
      g.place = place;
      // a country goes by its English list name; another place by the article's own word for it ("Rome", not
      // GeoNames' "Roma"), from its first mention by name
      boolean named = g.name != null && !g.name.equals(place.name());
      if (g.name == null || place.kind() != GeoPlace.Kind.COUNTRY && !named && !m.form().equals(Mention.DEMONYM)) {
        g.name = place.kind() == GeoPlace.Kind.COUNTRY || m.form().equals(Mention.DEMONYM) ? place.name() : m.text();
      }
      g.mentions.add(m);
    }
    // longer names first, so an organisation's group exists before its one-word short form joins it
    rest.sort(Comparator.comparingInt((RawMention r) -> r.words().length == 1 ? 1 : 0));
    for (RawMention r : rest) {
      // A lone surname tagged as something else ("Biden administration") still names the person.
      if (r.words().length == 1) {
        Group person = people.bySurname.get(r.words()[0]);
        if (person != null) {
          person.mentions.add(r);
          continue;
        }
      }
      String key = r.key();
      String fullName = r.words().length == 1 && r.type() == EntityType.ORGANIZATION ? orgHeads.get(key) : null;
      if (fullName != null) {
        key = fullName;
      }
      Group g = groups.computeIfAbsent(r.type().json() + "|" + key, k -> new Group(groups.size()));
      if (g.mentions.isEmpty()) {
        g.type = r.type();
        g.key = key;
        g.name = r.text();
      } else if (r.text().length() > g.name.length()) {
        g.name = r.text();
      }
      g.mentions.add(r);
    }
    return entities(new ArrayList<>(groups.values()), textLength);
  }

  /**
   * The organisations an article names in several words, by their first word when that word begins no other
   * organisation's name there ("huawei" → "huawei technologies"; "deutsche" beside Deutsche Bank and Deutsche
   * Telekom is left out): a one-word mention of it is the organisation's short form.
   */
  private static Map<String, String> organisationHeads(List<RawMention> raws) {
    Map<String, String> heads = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (RawMention r : raws) {
      if (r.type() == EntityType.ORGANIZATION && r.words().length > 1) {
        String earlier = heads.putIfAbsent(r.words()[0], r.key());
        if (earlier != null && !earlier.equals(r.key())) {
          ambiguous.add(r.words()[0]);
        }
      }
    }
    heads.keySet().removeAll(ambiguous);
    return heads;
  }

  private static List<Entity> entities(List<Group> list, int textLength) {
    List<Entity> out = new ArrayList<>(list.size());
    double[] scores = new double[list.size()];
    double max = 0;
    for (int i = 0; i < list.size(); i++) {
      double score = 0;
      for (RawMention m : list.get(i).mentions) {
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
      List<RawMention> ms = new ArrayList<>(g.mentions);
      ms.sort(Comparator.comparing((RawMention m) -> TITLE.equals(m.field()) ? 0 : 1)
          .thenComparingInt(RawMention::start));
      List<Mention> mentions = new ArrayList<>(ms.size());
      for (RawMention m : ms) {
        mentions.add(new Mention(m.field(), m.start(), m.end(), m.text(), m.form()));
      }
      Map<String, String> ids = new HashMap<>();
      Double lat = null;
      Double lon = null;
      if (g.place != null) {
        if (g.place.geonamesId() != null) {
          ids.put("geonames", g.place.geonamesId());
        }
        if (g.place.kind() == GeoPlace.Kind.COUNTRY) {
          ids.put("iso3166", g.place.country());
        } else if (!g.place.country().isEmpty()) {
          ids.put("country", g.place.country());
        }
        lat = g.place.lat();
        lon = g.place.lon();
      }
      String key = g.place != null ? g.key : Gazetteer.normalise(g.name);
      out.add(new Entity(g.name, g.type, key, mentions.size(), salience, ids, lat, lon, mentions));
    }
    out.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
    return out;
  }
}
