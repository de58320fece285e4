package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;

/** Folding: linear in the mentions however many people share a first name; short forms join their full names. */
class EntityFolderTest {

  @Test
  void shouldFoldSixteenThousandPeopleWithOneFirstNameInLinearTime() {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    EntityFolder folder = new EntityFolder(gazetteer, new PlaceLinker(gazetteer, PlaceIndex.loadDefault()));
    List<RawMention> raws = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < 16_000; i++) {
      String full = "First Last" + i;
      raws.add(new RawMention("text", offset, offset + full.length(), full, EntityType.PERSON,
          new String[] {"first", ("last" + i).toLowerCase(Locale.ROOT)}, raws.size()));
      raws.add(new RawMention("text", offset + 20, offset + 30, "Last" + i, EntityType.PERSON,
          new String[] {("last" + i).toLowerCase(Locale.ROOT)}, raws.size()));
      raws.add(new RawMention("text", offset + 40, offset + 45, "First", EntityType.PERSON,
          new String[] {"first"}, raws.size()));
      offset += 60;
    }
    int textLength = offset;
    List<Entity> entities = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> folder.fold(raws, textLength));
    // each full name collects its surname; the ambiguous first name "First" stays apart
    assertThat(entities.stream().filter(e -> e.name().startsWith("First Last"))).hasSize(16_000)
        .allSatisfy(e -> assertThat(e.count()).isEqualTo(2));
    assertThat(entities).anySatisfy(e -> assertThat(e.name()).isEqualTo("First"));
  }

  private static RawMention mention(String field, int start, String text, EntityType type, int order) {
    return new RawMention(field, start, start + text.length(), text, type,
        text.toLowerCase(Locale.ROOT).split(" "), order);
  }

  @Test
  void shouldFoldTheOneWordShortFormOfAnOrganisationIntoItWhateverTypeTheTaggerGaveIt() {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    EntityFolder folder = new EntityFolder(gazetteer, new PlaceLinker(gazetteer, PlaceIndex.loadDefault()));
    List<RawMention> raws = List.of(
        mention("title", 0, "Huawei", EntityType.PERSON, 0),
        mention("text", 0, "Huawei Technologies", EntityType.ORGANIZATION, 1),
        mention("text", 40, "Goldman", EntityType.ORGANIZATION, 2),
        mention("text", 60, "Goldman Sachs", EntityType.ORGANIZATION, 3),
        // two organisations begin with "Deutsche": its short form is left alone
        mention("text", 80, "Deutsche Bank", EntityType.ORGANIZATION, 4),
        mention("text", 100, "Deutsche Telekom", EntityType.ORGANIZATION, 5),
        mention("text", 120, "Deutsche", EntityType.ORGANIZATION, 6),
        // a person named in full keeps the surname ("Harrison Ford", not Ford Motor)
        mention("text", 140, "Harrison Ford", EntityType.PERSON, 7),
        mention("text", 160, "Ford Motor", EntityType.ORGANIZATION, 8),
        mention("text", 180, "Ford", EntityType.PERSON, 9),
        // a first name alone stays a person, though an organisation's name begins with it
        mention("text", 200, "Steve Redgrave Trust", EntityType.ORGANIZATION, 10),
        mention("text", 230, "Steve", EntityType.PERSON, 11));
    List<Entity> entities = folder.fold(raws, 240);
    assertThat(entities).filteredOn(e -> e.name().equals("Huawei Technologies")).singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
          assertThat(e.count()).isEqualTo(2);
        });
    assertThat(entities).noneSatisfy(e -> assertThat(e.name()).isEqualTo("Huawei"));
    assertThat(entities).filteredOn(e -> e.name().equals("Goldman Sachs")).singleElement()
        .satisfies(e -> assertThat(e.count()).isEqualTo(2));
    assertThat(entities).anySatisfy(e -> assertThat(e.name()).isEqualTo("Deutsche"));
    assertThat(entities).filteredOn(e -> e.name().equals("Harrison Ford")).singleElement()
        .satisfies(e -> assertThat(e.count()).isEqualTo(2));
    assertThat(entities).filteredOn(e -> e.name().equals("Ford Motor")).singleElement()
        .satisfies(e -> assertThat(e.count()).isEqualTo(1));
    assertThat(entities).filteredOn(e -> e.name().equals("Steve")).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));
    assertThat(entities).filteredOn(e -> e.name().equals("Steve Redgrave Trust")).singleElement()
        .satisfies(e -> assertThat(e.count()).isEqualTo(1));
  }
}
