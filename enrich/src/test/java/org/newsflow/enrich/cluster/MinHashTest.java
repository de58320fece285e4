package org.newsflow.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private final MinHash minHash = new MinHash(256, 7);

  @Test
  void shouldEstimateJaccardSimilarity() {
    long[] a = LongStream.range(0, 1000).toArray();
    long[] b = LongStream.range(500, 1500).toArray(); // 500 shared of 1500: J = 1/3
    assertThat(MinHash.similarity(minHash.signature(a), minHash.signature(b))).isCloseTo(1.0 / 3, within(0.08));
  }

  @Test
  void shouldGiveIdenticalSignaturesForIdenticalSets() {
    long[] a = LongStream.range(0, 100).toArray();
    assertThat(MinHash.similarity(minHash.signature(a), minHash.signature(a.clone()))).isEqualTo(1.0);
  }

  @Test
  void shouldGiveNearZeroForDisjointSets() {
    long[] a = LongStream.range(0, 500).toArray();
    long[] b = LongStream.range(10_000, 10_500).toArray();
    assertThat(MinHash.similarity(minHash.signature(a), minHash.signature(b))).isLessThan(0.05);
  }

  @Test
  void shouldEstimateTheShingleJaccardOfRealisticTexts() {
    SyntheticText gen = new SyntheticText(1);
    var words = gen.words(500);
    long[] a = Shingles.of(SyntheticText.text(words), 3);
    long[] b = Shingles.of(SyntheticText.text(gen.replaceTail(words, 0.2)), 3);
    Set<Long> sa = new HashSet<>(Arrays.stream(a).boxed().toList());
    Set<Long> union = new HashSet<>(sa);
    union.addAll(Arrays.stream(b).boxed().toList());
    sa.retainAll(Arrays.stream(b).boxed().toList());
    double exact = (double) sa.size() / union.size();
    assertThat(MinHash.similarity(minHash.signature(a), minHash.signature(b))).isCloseTo(exact, within(0.1));
  }
}
