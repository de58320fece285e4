package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/** Acceptance on the seed article in ../shared (skipped where shared/ is absent, e.g. a fresh clone). */
class SeedArticleTest {

  /** shared/ sits beside the project root; tests run in the enrich module directory. */
  private static final Path SEED = Path.of("..", "..", "shared", "seed", "rafah-2024-03-14.rss.xml");

  private static String title;
  private static String text;
  private static List<Entity> entities;

  @BeforeAll
  static void tagSeed() throws IOException {
    Path file = SEED;
    assumeTrue(Files.exists(file), "seed article not present (no ../shared beside the project)");
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    title = unescape(first(xml, "<item>.*?<title>(.*?)</title>"));
    String html = first(xml, "<content:encoded><!\\[CDATA\\[(.*?)]]>");
    text = unescape(html.replaceAll("</p>\\s*<p>", "\n\n").replaceAll("<[^>]+>", "")).trim();
    entities = new PerceptronEntityTagger(EntityModel.loadDefault()).tag(title, text);
  }

  private static String first(String s, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(s);
    return m.find() ? m.group(1) : "";
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static Entity named(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  @Test
  void shouldFindEveryExpectedEntityWithItsType() {
    Map<String, EntityType> expected = Map.ofEntries(
        Map.entry("Joe Biden", EntityType.PERSON), Map.entry("Jake Sullivan", EntityType.PERSON),
        Map.entry("Hamas", EntityType.ORGANIZATION), Map.entry("Politico", EntityType.ORGANIZATION),
        Map.entry("MSNBC", EntityType.ORGANIZATION), Map.entry("Israel", EntityType.LOCATION),
        Map.entry("Rafah", EntityType.LOCATION), Map.entry("Gaza", EntityType.LOCATION),
        Map.entry("Egypt", EntityType.LOCATION), Map.entry("United States", EntityType.LOCATION));
    expected.forEach((name, type) -> {
      Entity e = named(name);
      assertThat(e).as(name + " in " + entities).isNotNull();
      assertThat(e.type()).as(name).isEqualTo(type);
    });
  }

  @Test
  void shouldFoldBidenAndSullivanIntoOneEntityEach() {
    assertThat(entities.stream().filter(e -> e.type() == EntityType.PERSON && e.name().contains("Biden")))
        .hasSize(1);
    assertThat(entities.stream().filter(e -> e.type() == EntityType.PERSON && e.name().contains("Sullivan")))
        .hasSize(1);
    assertThat(named("Joe Biden").count()).isGreaterThanOrEqualTo(3);
    assertThat(named("Jake Sullivan").count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldNotTagWeekdaysRedLineOrBareTitles() {
    for (String not : List.of("Saturday", "Tuesday", "Wednesday", "Red Line", "President")) {
      assertThat(entities).extracting(Entity::name).as(entities.toString()).doesNotContain(not);
    }
  }

  @Test
  void shouldLinkCountriesAndDemonyms() {
    assertThat(named("Israel").ids()).containsEntry("iso3166", "IL");
    assertThat(named("Israel").key()).isEqualTo("iso3166:IL");
    assertThat(named("United States").ids()).containsEntry("iso3166", "US");
    assertThat(named("Israel").mentions()).extracting(Mention::text).contains("Israeli");
    assertThat(named("Gaza").mentions()).extracting(Mention::text).contains("Gazans");
  }

  @Test
  void shouldMarkIsraeliAndGazansAsDemonymsOfTheirPlaces() {
    assertThat(named("Israel").mentions()).filteredOn(m -> m.text().equals("Israeli")).isNotEmpty()
        .extracting(Mention::form).containsOnly(Mention.DEMONYM);
    assertThat(named("Gaza").mentions()).filteredOn(m -> m.text().equals("Gazans")).isNotEmpty()
        .extracting(Mention::form).containsOnly(Mention.DEMONYM);
    assertThat(named("Israel").mentions()).filteredOn(m -> m.text().equals("Israel"))
        .extracting(Mention::form).containsOnly(Mention.NAME);
  }

  @Test
  void shouldNotYieldAnyOfTheExpectedNotEntities() throws IOException {
    Path expected = SEED.resolveSibling("expected.json");
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(expected.toFile());
    List<String> names = entities.stream().map(Entity::name).toList();
    root.path("notEntities").forEach(n -> assertThat(names).as(entities.toString()).doesNotContain(n.asText()));
  }

  @Test
  void shouldGiveExactOffsets() {
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        String field = m.field().equals("title") ? title : text;
        assertThat(field.substring(m.start(), m.end())).isEqualTo(m.text());
      }
    }
  }
}
