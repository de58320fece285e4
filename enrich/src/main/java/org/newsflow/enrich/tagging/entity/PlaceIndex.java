package org.newsflow.enrich.tagging.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * The GeoNames places of the bundled gazetteer ({@value #RESOURCE}, built by {@code newsflow train places}): every
 * country, first-level division and place of 15,000 people or more, looked up by any of its names. Immutable and
 * thread-safe once loaded (about 25,000 places).
 */
public final class PlaceIndex {

  /** Classpath location of the gazetteer. */
  public static final String RESOURCE = "gazetteer/geonames-places.tsv.gz";

  private final Map<String, List<GeoPlace>> byName;
  private final Map<String, GeoPlace> countries;

  private PlaceIndex(Map<String, List<GeoPlace>> byName, Map<String, GeoPlace> countries) {
    this.byName = byName;
    this.countries = countries;
  }

  /** Loads the bundled gazetteer. */
  public static PlaceIndex loadDefault() {
    try (InputStream in = PlaceIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PlaceIndex load(InputStream raw) throws IOException {
    Map<String, List<GeoPlace>> byName = new HashMap<>();
    Map<String, GeoPlace> countries = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 9) {
        throw new IOException("bad gazetteer line: " + line);
      }
      String[] names = f[2].split("\\|");
      GeoPlace.Kind kind = switch (f[1]) {
        case "C" -> GeoPlace.Kind.COUNTRY;
        case "A" -> GeoPlace.Kind.REGION;
        default -> GeoPlace.Kind.CITY;
      };
      GeoPlace p = new GeoPlace(f[0], names[0], kind, f[3], f[4], Double.parseDouble(f[5]),
          Double.parseDouble(f[6]), Long.parseLong(f[7]), f[8].equals("PPLC"));
      if (kind == GeoPlace.Kind.COUNTRY) {
        countries.put(p.country(), p);
      }
      for (String n : names) {
        List<GeoPlace> list = byName.computeIfAbsent(Gazetteer.normalise(n), k -> new ArrayList<>(1));
        if (!list.contains(p)) {
          list.add(p);
        }
      }
    }
    return new PlaceIndex(Map.copyOf(byName), Map.copyOf(countries));
  }

  /** Places named so (normalised as {@link Gazetteer#normalise}); empty when none. */
  List<GeoPlace> named(String name) {
    List<GeoPlace> out = byName.get(Gazetteer.normalise(name));
    return out == null ? List.of() : out;
  }

  /** Calls the consumer with every normalised name and the places it names. */
  public void forEachName(BiConsumer<String, List<GeoPlace>> consumer) {
    byName.forEach(consumer);
  }

  /** The country with this ISO 3166-1 alpha-2 code, or null. */
  GeoPlace country(String iso) {
    return countries.get(iso);
  }
}
