package org.newsflow.enrich.topology;

import java.text.Normalizer;
import java.util.Locale;

/** Topic-name-safe slugs of IPTC labels: "conflict, war and peace" becomes "conflict-war-and-peace". */
public final class TopicSlugs {

  private TopicSlugs() {
  }

  /** The slug of a label. */
  public static String slug(String label) {
    String ascii = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return s.isEmpty() ? "other" : s;
  }
}
