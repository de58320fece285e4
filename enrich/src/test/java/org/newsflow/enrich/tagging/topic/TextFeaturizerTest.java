package org.newsflow.enrich.tagging.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturizerTest {

  private final TextFeaturizer featurizer = new TextFeaturizer(18, 16);

  @Test
  void shouldIgnoreCaseAndPunctuation() {
    assertThat(featurizer.featurize("", "Ceasefire TALKS, in Cairo!").level1Index())
        .containsExactly(featurizer.featurize("", "ceasefire talks in cairo").level1Index());
  }

  @Test
  void shouldFoldPluralsSoBothSpellingsShareAFeature() {
    assertThat(featurizer.featurize("", "missiles").level1Index())
        .containsExactly(featurizer.featurize("", "missile").level1Index());
    // words ending in -ss, -us, -is are not plurals
    assertThat(featurizer.featurize("", "chess").level1Index())
        .doesNotContain(featurizer.featurize("", "ches").level1Index());
  }

  @Test
  void shouldDropStopWordsNumbersAndSingleLetters() {
    TextFeatures f = featurizer.featurize("", "the of and 2024 42 a b c");
    assertThat(f.level1Index()).isEmpty();
    assertThat(f.tokens()).isZero();
  }

  @Test
  void shouldProduceSortedUnitLengthVectorsInBothSpaces() {
    TextFeatures f = featurizer.featurize("Troops advance", "Troops advanced on the city as shelling went on. "
        + "Shelling continued overnight, the army said, and troops dug in.");
    assertThat(f.level1Index()).isSorted().doesNotHaveDuplicates();
    assertThat(f.level2Index()).isSorted().doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(f.level2Index()).allMatch(i -> i >= 0 && i < 1 << 16)).isTrue();
    assertThat(norm(f.level1Value())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(norm(f.level2Value())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void shouldAddBigramsOfNeighbouringContentWords() {
    // two content words: two unigrams and one bigram
    assertThat(featurizer.featurize("", "armed conflict").level1Index()).hasSize(3);
    assertThat(featurizer.featurize("", "conflict armed").level1Index())
        .isNotEqualTo(featurizer.featurize("", "armed conflict").level1Index());
  }

  @Test
  void shouldNotFailOnOddText() {
    assertThat(featurizer.featurize(null, null).level1Index()).isEmpty();
    assertThat(featurizer.featurize("\uD800\uDFFF\u0000", "\uFFFF".repeat(1000)).tokens()).isZero();
    assertThat(featurizer.featurize("", "word ".repeat(100_000)).level1Index()).hasSize(2);
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
