package org.newsflow.common.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One canonical entity of an article: all mentions of the same person, organisation or place folded together.
 *
 * @param name     canonical name (the longest full form seen in the article)
 * @param type     what kind of thing it is
 * @param key      normalised name key for aggregating across articles (lower-case, accents folded), or a
 *                 linked id such as {@code iso3166:IL} when the entity was linked
 * @param count    number of mentions
 * @param salience 0..1, how central the entity is to the article (title mentions and early, frequent mentions weigh more)
 * @param ids      identifiers the entity was linked to, e.g. {@code {"iso3166": "IL"}}; empty when unlinked
 * @param lat      latitude of a linked place, else null
 * @param lon      longitude of a linked place, else null
 * @param mentions where the entity occurs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(
    String name,
    EntityType type,
    String key,
    int count,
    double salience,
    Map<String, String> ids,
    Double lat,
    Double lon,
    List<Mention> mentions) {

  /** Checks the fields and copies the collections. */
  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    key = key == null ? name : key;
    ids = ids == null ? Map.of() : Map.copyOf(ids);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }
}
