package org.newsflow.enrich.cluster;

import org.newsflow.enrich.service.EnrichSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

  private final StoryClusterer clusterer = new StoryClusterer(EnrichSettings.defaultClusterParams());
  private final InMemoryStoryIndex index = new InMemoryStoryIndex();
  private final SyntheticText gen = new SyntheticText(3);
  private final List<String> wire = gen.words(500);

  private StoryAssignment assign(String id, List<String> words) {
    return clusterer.assign(id, SyntheticText.text(words), 1_000, index);
  }

  @Test
  void shouldStartANewStoryForAnArticleUnlikeAnyOther() {
    assertThat(assign("a", wire)).isEqualTo(new StoryAssignment("a", null, 0));
    StoryAssignment other = assign("b", gen.words(500));
    assertThat(other.storyId()).isEqualTo("b");
    assertThat(other.duplicateOf()).isNull();
  }

  @Test
  void shouldMarkWireCopySharingEightyPercentOfItsTextAsANearCopy() {
    assign("wire", wire);
    StoryAssignment copy = assign("outlet", gen.replaceTail(wire, 0.2));
    assertThat(copy.storyId()).isEqualTo("wire");
    assertThat(copy.duplicateOf()).isEqualTo("wire");
  }

  @Test
  void shouldPutALightlyRewrittenWireCopyInTheSameStory() {
    assign("wire", wire);
    StoryAssignment rewritten = assign("rewrite", gen.rewriteEvery(wire, 12));
    assertThat(rewritten.storyId()).isEqualTo("wire");
  }

  @Test
  void shouldPutTheSameEventWithMuchOverlapInTheStoryButNotCallItACopy() {
    assign("wire", wire);
    StoryAssignment told = assign("told", gen.replaceTail(wire, 0.45));
    assertThat(told.storyId()).isEqualTo("wire");
    assertThat(told.duplicateOf()).isNull();
  }

  @Test
  void shouldPointACopyOfACopyAtTheOriginal() {
    assign("wire", wire);
    List<String> copy = gen.replaceTail(wire, 0.1);
    assign("copy", copy);
    assertThat(assign("copy-of-copy", gen.replaceTail(copy, 0.05)).duplicateOf()).isEqualTo("wire");
  }

  @Test
  void shouldKeepARevisionInItsStory() {
    assign("wire", wire);
    assign("copy", gen.replaceTail(wire, 0.1));
    StoryAssignment revised = assign("copy", gen.words(500));
    assertThat(revised.storyId()).isEqualTo("wire");
    assertThat(revised.duplicateOf()).isNull();
  }

  @Test
  void shouldNotClusterTextsTooShortToCompare() {
    assign("short-1", List.of("breaking", "news", "now"));
    assertThat(assign("short-2", List.of("breaking", "news", "now")).storyId()).isEqualTo("short-2");
  }
}
