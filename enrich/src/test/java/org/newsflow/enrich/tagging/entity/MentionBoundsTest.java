package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.text.Token;
import org.newsflow.enrich.tagging.text.Tokenizer;

/** Where a tagged span may start and end, whatever the model says. */
class MentionBoundsTest {

  private static String cut(String sentence, int from, int to) {
    List<Token> tokens = new Tokenizer().tokenize(sentence);
    StringBuilder sb = new StringBuilder();
    for (Span s : MentionBounds.pieces(tokens, new Span(from, to, "ORG"))) {
      sb.append('[').append(sentence, tokens.get(s.start()).start(), tokens.get(s.end() - 1).end()).append(']');
    }
    return sb.toString();
  }

  @Test
  void shouldCutAtABracketThatIsNotClosedInsideTheSpan() {
    assertThat(cut("CSP Limoges ( France ) beat them", 1, 4)).isEqualTo("[Limoges][France]");
  }

  @Test
  void shouldKeepABracketClosedInsideTheSpan() {
    assertThat(cut("Mladost ( BJ ) drew", 0, 4)).isEqualTo("[Mladost ( BJ )]");
  }

  @Test
  void shouldCutAtLowerCaseWordsThatAreNotNameParticles() {
    assertThat(cut("at the Melbourne Cricket Ground on Friday .", 2, 7)).isEqualTo("[Melbourne Cricket Ground][Friday]");
    assertThat(cut("Shahid Afridi b Harris 10", 0, 4)).isEqualTo("[Shahid Afridi][Harris]");
    assertThat(cut("South during the war and jailed", 0, 6)).isEqualTo("[South]");
  }

  @Test
  void shouldKeepParticlesInsideNames() {
    assertThat(cut("the Bank of England said", 1, 4)).isEqualTo("[Bank of England]");
    assertThat(cut("Gil de Ferran won", 0, 3)).isEqualTo("[Gil de Ferran]");
    assertThat(cut("in Jebel al-Akhdar region", 1, 3)).isEqualTo("[Jebel al-Akhdar]");
  }

  @Test
  void shouldCutAtSentencePunctuation() {
    assertThat(cut("Kansai Electric , Osaka", 0, 4)).isEqualTo("[Kansai Electric][Osaka]");
  }
}
