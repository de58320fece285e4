package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledTextTest {

  @Test
  void shouldCutTheLeadAtTheFirstSentenceAcrossHardLineBreaks() {
    LabelledText t = new LabelledText("reuters", "earn", "PROFITS UP", "Profits rose 10 pct\nin the quarter, the "
        + "company said. Sales\nwere flat.", List.of("medtop:04000000"), false);
    assertThat(t.lead().text()).isEqualTo("Profits rose 10 pct in the quarter, the company said.");
    assertThat(t.lead().title()).isEqualTo("PROFITS UP");
  }

  @Test
  void shouldKeepATextWithoutASentenceEndWhole() {
    assertThat(LabelledText.firstSentence("Storm hits the coast")).isEqualTo("Storm hits the coast");
  }
}
