package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;

class ExampleBuilderTest {

  private static final String POLITICS = "medtop:11000000";
  private static final String CONFLICT = "medtop:16000000";
  private static final String SPORT = "medtop:15000000";

  private static final IptcVocabulary VOCABULARY = new IptcVocabulary(List.of(
      new IptcConcept(POLITICS, "politics", "Government and elections.", 1, null, POLITICS, null),
      new IptcConcept(CONFLICT, "conflict, war and peace", "Armed conflict between states.", 1, null, CONFLICT,
          null),
      new IptcConcept("medtop:20000056", "armed conflict", "Fighting between armed forces.", 2, CONFLICT, CONFLICT,
          "medtop:20000056"),
      new IptcConcept(SPORT, "sport", "Competitive games and athletics.", 1, null, SPORT, null)));

  private final ExampleBuilder builder = new ExampleBuilder(VOCABULARY, new TextFeaturizer(12, 10),
      TrainingOptions.defaults());

  private int index(String id) {
    return builder.level1Ids().indexOf(id);
  }

  @Test
  void shouldTreatOnlyFirmlyLabelledTopicsAsCoveredByACorpus() {
    List<LabelledText> texts = List.of(
        new LabelledText("outlet", "POLITICS", "Vote on budget", "Parliament voted.", List.of(POLITICS), false),
        new LabelledText("outlet", "WORLD", "Talks resume", "Envoys met.", List.of(POLITICS, CONFLICT), true));

    assertThat(builder.coverage(texts).get("outlet")).containsExactlyInAnyOrder(index(POLITICS), index(CONFLICT));
    assertThat(builder.firmCoverage(texts).get("outlet")).containsExactly(index(POLITICS));
  }

  @Test
  void shouldNotTeachAWarStoryFromASportsSectionThatItIsNotAboutConflict() {
    LabelledText war = new LabelledText("outlet", "SPORTS", "League suspended",
        "The league was suspended after troops began shelling the city and the war spread.", List.of(SPORT),
        false);
    LabelledText match = new LabelledText("outlet", "SPORTS", "United win", "United won the cup final.",
        List.of(SPORT), false);
    var covered = java.util.Set.of(index(SPORT), index(CONFLICT));

    assertThat(builder.targets(war, covered)[index(CONFLICT)]).as("some evidence: don't know").isEqualTo((byte) -1);
    assertThat(builder.targets(match, covered)[index(CONFLICT)]).as("no evidence: no").isEqualTo((byte) 0);
    assertThat(builder.targets(war, covered)[index(SPORT)]).isEqualTo((byte) 1);
  }

  @Test
  void shouldWriteShortFeedItemsAboutEveryTopicOnRealLeads() {
    List<LabelledText> texts = List.of(
        new LabelledText("outlet", "POLITICS", "Vote on budget", "Parliament voted on the budget. It passed.",
            List.of(POLITICS), false),
        new LabelledText("outlet", "SPORTS", "United win", "United won the cup final on Sunday.", List.of(SPORT),
            false));

    List<Example> items = builder.shortSynthetic(texts, 5, new Random(1));

    assertThat(items).hasSize(5 * builder.level1Ids().size());
    for (int k = 0; k < builder.level1Ids().size(); k++) {
      for (Example e : items.subList(5 * k, 5 * k + 5)) {
        assertThat(e.targets()[k]).isEqualTo((byte) 1);
        assertThat(e.parent()).as("feed items teach level 1 only").isEqualTo(-1);
        assertThat(e.features().level1Index()).isNotEmpty();
      }
    }
    assertThat(builder.shortSynthetic(texts, 0, new Random(1))).isEmpty();
  }

  @Test
  void shouldTeachAnAnyOfTextYesForTheOneOfItsTopicsItsWordsPointTo() {
    LabelledText war = new LabelledText("outlet", "WORLD", "Shelling resumes",
        "Troops resumed shelling the city as the war spread.", List.of(POLITICS, CONFLICT), true);
    LabelledText vague = new LabelledText("outlet", "WORLD", "Talks resume", "Envoys met on Monday.",
        List.of(POLITICS, CONFLICT), true);
    var covered = java.util.Set.of(index(POLITICS));

    assertThat(builder.targets(war, covered)[index(CONFLICT)]).isEqualTo((byte) 1);
    assertThat(builder.targets(war, covered)[index(POLITICS)]).as("still any of: don't know").isEqualTo((byte) -1);
    assertThat(builder.targets(vague, covered)[index(CONFLICT)]).as("no words point anywhere").isEqualTo((byte) -1);
    assertThat(builder.targets(vague, covered)[index(POLITICS)]).isEqualTo((byte) -1);
  }

  @Test
  void shouldTakeFewerLexiconEntriesAsEvidenceInAFeedItemThanInAnArticle() {
    String sentence = "Troops resumed shelling the city as the war spread. ";
    LabelledText item = new LabelledText("outlet", "SPORTS", "Match called off", sentence, List.of(SPORT), false);
    LabelledText article = new LabelledText("outlet", "SPORTS", "Match called off",
        sentence + "The club said the game would be played later. ".repeat(10), List.of(SPORT), false);
    LabelledText oneWord = new LabelledText("outlet", "SPORTS", "Match called off",
        "The game was called off because of the war.", List.of(SPORT), false);
    var covered = java.util.Set.of(index(SPORT));
    var coveredBoth = java.util.Set.of(index(SPORT), index(CONFLICT));

    assertThat(builder.targets(item, covered)[index(CONFLICT)]).as("3 entries in a feed item: yes").isEqualTo((byte) 1);
    assertThat(builder.targets(article, covered)[index(CONFLICT)]).as("3 in an article: don't know")
        .isEqualTo((byte) -1);
    assertThat(builder.targets(oneWord, coveredBoth)[index(CONFLICT)]).as("1 in a feed item: don't know")
        .isEqualTo((byte) -1);
    assertThat(builder.targets(oneWord, covered)[index(CONFLICT)]).isEqualTo((byte) -1);
  }
}
