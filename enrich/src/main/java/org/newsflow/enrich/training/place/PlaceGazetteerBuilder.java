package org.newsflow.enrich.training.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the place gazetteer of entity linking from a GeoNames extract ({@code countryInfo.txt},
 * {@code admin1CodesASCII.txt}, {@code cities15000.txt}), keeping only what linking needs: ids, names and their
 * Latin-script alternate names (other scripts cannot match English text), coordinates, country, first-level
 * division, population and feature code. Countries take the coordinates of their capital (else their largest city)
 * and first-level divisions those of their largest city, with the summed population of their cities as a size.
 * Output: gzip TSV, one place a line, sorted by id, so a rebuild gives the same file. GeoNames data is CC BY 4.0.
 */
public final class PlaceGazetteerBuilder {

  private PlaceGazetteerBuilder() {}

  /** One city line of cities15000.txt, reduced. */
  private record City(long id, String name, List<String> names, double lat, double lon, String country,
                      String admin1, long population, String feature) {}

  /**
   * Builds the gazetteer.
   *
   * @param geonames folder with the three GeoNames files
   * @param out      where to write the gzip TSV
   * @return number of places written
   * @throws IOException if a file cannot be read or written
   */
  public static int build(Path geonames, OutputStream out) throws IOException {
    List<City> cities = new ArrayList<>();
    for (String line : lines(geonames.resolve("cities15000.txt"))) {
      String[] f = line.split("\t", -1);
      if (f.length < 15) {
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      names.add(f[1]);
      names.add(f[2]);
      for (String alt : f[3].split(",")) {
        if (isLatinName(alt)) {
          names.add(alt);
        }
      }
      cities.add(new City(Long.parseLong(f[0]), f[1], List.copyOf(names), Double.parseDouble(f[4]),
          Double.parseDouble(f[5]), f[8], f[10], parseLong(f[14]), f[7]));
    }
    Map<String, City> largestInCountry = new HashMap<>();
    Map<String, City> capital = new HashMap<>();
    Map<String, City> largestInAdmin1 = new HashMap<>();
    Map<String, Long> admin1Population = new HashMap<>();
    for (City c : cities) {
      largestInCountry.merge(c.country(), c, (a, b) -> a.population() >= b.population() ? a : b);
      if (c.feature().equals("PPLC")) {
        capital.merge(c.country(), c, (a, b) -> a.population() >= b.population() ? a : b);
      }
      String admin = c.country() + "." + c.admin1();
      largestInAdmin1.merge(admin, c, (a, b) -> a.population() >= b.population() ? a : b);
      admin1Population.merge(admin, c.population(), Long::sum);
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(geonames.resolve("countryInfo.txt"))) {
      String[] f = line.split("\t", -1);
      if (line.startsWith("#") || f.length < 17 || f[16].isEmpty()) {
        continue;
      }
      City at = capital.getOrDefault(f[0], largestInCountry.get(f[0]));
      if (at == null) {
        continue; // no city of 15,000: no coordinates to give
      }
      rows.add(new String[] {f[16], "C", f[4], f[0], "", coordinate(at.lat()), coordinate(at.lon()), f[7], "PCLI"});
    }
    for (String line : lines(geonames.resolve("admin1CodesASCII.txt"))) {
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        continue;
      }
      City at = largestInAdmin1.get(f[0]);
      if (at == null) {
        continue;
      }
      String country = f[0].substring(0, f[0].indexOf('.'));
      String names = f[1].equals(f[2]) ? f[1] : f[1] + "|" + f[2];
      rows.add(new String[] {f[3], "A", names, country, f[0].substring(country.length() + 1),
          coordinate(at.lat()), coordinate(at.lon()), String.valueOf(admin1Population.get(f[0])), "ADM1"});
    }
    for (City c : cities) {
      rows.add(new String[] {String.valueOf(c.id()), "P", String.join("|", c.names()), c.country(), c.admin1(),
          coordinate(c.lat()), coordinate(c.lon()), String.valueOf(c.population()), c.feature()});
    }
    rows.sort((a, b) -> Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0])));
    GZIPOutputStream gz = new GZIPOutputStream(out);
    Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
    w.write("# id\tkind (C country, A first-level division, P populated place)\tnames\tcountry\tadmin1\tlat\tlon"
        + "\tpopulation\tfeature code. From GeoNames (CC BY 4.0): built by `newsflow train places`.\n");
    for (String[] r : rows) {
      w.write(String.join("\t", r));
      w.write('\n');
    }
    w.flush();
    gz.finish();
    return rows.size();
  }

  /** Latin letters, spaces, hyphens, apostrophes and periods; not an all-capitals code such as an airport's. */
  static boolean isLatinName(String s) {
    if (s.length() < 3 || s.length() > 40 || s.equals(s.toUpperCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean latin = c < 0x250 && (Character.isLetter(c) || c == ' ' || c == '-' || c == '\'' || c == '.');
      if (!latin) {
        return false;
      }
    }
    return Character.isUpperCase(s.charAt(0));
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static long parseLong(String s) {
    return s.isEmpty() ? 0 : Long.parseLong(s);
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
