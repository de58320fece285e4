package org.newsflow.enrich.tagging.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void shouldAppendTheMeanWordVectorAfterTheHashedFeaturesWithTheGivenWeights() {
    TextFeaturizer plain = new TextFeaturizer(10, 8);
    long war = plain.tokenHashes("war")[0];
    long troops = plain.tokenHashes("troops")[0];
    WordVectors vectors = WordVectors.quantise(new long[] {war, troops}, new float[] {1f, 0f, 0f, 1f}, 2);
    TextFeaturizer dense = new TextFeaturizer(10, 8, vectors, 1f, 2f);
    TextFeatures f = dense.featurize("", "war troops ceasefire");
    int n = f.level1Index().length;
    assertThat(f.level1Index()[n - 2]).isEqualTo(1 << 10);
    assertThat(f.level1Index()[n - 1]).isEqualTo((1 << 10) + 1);
    assertThat(f.level1Value()[n - 2]).isCloseTo((float) Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-3f));
    assertThat(f.level1Value()[n - 1]).isCloseTo((float) Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-3f));
    assertThat(dense.level1Size()).isEqualTo((1 << 10) + 2);
    // a text with no known word gets no dense features at all
    assertThat(java.util.Arrays.stream(dense.featurize("", "ceasefire").level1Index()).allMatch(i -> i < 1 << 10))
        .isTrue();
  }

  @Test
  void shouldCountTheTitleAsOftenAsConfigured() {
    TextFeaturizer once = new TextFeaturizer(12, 10, WordVectors.NONE, 1f, 0f, 1);
    TextFeaturizer twice = new TextFeaturizer(12, 10, WordVectors.NONE, 1f, 0f, 2);
    // once: the title word weighs like the body word; twice: its count is 2, so its value is 1 + ln 2 times the other
    float[] v1 = once.featurize("ceasefire", "talks").level1Value();
    float[] v2 = twice.featurize("ceasefire", "talks").level1Value();
    assertThat(v1).hasSize(2);
    assertThat(v1[0]).isEqualTo(v1[1]);
    assertThat(Math.max(v2[0], v2[1]) / Math.min(v2[0], v2[1]))
        .isCloseTo((float) (1 + Math.log(2)), org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(once.featurize("ceasefire", "talks").tokens()).isEqualTo(2);
    assertThat(twice.featurize("ceasefire", "talks").tokens()).isEqualTo(2);
    assertThatThrownBy(() -> new TextFeaturizer(12, 10, WordVectors.NONE, 1f, 0f, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldHashTokensAsTheFeaturesDoDroppingStopWords() {
    TextFeaturizer plain = new TextFeaturizer(10, 8);
    assertThat(plain.tokenHashes("The missiles of war")).hasSize(2)
        .containsExactly(plain.tokenHashes("missile")[0], plain.tokenHashes("WAR")[0]);
  }
}
