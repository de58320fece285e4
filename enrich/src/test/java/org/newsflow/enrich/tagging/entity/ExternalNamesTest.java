package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching names of open knowledge sources (WordNet, GeoNames) stored as hashed entries. */
class ExternalNamesTest {

  private static WordClusters table(Map<Long, Integer> entries) {
    long[] keys = new long[entries.size()];
    int[] values = new int[entries.size()];
    int i = 0;
    for (Map.Entry<Long, Integer> e : entries.entrySet()) {
      keys[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new WordClusters(keys, values);
  }

  private static String[] lower(String[] w) {
    String[] out = new String[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = Features.lowerDigits(w[i]);
    }
    return out;
  }

  @Test
  void shouldMatchTheLongestNameStartingAtACapitalisedWord() {
    Map<Long, Integer> entries = new HashMap<>();
    ExternalNames.add(entries, "New York", ExternalNames.place(ExternalNames.CITY, 8_000_000));
    ExternalNames.add(entries, "York", ExternalNames.place(ExternalNames.CITY, 150_000));
    ExternalNames.add(entries, "Albert Einstein", ExternalNames.instance(0));
    WordClusters t = table(entries);
    String[] w = {"Albert", "Einstein", "moved", "to", "New", "York", "not", "new", "york"};

    int[] m = ExternalNames.match(t, w, lower(w), false);

    assertThat(m[0] >>> 28).isEqualTo(0); // B
    assertThat(m[1] >>> 28).isEqualTo(2); // L
    assertThat(m[0] & 0x0fffffff).isEqualTo(ExternalNames.instance(0));
    assertThat(m[4] & 0x0fffffff).isEqualTo(ExternalNames.place(ExternalNames.CITY, 8_000_000));
    assertThat(m[5] & 0x0fffffff).isEqualTo(ExternalNames.place(ExternalNames.CITY, 8_000_000));
    assertThat(m[2]).isZero();
    assertThat(m[7]).isZero(); // lower-case words start no match
    assertThat(m[8]).isZero();
  }

  @Test
  void shouldFindNamesInReadingOrderAndGivePositionsInTheReversedSentencesOwnOrder() {
    Map<Long, Integer> entries = new HashMap<>();
    ExternalNames.add(entries, "Red Cross", ExternalNames.instance(1));
    String[] w = {"Cross", "Red", "the"};

    int[] m = ExternalNames.match(table(entries), w, lower(w), true);

    assertThat(m[0] >>> 28).isEqualTo(0); // the right-to-left stage meets "Cross" first
    assertThat(m[1] >>> 28).isEqualTo(2);
    assertThat(m[2]).isZero();
    assertThat(m[0] & 0x0fffffff).isEqualTo(ExternalNames.instance(1));
  }

  @Test
  void shouldKeepEveryTypeAndTheLargerPlaceWhenSourcesAgreeOnAName() {
    int merged = ExternalNames.merge(ExternalNames.instance(0) | ExternalNames.place(ExternalNames.CITY, 1_000),
        ExternalNames.instance(2) | ExternalNames.place(ExternalNames.COUNTRY, 5_000_000));

    assertThat(merged).isEqualTo(ExternalNames.instance(0) | ExternalNames.instance(2)
        | ExternalNames.place(ExternalNames.COUNTRY, 5_000_000));
  }
}
