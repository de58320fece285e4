package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceMappingTest {

  private static final SourceMapping MAPPING = SourceMapping.loadDefault();

  @Test
  void shouldMapEachBbcFolderToOneLevel1Topic() {
    assertThat(MAPPING.row("bbc", "tech").orElseThrow().topics()).containsExactly("medtop:13000000");
    assertThat(MAPPING.row("bbc", "sport").orElseThrow().anyOf()).isFalse();
  }

  @Test
  void shouldLeaveOutHuffPostSectionsWithoutAnHonestEquivalent() {
    assertThat(MAPPING.row("huffpost", "COMEDY").orElseThrow().topics()).isEmpty();
    assertThat(MAPPING.row("huffpost", "WEIRD NEWS").orElseThrow().topics()).isEmpty();
    assertThat(MAPPING.row("huffpost", "NO SUCH SECTION")).isEmpty();
  }

  @Test
  void shouldAcceptAnyOfSeveralTopicsForAGeographicSection() {
    SourceMapping.Row world = MAPPING.row("huffpost", "WORLD NEWS").orElseThrow();
    assertThat(world.anyOf()).isTrue();
    assertThat(world.topics()).contains("medtop:11000000", "medtop:16000000", "medtop:03000000");
  }

  @Test
  void shouldMapReutersJobsToLabourAndEveryOtherCategoryToEconomy() {
    assertThat(MAPPING.row("reuters", "jobs").orElseThrow().topics()).containsExactly("medtop:09000000");
    assertThat(MAPPING.row("reuters", "earn").orElseThrow().topics()).containsExactly("medtop:04000000");
  }

  @Test
  void shouldRejectARowThatNamesNoLevel1Topic() {
    String table = "bbc\ttech\tmedtop:20000756\tall\ta level-2 code\n";
    assertThatThrownBy(() -> SourceMapping.read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bad topics");
  }
}
