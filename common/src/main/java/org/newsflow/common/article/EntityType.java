package org.newsflow.common.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of named entity newsflow tags; written in JSON as lower-case words. */
public enum EntityType {
  /** A person. */
  PERSON("person"),
  /** A company, agency, party, team or other organisation. */
  ORGANIZATION("organization"),
  /** A country, city, region or other place. */
  LOCATION("location"),
  /** Any other name: events, nationalities used as adjectives without a country, works, products. */
  OTHER("other");

  private final String json;

  EntityType(String json) {
    this.json = json;
  }

  /** The JSON spelling. */
  @JsonValue
  public String json() {
    return json;
  }

  /** Reads the JSON spelling (or the enum name, any case). */
  @JsonCreator
  public static EntityType fromJson(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (EntityType t : values()) {
      if (t.json.equals(v) || t.name().toLowerCase(Locale.ROOT).equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown entity type '" + value + "' (expected person, organization, location or other)");
  }
}
