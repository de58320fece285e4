package org.newsflow.enrich.tagging.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.MediaTopic;

class LinearTopicTaggerTest {

  private static final LinearTopicTagger TAGGER = LinearTopicTagger.loadDefault();

  private static List<String> ids(List<MediaTopic> topics) {
    return topics.stream().map(MediaTopic::id).toList();
  }

  @Test
  void shouldTagTheSeedArticleAsPoliticsAndConflictOnly() throws IOException {
    Path seed = Path.of("../../shared/seed/rafah-2024-03-14.rss.xml");
    Assumptions.assumeTrue(Files.isReadable(seed), "seed article not present beside the project");
    String rss = Files.readString(seed, StandardCharsets.UTF_8);
    Matcher title = Pattern.compile("<item>\\s*<title>(.*?)</title>", Pattern.DOTALL).matcher(rss);
    Matcher content = Pattern.compile("<content:encoded><!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL).matcher(rss);
    assertThat(title.find()).isTrue();
    assertThat(content.find()).isTrue();
    String text = content.group(1).replaceAll("<[^>]+>", " ");

    List<MediaTopic> topics = TAGGER.tag(title.group(1), text);

    assertThat(ids(topics)).contains("medtop:11000000", "medtop:16000000")
        .doesNotContain("medtop:15000000", "medtop:17000000", "medtop:01000000");
    assertThat(topics).filteredOn(t -> t.id().equals("medtop:16000000"))
        .singleElement().satisfies(t -> assertThat(t.label()).isEqualTo("conflict, war and peace"));
  }

  @Test
  void shouldTagAFootballMatchReportAsSport() {
    List<MediaTopic> topics = TAGGER.tag("United snatch late winner against City",
        "A stoppage-time header from the substitute striker gave United a 2-1 win at the stadium on Sunday. "
            + "The home side had taken the lead through a penalty before City equalised early in the second half. "
            + "The manager praised his players and the fans after the league victory, which lifts the club to third "
            + "in the table ahead of next week's cup tie.");
    assertThat(ids(topics)).first().isEqualTo("medtop:15000000");
    assertThat(ids(topics)).doesNotContain("medtop:16000000");
  }

  @Test
  void shouldTagAnEarthquakeAsDisaster() {
    List<MediaTopic> topics = TAGGER.tag("Powerful earthquake kills dozens in mountain region",
        "A magnitude 6.8 earthquake struck the mountain region before dawn, collapsing homes and killing at least "
            + "forty people, officials said. Rescuers searched the rubble for survivors through the night as "
            + "aftershocks shook the area. Thousands were evacuated and aid agencies sent tents and medical teams.");
    assertThat(ids(topics)).first().isEqualTo("medtop:03000000");
  }

  @Test
  void shouldTagAStormForecastAsWeather() {
    List<MediaTopic> topics = TAGGER.tag("Snow and gales forecast for the weekend",
        "Forecasters have issued a weather warning as temperatures are expected to drop below freezing, with "
            + "heavy snow on high ground and wind gusts of up to 70mph along the coast. Showers will turn wintry "
            + "overnight, and frost and fog are likely on Sunday morning.");
    assertThat(ids(topics)).first().isEqualTo("medtop:17000000");
  }

  @Test
  void shouldTagAMurderTrialAsCrime() {
    List<MediaTopic> topics = TAGGER.tag("Man found guilty of murder after stabbing",
        "A jury at the crown court found the 34-year-old guilty of murder after a three-week trial. Police arrested "
            + "him a day after the stabbing. The judge said he would be sentenced next month, and detectives thanked "
            + "witnesses who came forward.");
    assertThat(ids(topics)).first().isEqualTo("medtop:02000000");
  }

  @Test
  void shouldTagAVaccineStudyAsHealth() {
    List<MediaTopic> topics = TAGGER.tag("New vaccine cuts hospital admissions for flu",
        "Patients who received the new vaccine were far less likely to need hospital treatment, doctors found. "
            + "The infection rate fell among older people, and health officials said the vaccination campaign would "
            + "be extended to nurses and care workers before the winter outbreak.");
    assertThat(ids(topics)).contains("medtop:07000000");
  }

  @Test
  void shouldTagATeachersStrikeAsLabour() {
    List<MediaTopic> topics = TAGGER.tag("Teachers walk out over pay",
        "Thousands of teachers joined a walkout on Tuesday after their union rejected the latest pay offer. "
            + "Schools closed across the region and pupils stayed at home. Union leaders said industrial action "
            + "would continue until wages kept pace with inflation.");
    assertThat(ids(topics)).first().isEqualTo("medtop:09000000");
  }

  @Test
  void shouldTagExamResultsAsEducation() {
    List<MediaTopic> topics = TAGGER.tag("Exam results: more pupils reach top grades",
        "Secondary school pupils received their exam results on Thursday, with more students achieving top grades "
            + "than last summer. Headteachers said the curriculum changes had helped, while universities expect "
            + "record applications for degree courses this autumn.");
    assertThat(ids(topics)).first().isEqualTo("medtop:05000000");
  }

  @Test
  void shouldTagFeedItemsOfTwoLinesOnTopicsNoCorpusLabels() {
    // a headline and one sentence, as summary-only feeds deliver them: a few words must carry the topic
    assertThat(ids(TAGGER.tag("Rebels seize border town after days of fighting",
        "Government soldiers withdrew overnight and thousands of civilians fled across the frontier.")))
        .first().isEqualTo("medtop:16000000");
    assertThat(ids(TAGGER.tag("Ukraine fights to hold off Russian advances in the east",
        "Ukrainian troops were pushed back from two villages as Russian forces pressed their offensive.")))
        .first().isEqualTo("medtop:16000000");
    assertThat(ids(TAGGER.tag("Ferry capsizes off coast, dozens missing",
        "Coastguard boats searched for survivors after the overloaded ferry overturned in rough seas.")))
        .first().isEqualTo("medtop:03000000");
    assertThat(ids(TAGGER.tag("Hospitals brace for winter flu surge",
        "Doctors warned that emergency wards are already full as infections rise among older patients.")))
        .first().isEqualTo("medtop:07000000");
  }

  @Test
  void shouldTagBothTopicsOfAnArticleThatSpansTwo() {
    List<MediaTopic> topics = TAGGER.tag("Pope appeals for ceasefire as shelling continues",
        "The Pope led prayers for peace at the Vatican on Sunday and called on both armies to agree a ceasefire, "
            + "as artillery shelling and missile strikes killed more civilians near the front line. Church leaders "
            + "asked the troops to let humanitarian convoys through.");
    assertThat(ids(topics)).contains("medtop:12000000", "medtop:16000000");
  }

  @Test
  void shouldReturnNothingForEmptyOrContentFreeText() {
    assertThat(TAGGER.tag("", "")).isEmpty();
    assertThat(TAGGER.tag(null, null)).isEmpty();
    assertThat(TAGGER.tag("the", "of and 12 34 !!")).isEmpty();
  }

  @Test
  void shouldAssignItsBestGuessWhenNoTopicIsLikely() {
    // says nothing about a subject: no topic is more likely than not, yet a feed item still needs its best guess
    List<MediaTopic> topics = TAGGER.tag("What happened next surprised everyone",
        "Nobody expected the long day to end the way it did, the people who were there said afterwards.");
    assertThat(topics).singleElement().satisfies(t -> {
      assertThat(t.level()).isEqualTo(1);
      assertThat(t.score()).isGreaterThan(0).isLessThan(0.5);
    });
  }

  @Test
  void shouldSkipTopicsForNonEnglishArticles() {
    String text = "Le gouvernement a annoncé de nouvelles mesures pour l'économie.";
    assertThat(TAGGER.tag("Économie", text, "fr")).isEmpty();
    assertThat(TAGGER.tag("Economy grows", "The economy grew faster than expected as exports and company profits "
        + "rose, the central bank said.", "en")).isNotEmpty();
  }

  @Test
  void shouldListLevel1TopicsBeforeLevel2AndScoreWithinZeroToOne() {
    List<MediaTopic> topics = TAGGER.tag("Election campaign enters final week",
        "The prime minister and the opposition leader toured marginal seats as polls showed voters split ahead of "
            + "the general election, with the parties clashing over taxes and the health service.");
    assertThat(topics).isNotEmpty().allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
    assertThat(topics.getFirst().level()).isEqualTo(1);
    boolean seenLevel2 = false;
    for (MediaTopic t : topics) {
      seenLevel2 |= t.level() == 2;
      assertThat(seenLevel2 && t.level() == 1).as("level 1 after level 2 in %s", topics).isFalse();
    }
  }

  @Test
  void shouldGiveTheSameTopicsFromManyThreads() throws Exception {
    String title = "Pope appeals for ceasefire as shelling continues";
    String text = "The Pope led prayers for peace and called on both armies to agree a ceasefire, as artillery "
        + "shelling killed more civilians near the front line.";
    List<MediaTopic> expected = TAGGER.tag(title, text);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            if (!TAGGER.tag(title, text).equals(expected)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
