package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/** Title-Case headlines: the article, the gazetteer and the prior tell common words from names. */
class HeadlineCaseTest {

  private static EntityModel model;
  private static PerceptronEntityTagger tagger;

  @BeforeAll
  static void load() {
    model = EntityModel.loadDefault();
    tagger = new PerceptronEntityTagger(model);
  }

  private static List<Mention> titleMentions(List<Entity> entities) {
    return entities.stream().flatMap(e -> e.mentions().stream()).filter(m -> m.field().equals("title")).toList();
  }

  @Test
  void shouldFindOnlyTheNamesOfTitleCaseHeadlines() {
    List<Entity> covid = tagger.tag("Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters",
        "More than 4 million people in the United States have received the updated booster shots, the Centers "
            + "for Disease Control and Prevention said on Thursday.");
    List<Entity> apple = tagger.tag("Apple Unveils New iPhone As Sales Slow In China",
        "Apple Inc. on Tuesday introduced its latest iPhone, betting that new camera features will revive demand "
            + "in China, where Huawei has gained ground.");
    List<Entity> biden = tagger.tag("Biden Says He Will Meet Xi In Bali Next Week",
        "President Joe Biden said on Wednesday he would meet Chinese leader Xi Jinping at the Group of 20 summit "
            + "in Indonesia.");
    assertThat(titleMentions(covid)).extracting(Mention::text).containsOnly("Americans");
    assertThat(titleMentions(apple)).extracting(Mention::text).containsExactlyInAnyOrder("Apple", "China");
    assertThat(titleMentions(biden)).extracting(Mention::text).containsExactlyInAnyOrder("Biden", "Xi", "Bali");
    assertThat(biden).filteredOn(e -> e.type() == EntityType.PERSON).extracting(Entity::name)
        .contains("Joe Biden", "Xi Jinping");
  }

  @Test
  void shouldKeepANameThatFollowsAFirstNameThoughTheArticleDoesNotRepeatIt() {
    List<Entity> entities = tagger.tag("Jennifer Lopez And Ben Affleck Marry In Las Vegas",
        "The couple wed in a small chapel on Saturday night, according to a newsletter the singer sent to fans.");
    assertThat(titleMentions(entities)).extracting(Mention::text)
        .containsExactlyInAnyOrder("Jennifer Lopez", "Ben Affleck", "Las Vegas");
  }

  @Test
  void shouldCutHeadlineMentionsFromTheTitleAsWritten() {
    String title = "Biden Says He Will Meet Xi In Bali Next Week";
    List<Entity> entities = tagger.tag(title, "President Joe Biden said on Wednesday he would travel to Asia.");
    Mention bali = titleMentions(entities).stream().filter(m -> m.text().equals("Bali")).findFirst().orElseThrow();
    assertThat(bali.start()).isEqualTo(title.indexOf("Bali"));
    assertThat(title.substring(bali.start(), bali.end())).isEqualTo("Bali");
  }

  @Test
  void shouldKeepKnownPlacesOfAHeadlineWhoseArticleDoesNotNameThem() {
    String title = "Floods Hit Bali And Jakarta As Storm Season Arrives Early";
    for (String body : List.of("", "Heavy rain closed schools and roads on Monday, officials said, and more "
        + "storms are expected this week.")) {
      List<Entity> entities = tagger.tag(title, body);
      assertThat(titleMentions(entities)).as(body).extracting(Mention::text).contains("Bali", "Jakarta")
          .noneMatch(t -> t.contains("Storm") || t.contains("Floods") || t.contains("Season"));
    }
  }

  @Test
  void shouldLowerWhatTheArticleWritesInLowerCaseAndKeepWhatItCapitalises() {
    HeadlineCase rule = new HeadlineCase(model, PlaceIndex.loadDefault());
    String[] title = {"Zorvex", "Unveils", "Plans", "For", "Cheaper", "Solar", "Panels"};
    String[] body = {"Engineers", "at", "Zorvex", "said", "the", "plans", "for", "cheaper", "solar", "panels",
        "are", "ready", "."};
    List<String[]> out = rule.apply(List.of(title, body), 1);
    assertThat(out.get(0)).containsExactly("Zorvex", "unveils", "plans", "for", "cheaper", "solar", "panels");
    assertThat(out.get(1)).isSameAs(body);
  }

  @Test
  void shouldLeaveMixedCaseAndAllCapsTitlesAlone() {
    HeadlineCase rule = new HeadlineCase(model, PlaceIndex.loadDefault());
    List<String[]> mixed = List.<String[]>of(new String[] {"Apple", "unveils", "a", "new", "phone", "in", "China"});
    List<String[]> caps = List.<String[]>of(new String[] {"APPLE", "UNVEILS", "NEW", "PHONE", "IN", "CHINA"});
    assertThat(rule.apply(mixed, 1)).isSameAs(mixed);
    assertThat(rule.apply(caps, 1)).isSameAs(caps);
  }
}
