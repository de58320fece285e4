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

/** Folding is linear in the mentions, however many distinct people share a first name. */
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
}
