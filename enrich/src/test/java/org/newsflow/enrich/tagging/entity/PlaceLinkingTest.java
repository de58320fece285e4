package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.Mention;

/**
 * Place linking on our own test set (src/test/resources/linking/places.tsv: 60 invented articles, 202 place
 * mentions with their GeoNames ids, many of them ambiguous names such as Paris, Georgia, Victoria, Birmingham). A
 * mention counts as right only when the whole tagger finds it and links it to the expected id.
 */
class PlaceLinkingTest {

  private static PerceptronEntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = new PerceptronEntityTagger(EntityModel.loadDefault());
  }

  /** One article of the set. */
  private record Case(String text, List<String[]> expected) {}

  private static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PlaceLinkingTest.class.getResourceAsStream("/linking/places.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        List<String[]> expected = new ArrayList<>();
        for (String pair : f[1].split("\\|")) {
          expected.add(pair.split("="));
        }
        out.add(new Case(f[0], expected));
      }
    }
    return out;
  }

  @Test
  void shouldLinkAtLeast95PercentOfPlaceMentionsToTheRightGeoNamesId() throws IOException {
    int total = 0;
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (Case c : cases()) {
      List<Entity> entities = tagger.tag("", c.text());
      for (String[] e : c.expected()) {
        total++;
        String got = null;
        for (Entity entity : entities) {
          for (Mention m : entity.mentions()) {
            // "The Netherlands" counts for the expected "Netherlands"
            if ((m.text().equals(e[0]) || m.text().endsWith(" " + e[0])) && got == null) {
              got = entity.ids().get("geonames");
            }
          }
        }
        if (e[1].equals(got)) {
          right++;
        } else {
          wrong.add(e[0] + " expected " + e[1] + " got " + got + " in: " + c.text());
        }
      }
    }
    double accuracy = (double) right / total;
    System.out.printf(Locale.ROOT, "place linking: %d of %d mentions right (%.1f%%)%n", right, total, 100 * accuracy);
    wrong.forEach(w -> System.out.println("  wrong: " + w));
    assertThat(total).isGreaterThanOrEqualTo(150);
    assertThat(accuracy).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldResolveAmbiguousNamesByTheArticlesOtherPlaces() {
    assertThat(geonames(tagger.tag("", "The festival in Paris, Texas, drew visitors from Dallas."), "Paris"))
        .isEqualTo("4717560");
    assertThat(geonames(tagger.tag("", "Tourists crowded Paris as France hosted the games."), "Paris"))
        .isEqualTo("2988507");
  }

  private static String geonames(List<Entity> entities, String mention) {
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        if (m.text().equals(mention)) {
          return e.ids().get("geonames");
        }
      }
    }
    return null;
  }
}
