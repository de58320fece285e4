package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The label set and the packed name counts of the model. */
class LabelsTest {

  @Test
  void shouldPackNameCountsAndLeaveOwnCountsOut() {
    int packed = NameLexicon.add(NameLexicon.add(0, 1, 5), 2, 130);
    assertThat(NameLexicon.count(packed, 1)).isEqualTo(5);
    assertThat(NameLexicon.count(packed, 2)).isEqualTo(127);
    int own = NameLexicon.add(0, 1, 2);
    assertThat(NameLexicon.count(NameLexicon.minus(packed, own), 1)).isEqualTo(3);
    assertThat(NameLexicon.minus(own, packed)).isZero();
  }

  @Test
  void shouldRoundTripBioThroughBilou() {
    String[] bio = {"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-MISC", "I-MISC", "O", "B-ORG"};
    List<Span> spans = Labels.fromBio(bio);
    assertThat(spans).containsExactly(new Span(0, 2, "PER"), new Span(3, 4, "LOC"), new Span(4, 5, "LOC"),
        new Span(5, 7, "MISC"), new Span(8, 9, "ORG"));
    assertThat(Labels.decode(Labels.encode(bio.length, spans))).isEqualTo(spans);
  }
}
