package org.newsflow.enrich.tagging.entity;

/**
 * A place entity linking can resolve a name to: a GeoNames country, first-level division or populated place, or
 * one of the hand-listed regions that GeoNames' extract lacks (continents, "Middle East"), which have no id and no
 * coordinates.
 *
 * @param geonamesId GeoNames id, or null for a hand-listed region
 * @param name       canonical name
 * @param kind       what kind of place it is
 * @param country    ISO 3166-1 alpha-2 code of its country (its own for a country); empty for continents
 * @param admin1     GeoNames first-level division code within the country, or empty
 * @param lat        latitude (null without a GeoNames entry)
 * @param lon        longitude (null without a GeoNames entry)
 * @param population population (a division's: the summed population of its cities of 15,000 or more)
 * @param capital    whether it is a national capital
 */
public record GeoPlace(String geonamesId, String name, Kind kind, String country, String admin1, Double lat,
                       Double lon, long population, boolean capital) {

  /** Kinds of place. */
  public enum Kind {
    /** A country or territory with an ISO 3166 code. */
    COUNTRY,
    /** A first-level division: state, province, region. */
    REGION,
    /** A city, town or other populated place. */
    CITY,
    /** A hand-listed area without a GeoNames entry. */
    AREA
  }

  /** Stable key: {@code iso3166:XX} for countries, {@code geonames:ID} for other GeoNames places, else by name. */
  public String key() {
    if (kind == Kind.COUNTRY) {
      return "iso3166:" + country;
    }
    return geonamesId != null ? "geonames:" + geonamesId : "place:" + Gazetteer.normalise(name);
  }

  /** The division's key {@code CC.A1}, or empty. */
  String regionKey() {
    return admin1.isEmpty() ? "" : country + "." + admin1;
  }
}
