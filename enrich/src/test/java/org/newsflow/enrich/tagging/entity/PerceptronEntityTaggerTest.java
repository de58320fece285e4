package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/** Behaviour of the default tagger on invented sentences. */
class PerceptronEntityTaggerTest {

  private static PerceptronEntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = new PerceptronEntityTagger(EntityModel.loadDefault());
  }

  private static Entity find(List<Entity> entities, String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + entities));
  }

  @Test
  void shouldFoldSurnameIntoFullName() {
    String text = "Prime Minister Maria Lindqvist visited Oslo on Monday. Lindqvist said the talks went well. "
        + "Later, Lindqvist\u2019s spokesman declined to comment.";
    List<Entity> entities = tagger.tag("", text);
    Entity p = find(entities, "Maria Lindqvist");
    assertThat(p.type()).isEqualTo(EntityType.PERSON);
    assertThat(p.count()).isEqualTo(3);
    assertThat(p.mentions()).extracting(Mention::text).containsOnly("Maria Lindqvist", "Lindqvist");
    assertThat(entities).extracting(Entity::name).doesNotContain("Lindqvist", "Monday", "Prime Minister");
  }

  @Test
  void shouldDropTitlesFromPersonNames() {
    List<Entity> entities = tagger.tag("", "President Lena Okonjo arrived in Accra. President Okonjo then spoke.");
    Entity p = find(entities, "Lena Okonjo");
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.mentions()).extracting(Mention::text).containsExactly("Lena Okonjo", "Okonjo");
  }

  @Test
  void shouldLinkCountriesDemonymsAndCities() {
    String text = "French officials met German ministers in Berlin. The U.S. and France signed a deal, "
        + "and Germany welcomed it.";
    List<Entity> entities = tagger.tag("", text);
    Entity france = find(entities, "France");
    assertThat(france.type()).isEqualTo(EntityType.LOCATION);
    assertThat(france.key()).isEqualTo("iso3166:FR");
    assertThat(france.ids()).containsEntry("iso3166", "FR");
    assertThat(france.mentions()).extracting(Mention::text).contains("French", "France");
    assertThat(find(entities, "Germany").mentions()).extracting(Mention::text).contains("German", "Germany");
    assertThat(france.mentions()).filteredOn(m -> m.text().equals("French")).extracting(Mention::form)
        .containsOnly(Mention.DEMONYM);
    assertThat(france.mentions()).filteredOn(m -> m.text().equals("France")).extracting(Mention::form)
        .containsOnly(Mention.NAME);
    assertThat(find(entities, "United States").key()).isEqualTo("iso3166:US");
    Entity berlin = find(entities, "Berlin");
    assertThat(berlin.lat()).isCloseTo(52.5, org.assertj.core.data.Offset.offset(0.5));
    assertThat(berlin.lon()).isCloseTo(13.4, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void shouldNeverLetANameCrossALineBreak() {
    List<Entity> entities = tagger.tag("", "Nadim Ladki\nAL-AIN, United Arab Emirates 1996-12-06\nItaly recalled "
        + "Marcello Cuttitta.");
    for (Entity e : entities) {
      assertThat(e.mentions()).extracting(Mention::text).noneMatch(t -> t.contains("\n"));
    }
  }

  @Test
  void shouldGiveMentionOffsetsIntoTheRightField() {
    String title = "Acme Corp buys Lisbon startup";
    String text = "Acme Corp said on Tuesday it would buy a startup based in Lisbon, Portugal.";
    List<Entity> entities = tagger.tag(title, text);
    assertThat(entities).isNotEmpty();
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        String field = m.field().equals("title") ? title : text;
        assertThat(field.substring(m.start(), m.end())).isEqualTo(m.text());
      }
      assertThat(e.count()).isEqualTo(e.mentions().size());
      assertThat(e.salience()).isBetween(0.0, 1.0);
    }
    assertThat(entities).isSortedAccordingTo((a, b) -> Double.compare(b.salience(), a.salience()));
    assertThat(find(entities, "Portugal").ids()).containsEntry("iso3166", "PT");
  }

  @Test
  void shouldWeighTitleMentionsMore() {
    List<Entity> entities = tagger.tag("Kenya hosts climate summit",
        "Delegates arrived in Nairobi. Officials from Peru and Chile attended.");
    assertThat(entities.getFirst().name()).isEqualTo("Kenya");
  }

  @Test
  void shouldNormaliseKeysOfUnlinkedEntities() {
    List<Entity> entities = tagger.tag("", "Shares of Zelnor Industries rose after José Álvarez joined the board.");
    assertThat(entities).anySatisfy(e -> assertThat(e.key()).isEqualTo("jose alvarez"));
  }

  @Test
  void shouldNotReadTitleCaseHeadlineWordsAsNames() {
    List<Entity> entities = tagger.tag("Brightwater Bank Unveils New Savings Plan As Rates Fall In Canada",
        "Brightwater Bank said on Monday it would offer the plan across Canada.");
    assertThat(entities).extracting(Entity::name).contains("Canada")
        .noneMatch(n -> n.contains("Unveils") || n.contains("Rates") || n.startsWith("In "));
  }

  @Test
  void shouldGiveTheSameResultWhenSharedAcrossThreads() throws Exception {
    String text = "Maria Lindqvist of Acme Corp met Kenyan officials in Nairobi. Lindqvist praised Kenya.";
    List<Entity> expected = tagger.tag("Acme in Kenya", text);
    try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      List<java.util.concurrent.Future<List<Entity>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> tagger.tag("Acme in Kenya", text)));
      }
      for (java.util.concurrent.Future<List<Entity>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldTagEntityHeavyTextInLinearTime() {
    // issue 14 reproducer: folding once compared every person with every other (cubic in the text)
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 16_000; i++) {
      text.append("First Last").append(i).append(" met First Last in City. ");
    }
    long start = System.nanoTime();
    List<Entity> entities = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60), () -> tagger.tag("", text.toString()));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(entities).isNotEmpty();
    assertThat(seconds).as("seconds for 16,000 entity-heavy sentences").isLessThan(30);
  }

  @Test
  void shouldNeverThrowOnBadInput() {
    assertThat(tagger.tag(null, null)).isEmpty();
    assertThat(tagger.tag("", "")).isEmpty();
    assertThat(tagger.tag("   ", "\n\n\t")).isEmpty();
    assertThat(tagger.tag("\uD800\uDFFF\uFFFF", "\u0000\u202e\u05e9\u05dc\u05d5\u05dd \uD83D\uDE00 \uD800")).isNotNull();
    String big = "The minister from Canada met officials in Paris. ".repeat(110_000);
    List<Entity> entities = tagger.tag("Big", big);
    assertThat(entities).extracting(Entity::name).contains("Canada", "Paris");
  }
  private static EntityType typeOf(String text, String name) {
    return find(tagger.tag("", text), name).type();
  }

  @Test
  void shouldTagDesignatorHeadedOrganisationsAsOneOrganisation() {
    assertThat(typeOf("The Centers for Disease Control and Prevention said on Tuesday that cases were rising.",
        "Centers for Disease Control and Prevention")).isEqualTo(EntityType.ORGANIZATION);
    assertThat(typeOf("The grant came from the Bill & Melinda Gates Foundation last year.",
        "Bill & Melinda Gates Foundation")).isEqualTo(EntityType.ORGANIZATION);
    assertThat(typeOf("Meta Platforms said it would cut jobs.", "Meta Platforms"))
        .isEqualTo(EntityType.ORGANIZATION);
    assertThat(typeOf("Representatives of the World Health Organization arrived in Geneva.",
        "World Health Organization")).isEqualTo(EntityType.ORGANIZATION);
  }

  @Test
  void shouldTypeACompanyListedBesideADesignatorHeadedCompanyAsAnOrganisation() {
    List<Entity> entities =
        tagger.tag("", "The deal between Exxon Mobil and Pioneer Natural Resources closed in May.");
    assertThat(find(entities, "Exxon Mobil").type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(find(entities, "Pioneer Natural Resources").type()).isEqualTo(EntityType.ORGANIZATION);
  }

  @Test
  void shouldSplitTwoOrganisationsJoinedByAndThe() {
    List<Entity> entities = tagger.tag("",
        "The Department of Homeland Security and the National Institutes of Health sent delegates.");
    assertThat(entities).filteredOn(e -> e.type() == EntityType.ORGANIZATION).extracting(Entity::name)
        .containsExactlyInAnyOrder("Department of Homeland Security", "National Institutes of Health");
  }

  @Test
  void shouldKeepPlacesEventsAndPeopleThatShareWordsWithOrganisations() {
    List<Entity> entities = tagger.tag("", "The storm crossed the Pacific Ocean. Fans watched the World Cup final. "
        + "Harrison Ford thanked the Ford Foundation. Arsenal beat Chelsea and Apple shares rose.");
    assertThat(find(entities, "Pacific Ocean").type()).isEqualTo(EntityType.LOCATION);
    assertThat(find(entities, "World Cup").type()).isEqualTo(EntityType.OTHER);
    assertThat(find(entities, "Harrison Ford").type()).isEqualTo(EntityType.PERSON);
    assertThat(find(entities, "Ford Foundation").type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(find(entities, "Arsenal").type()).isEqualTo(EntityType.ORGANIZATION);
  }
}
