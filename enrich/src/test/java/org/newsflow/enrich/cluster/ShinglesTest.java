package org.newsflow.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void shouldIgnoreCaseAndPunctuation() {
    assertThat(Shingles.of("Strikes in RAFAH, on Monday!", 3))
        .containsExactly(Shingles.of("strikes in rafah on monday", 3));
  }

  @Test
  void shouldGiveOneShinglePerWordWindowAndDropRepeats() {
    assertThat(Shingles.of("a b c d e", 3)).hasSize(3);
    assertThat(Shingles.of("a b a b a b", 2)).hasSize(2);
  }

  @Test
  void shouldGiveNoShinglesForTextShorterThanAShingle() {
    assertThat(Shingles.of("two words", 3)).isEmpty();
    assertThat(Shingles.of("", 3)).isEmpty();
  }

  @Test
  void shouldReadWordsInAnyScript() {
    assertThat(Shingles.of("Μέση Ανατολή σήμερα", 3)).hasSize(1);
    assertThat(Shingles.of("ΜΈΣΗ ΑΝΑΤΟΛΉ ΣΉΜΕΡΑ", 3)).containsExactly(Shingles.of("μέση ανατολή σήμερα", 3));
  }
}
