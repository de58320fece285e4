package org.newsflow.enrich.evaluation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/** The product-path scorer lays documents out as article bodies and scores the tagger's mentions on them. */
class ProductPathEvaluationTest {

  private static final List<ConllCorpus.Sentence> DOC = List.of(
      new ConllCorpus.Sentence(new String[] {"Nadim", "Ladki"}, new String[] {"B-PER", "I-PER"}),
      new ConllCorpus.Sentence(new String[] {"Israeli", "troops", "left", "Gaza", "."},
          new String[] {"B-MISC", "O", "O", "B-LOC", "O"}));

  @Test
  void shouldJoinTokensBySpacesAndSentencesByLineBreaks() {
    ProductPathEvaluation.Layout layout = ProductPathEvaluation.layout(DOC);
    assertThat(layout.text()).isEqualTo("Nadim Ladki\nIsraeli troops left Gaza .");
    assertThat(layout.gold()).hasSize(3);
  }

  @Test
  void shouldScoreDemonymsAsMiscAndMentionsAcrossLinesAsFalsePositives() {
    NerEvaluation.Result r = ProductPathEvaluation.evaluate((title, text) -> {
      int israeli = text.indexOf("Israeli");
      int gaza = text.indexOf("Gaza");
      return List.of(
          new Entity("Israel", EntityType.LOCATION, "iso3166:IL", 1, 1, Map.of(), null, null,
              List.of(new Mention("text", israeli, israeli + 7, "Israeli", Mention.DEMONYM))),
          new Entity("Gaza", EntityType.LOCATION, "gaza", 1, 1, Map.of(), null, null,
              List.of(new Mention("text", gaza, gaza + 4, "Gaza"))),
          new Entity("Nadim Ladki Israeli", EntityType.PERSON, "x", 1, 1, Map.of(), null, null,
              List.of(new Mention("text", 0, israeli + 7, text.substring(0, israeli + 7)))));
    }, List.of(DOC));
    assertThat(r.perType().get("MISC")).isEqualTo(new NerEvaluation.Score(1, 0, 0));
    assertThat(r.perType().get("LOC")).isEqualTo(new NerEvaluation.Score(1, 0, 0));
    assertThat(r.perType().get("PER")).isEqualTo(new NerEvaluation.Score(0, 1, 1));
  }
}
