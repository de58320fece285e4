package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links place mentions to GeoNames. A name's candidates come from the hand-written lists first (country aliases
 * such as "U.S." and demonyms such as "Israeli" or "Gazans", resolved to their GeoNames entry), else from every
 * GeoNames name. Ambiguous names ("Paris", "Georgia", "Victoria") go to the candidate with the best score: the log
 * of its population, a bonus for countries, divisions and capitals, and a bonus when the article's other places lie
 * in the same country or first-level division. Thread-safe: immutable after construction; the work per article is
 * linear in its mentions and their candidates.
 */
final class PlaceLinker {

  private static final double COUNTRY_PRIOR = 4.0;
  private static final double REGION_PRIOR = 1.5;
  private static final double CAPITAL_PRIOR = 1.0;
  private static final double SAME_COUNTRY = 2.0;
  private static final double SAME_REGION = 2.0;

  private final Gazetteer hand;
  private final PlaceIndex geo;
  private final Map<String, GeoPlace> handToGeo;
  /** Countries under the English name of the hand lists ("Netherlands", not GeoNames' "The Netherlands"). */
  private final Map<String, GeoPlace> countries;

  PlaceLinker(Gazetteer hand, PlaceIndex geo) {
    this.hand = hand;
    this.geo = geo;
    Map<String, GeoPlace> map = new HashMap<>();
    Map<String, GeoPlace> named = new HashMap<>();
    for (Gazetteer.Place p : hand.places()) {
      GeoPlace g = resolveHand(p);
      map.put(p.key(), g);
      if (g.kind() == GeoPlace.Kind.COUNTRY) {
        named.put(g.country(), g);
      }
    }
    this.handToGeo = Map.copyOf(map);
    this.countries = Map.copyOf(named);
  }

  private GeoPlace resolveHand(Gazetteer.Place p) {
    if (p.isCountry() && p.country().contains("-")) {
      // a constituent country listed with a subdivision code ("England", GB-ENG) is a GeoNames division
      for (GeoPlace g : geo.named(p.name())) {
        if (g.kind() == GeoPlace.Kind.REGION && p.country().startsWith(g.country() + "-")) {
          return g;
        }
      }
    }
    if (p.isCountry()) {
      GeoPlace c = geo.country(p.country());
      return c != null ? new GeoPlace(c.geonamesId(), p.name(), c.kind(), c.country(), "", c.lat(), c.lon(),
          c.population(), false)
          : new GeoPlace(null, p.name(), GeoPlace.Kind.COUNTRY, p.country(), "", null, null, 0, false);
    }
    GeoPlace best = null;
    for (GeoPlace g : geo.named(p.name())) {
      if (g.country().equals(p.country()) && g.kind() != GeoPlace.Kind.COUNTRY
          && (best == null || g.population() > best.population())) {
        best = g;
      }
    }
    return best != null ? best : new GeoPlace(null, p.name(), GeoPlace.Kind.AREA, p.country(), "", null, null, 0,
        false);
  }

  /** The hand-listed place a name or demonym stands for, as a GeoNames place; null when the lists lack it. */
  GeoPlace listed(String name) {
    Gazetteer.Place p = hand.place(name);
    return p == null ? null : handToGeo.get(p.key());
  }

  /**
   * Candidate places of a mention.
   *
   * @param name      the mention as written
   * @param anyPlace  whether every GeoNames name may match (for mentions tagged as locations), or only the
   *                  hand-written lists (for other types, whose words are too often also the name of some town)
   * @return the candidates, empty when none
   */
  List<GeoPlace> candidates(String name, boolean anyPlace) {
    GeoPlace listed = listed(name);
    if (!anyPlace || listed != null && listed.kind() == GeoPlace.Kind.COUNTRY) {
      return listed == null ? List.of() : List.of(listed);
    }
    List<GeoPlace> named = geo.named(name);
    if (named.isEmpty() && name.startsWith("the ")) {
      named = geo.named(name.substring(4));
    }
    if (named.isEmpty()) {
      // a demonym or alias only the hand lists know ("Gazans")
      return listed == null ? List.of() : List.of(listed);
    }
    List<GeoPlace> out = new ArrayList<>(named.size());
    for (GeoPlace g : named) {
      out.add(g.kind() == GeoPlace.Kind.COUNTRY ? countries.getOrDefault(g.country(), g) : g);
    }
    return out;
  }

  /**
   * Chooses one place per mention, using the article's other mentions as context (never the mention itself).
   *
   * @param candidates each mention's candidates (non-empty)
   * @return the chosen place per mention
   */
  GeoPlace[] resolve(List<List<GeoPlace>> candidates) {
    Map<String, Integer> countries = new HashMap<>();
    Map<String, Integer> regions = new HashMap<>();
    List<List<String>> ownCountries = new ArrayList<>(candidates.size());
    List<List<String>> ownRegions = new ArrayList<>(candidates.size());
    for (List<GeoPlace> c : candidates) {
      List<String> cs = new ArrayList<>(2);
      List<String> rs = new ArrayList<>(2);
      // each mention's own best reading says where the article is, for the others
      GeoPlace top = c.size() == 1 ? c.getFirst() : best(c, Map.of(), Map.of());
      if (!top.country().isEmpty()) {
        cs.add(top.country());
      }
      if (!top.regionKey().isEmpty()) {
        rs.add(top.regionKey());
      }
      cs.forEach(k -> countries.merge(k, 1, Integer::sum));
      rs.forEach(k -> regions.merge(k, 1, Integer::sum));
      ownCountries.add(cs);
      ownRegions.add(rs);
    }
    GeoPlace[] out = new GeoPlace[candidates.size()];
    for (int i = 0; i < out.length; i++) {
      List<GeoPlace> c = candidates.get(i);
      if (c.size() == 1) {
        out[i] = c.getFirst();
        continue;
      }
      ownCountries.get(i).forEach(k -> countries.merge(k, -1, Integer::sum));
      ownRegions.get(i).forEach(k -> regions.merge(k, -1, Integer::sum));
      out[i] = best(c, countries, regions);
      ownCountries.get(i).forEach(k -> countries.merge(k, 1, Integer::sum));
      ownRegions.get(i).forEach(k -> regions.merge(k, 1, Integer::sum));
    }
    return out;
  }

  private static GeoPlace best(List<GeoPlace> candidates, Map<String, Integer> countries,
      Map<String, Integer> regions) {
    GeoPlace best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (GeoPlace p : candidates) {
      double s = Math.log10(p.population() + 10.0);
      s += switch (p.kind()) {
        case COUNTRY -> COUNTRY_PRIOR;
        case REGION -> REGION_PRIOR;
        default -> 0;
      };
      if (p.capital()) {
        s += CAPITAL_PRIOR;
      }
      if (countries.getOrDefault(p.country(), 0) > 0) {
        s += SAME_COUNTRY;
      }
      if (!p.regionKey().isEmpty() && regions.getOrDefault(p.regionKey(), 0) > 0) {
        s += SAME_REGION;
      }
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (best.kind() == GeoPlace.Kind.REGION) {
      // a city and the division named after it ("Berlin", "Madrid", "Tokyo"): the name means the city
      for (GeoPlace p : candidates) {
        if (p.kind() == GeoPlace.Kind.CITY && p.regionKey().equals(best.regionKey())
            && (best.population() == 0 || p.population() * 4 >= best.population())) {
          return p;
        }
      }
    }
    return best;
  }
}
