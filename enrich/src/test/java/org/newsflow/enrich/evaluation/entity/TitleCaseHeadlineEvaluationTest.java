package org.newsflow.enrich.evaluation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;

/** The Title-Case headline scorer moves a body sentence into the title and scores the names found there. */
class TitleCaseHeadlineEvaluationTest {

  private static final List<ConllCorpus.Sentence> DOC = List.of(
      new ConllCorpus.Sentence(new String[] {"ISRAEL", "PULLS", "OUT"}, new String[] {"B-LOC", "O", "O"}),
      new ConllCorpus.Sentence(new String[] {"GAZA", "1996-08-22"}, new String[] {"B-LOC", "O"}),
      new ConllCorpus.Sentence(new String[] {"Israeli", "troops", "left", "the", "far-off", "town", "of", "Gaza",
          "on", "Monday", "."}, new String[] {"B-MISC", "O", "O", "O", "O", "O", "O", "B-LOC", "O", "O", "O"}),
      new ConllCorpus.Sentence(new String[] {"They", "went", "home", "."}, new String[] {"O", "O", "O", "O"}));

  @Test
  void shouldMoveTheFirstMixedCaseSentenceWithANameIntoATitleCaseTitle() {
    TitleCaseHeadlineEvaluation.Article a = TitleCaseHeadlineEvaluation.article(DOC, true);
    assertThat(a.title().text()).isEqualTo("Israeli Troops Left the Far-Off Town of Gaza on Monday .");
    assertThat(a.body()).isEqualTo("ISRAEL PULLS OUT\nGAZA 1996-08-22\nThey went home .");
    assertThat(a.title().gold()).hasSize(2);
    assertThat(TitleCaseHeadlineEvaluation.article(DOC, false).title().text()).startsWith("Israeli troops left");
  }

  @Test
  void shouldCapitaliseAShortFunctionWordOnlyWhenItOpensTheTitle() {
    assertThat(TitleCaseHeadlineEvaluation.titleCase("the", true)).isEqualTo("The");
    assertThat(TitleCaseHeadlineEvaluation.titleCase("the", false)).isEqualTo("the");
    assertThat(TitleCaseHeadlineEvaluation.titleCase("from", false)).isEqualTo("From");
    assertThat(TitleCaseHeadlineEvaluation.titleCase("McDonald", false)).isEqualTo("McDonald");
  }

  @Test
  void shouldScoreOnlyMentionsInTheTitle() {
    TitleCaseHeadlineEvaluation.Outcome o = TitleCaseHeadlineEvaluation.evaluate((title, text) -> {
      int gaza = title.indexOf("Gaza");
      int bodyGaza = text.indexOf("They");
      return List.of(new Entity("Gaza", EntityType.LOCATION, "gaza", 1, 1, Map.of(), null, null,
          List.of(new Mention("title", gaza, gaza + 4, "Gaza"), new Mention("text", bodyGaza, bodyGaza + 4, "They"))));
    }, List.of(DOC, List.of(DOC.get(0))), true);
    assertThat(o.documents()).isEqualTo(1);
    assertThat(o.result().perType().get("LOC")).isEqualTo(new NerEvaluation.Score(1, 0, 0));
    assertThat(o.result().perType().get("MISC")).isEqualTo(new NerEvaluation.Score(0, 0, 1));
  }
}
