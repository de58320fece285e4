package org.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.MediaTopic;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.enrich.service.EnrichSettings;
import org.newsflow.enrich.cluster.ClusterParams;
import org.newsflow.enrich.cluster.SyntheticText;
import org.newsflow.enrich.tagging.ArticleEnricher;

class EnrichTopologyTest {

  private static final Topics TOPICS = new Topics("news");
  private final ArticleJson json = new ArticleJson();

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, byte[]> enriched;
  private TestOutputTopic<byte[], byte[]> dlq;

  /** Stand-in taggers: the topology's rules are under test here, not tagging quality. */
  private static ArticleEnricher enricher() {
    return new ArticleEnricher(
        (title, text) -> {
          if (text.contains("explode")) {
            throw new IllegalStateException("tagger failure on purpose");
          }
          return text.contains("Rafah")
              ? List.of(new Entity("Rafah", EntityType.LOCATION, "rafah", 1, 1.0, Map.of(), null, null, List.of()))
              : List.of();
        },
        (title, text) -> text.contains("match") ? List.of(new MediaTopic("medtop:15000000", "sport", 1, 0.9))
            : List.of(new MediaTopic("medtop:11000000", "politics", 1, 0.8),
                new MediaTopic("medtop:16000000", "conflict, war and peace", 1, 0.7)),
        text -> {
          if (text.contains("unreadable")) {
            throw new IllegalStateException("language detector failure on purpose");
          }
          return text.contains("Bonjour") ? "fr" : "en";
        },
        Clock.fixed(Instant.parse("2024-03-14T12:00:00Z"), ZoneOffset.UTC));
  }

  void startDriver(boolean routing) {
    Config config = Config.load(List.copyOf(concat(CommonSettings.all(), EnrichSettings.all())), null, Map.of(),
        Map.of("data.dir", stateDir.toString(), "enrich.route.by.topic", String.valueOf(routing)));
    Properties props = EnrichService.streamsProperties(config, TOPICS);
    driver = new TopologyTestDriver(EnrichTopology.build(TOPICS, enricher(), new EnrichOptions(routing), EnrichSettings.defaultClusterParams(), json), props);
    raw = driver.createInputTopic(TOPICS.articlesRaw().name(), new StringSerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic(TOPICS.articlesEnriched().name(), new StringDeserializer(), new ByteArrayDeserializer());
    dlq = driver.createOutputTopic(TOPICS.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @BeforeEach
  void setUp() {
    startDriver(false);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private static List<org.newsflow.common.config.Setting<?>> concat(List<org.newsflow.common.config.Setting<?>> a,
                                                                    List<org.newsflow.common.config.Setting<?>> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private Article article(String url, String text, String updated) {
    return Article.builder()
        .id(ArticleIds.fromCanonicalUrl(url)).url(url).title("T").text(text)
        .published(Instant.parse("2024-03-14T09:30:00Z")).updated(Instant.parse(updated))
        .contentHash(ArticleIds.hash("T\n" + text)).build();
  }

  private void send(Article a) {
    raw.pipeInput(a.id(), json.toBytes(a));
  }

  private List<Article> output() {
    return enriched.readValuesToList().stream().map(b -> b == null ? null : json.fromBytes(b)).toList();
  }

  @Test
  void shouldTagArticlesWithLanguageEntitiesAndTopics() {
    send(article("https://a.org/1", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    Article out = output().getFirst();
    assertThat(out.language()).isEqualTo("en");
    assertThat(out.entities()).extracting(Entity::name).containsExactly("Rafah");
    assertThat(out.topics()).extracting(MediaTopic::id).contains("medtop:11000000", "medtop:16000000");
    assertThat(out.enriched()).isEqualTo(Instant.parse("2024-03-14T12:00:00Z"));
  }

  @Test
  void shouldPublishTheSameArticleFromSeveralFeedsOnlyOnce() {
    Article a = article("https://a.org/1", "Strikes in Rafah", "2024-03-14T09:30:00Z");
    send(a);
    send(a.toBuilder().feedId("other-feed").build());
    send(a);
    assertThat(output()).hasSize(1);
  }

  @Test
  void shouldPublishANewerRevisionAndDropAnOlderOne() {
    send(article("https://a.org/1", "first version", "2024-03-14T09:30:00Z"));
    send(article("https://a.org/1", "second version", "2024-03-14T10:30:00Z"));
    send(article("https://a.org/1", "stale version", "2024-03-14T08:00:00Z"));
    assertThat(output()).extracting(Article::text).containsExactly("first version", "second version");
  }

  @Test
  void shouldPublishAnUnchangedArticleAgainOnceItsRevisionIsOlderThanTheRevisionWindow() {
    Instant now = Instant.now();
    Article a = article("https://a.org/8", "Strikes in Rafah", "2024-03-14T09:30:00Z");
    Article b = article("https://a.org/9", "Strikes in Rafah", "2024-03-14T09:30:00Z");
    raw.pipeInput(a.id(), json.toBytes(a), now.minus(java.time.Duration.ofDays(60)));
    raw.pipeInput(a.id(), json.toBytes(a), now.minus(java.time.Duration.ofDays(59)));
    raw.pipeInput(b.id(), json.toBytes(b), now.minus(java.time.Duration.ofDays(1)));
    raw.pipeInput(a.id(), json.toBytes(a), now);
    assertThat(output()).extracting(Article::url)
        .containsExactly("https://a.org/8", "https://a.org/9", "https://a.org/8");
  }

  @Test
  void shouldForgetAWithdrawnArticleSoItsReturnIsPublished() {
    Article a = article("https://a.org/10", "Strikes in Rafah", "2024-03-14T09:30:00Z");
    send(a);
    raw.pipeInput(a.id(), null);
    send(a);
    List<Article> out = output();
    assertThat(out).hasSize(3);
    assertThat(out.get(1)).isNull();
    assertThat(out.get(2).url()).isEqualTo("https://a.org/10");
  }

  @Test
  void shouldGiveNonEnglishArticlesTheirLanguageAndNoEnglishTags() {
    send(article("https://a.org/fr", "Bonjour Rafah", "2024-03-14T09:30:00Z"));
    Article out = output().getFirst();
    assertThat(out.language()).isEqualTo("fr");
    assertThat(out.entities()).isEmpty();
    assertThat(out.topics()).isEmpty();
  }

  @Test
  void shouldSkipUndeserialisableRecordsAndKeepGoing() {
    // the dead-letter record for this case is asserted on the real broker in EnrichServiceIT: the test driver
    // does not run Streams' deserialisation dead-letter path
    raw.pipeInput("bad-key", "this is not json".getBytes(StandardCharsets.UTF_8));
    send(article("https://a.org/2", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    assertThat(output()).extracting(Article::url).containsExactly("https://a.org/2");
  }

  @Test
  void shouldSendRecordsWhoseTaggingFailsToTheDeadLetterTopicAndKeepGoing() {
    send(article("https://a.org/boom", "this will explode", "2024-03-14T09:30:00Z"));
    send(article("https://a.org/3", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    assertThat(output()).extracting(Article::url).containsExactly("https://a.org/3");
    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(json.fromBytes(dead.value()).url()).isEqualTo("https://a.org/boom");
    assertThat(headerNames(dead)).anyMatch(h -> h.contains("exception")).anyMatch(h -> h.contains("topic"))
        .anyMatch(h -> h.contains("offset"));
  }

  @Test
  void shouldSendRecordsWhoseLanguageDetectionFailsToTheDeadLetterTopic() {
    send(article("https://a.org/lang", "an unreadable text", "2024-03-14T09:30:00Z"));
    send(article("https://a.org/6", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    assertThat(output()).extracting(Article::url).containsExactly("https://a.org/6");
    assertThat(json.fromBytes(dlq.readRecord().value()).url()).isEqualTo("https://a.org/lang");
    assertThat(driver.metrics().entrySet()).anySatisfy(e -> {
      assertThat(e.getKey().name()).isEqualTo("tag-failure-total");
      assertThat(((Number) e.getValue().metricValue()).doubleValue()).isEqualTo(1.0);
    });
  }

  @Test
  void shouldRouteArticlesToOneTopicPerSubjectWhenEnabled() {
    driver.close();
    startDriver(true);
    send(article("https://a.org/4", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    send(article("https://a.org/5", "the match ended 2-1", "2024-03-14T09:30:00Z"));
    var politics = driver.createOutputTopic("news.topic.politics", new StringDeserializer(), new ByteArrayDeserializer());
    var conflict = driver.createOutputTopic("news.topic.conflict-war-and-peace", new StringDeserializer(), new ByteArrayDeserializer());
    var sport = driver.createOutputTopic("news.topic.sport", new StringDeserializer(), new ByteArrayDeserializer());
    assertThat(politics.readKeyValuesToList()).hasSize(1);
    assertThat(conflict.readKeyValuesToList()).hasSize(1);
    assertThat(sport.readKeyValuesToList()).hasSize(1);
  }

  private Article story(String url, String feed, List<String> words) {
    String text = SyntheticText.text(words);
    return article(url, text, "2024-03-14T09:30:00Z").toBuilder().feedTitle(feed).title("Talks resume").build();
  }

  @Test
  void shouldGiveNearCopiesFromDifferentOutletsOneStoryAndMarkTheCopy() {
    SyntheticText gen = new SyntheticText(11);
    List<String> wire = gen.words(500);
    send(story("https://wire.example/1", "Wire", wire));
    send(story("https://outlet.example/a", "Outlet", gen.replaceTail(wire, 0.15)));
    send(story("https://other.example/z", "Other", gen.words(500)));
    List<Article> out = output();
    assertThat(out).hasSize(3);
    String wireId = out.get(0).id();
    assertThat(out.get(0).storyId()).isEqualTo(wireId);
    assertThat(out.get(0).duplicateOf()).isNull();
    assertThat(out.get(1).storyId()).isEqualTo(wireId);
    assertThat(out.get(1).duplicateOf()).isEqualTo(wireId);
    assertThat(out.get(2).storyId()).isEqualTo(out.get(2).id());
    assertThat(out.get(2).duplicateOf()).isNull();
  }

  @Test
  void shouldPutTheSameEventWithMuchOverlapInOneStoryWithoutCallingItACopy() {
    SyntheticText gen = new SyntheticText(12);
    List<String> wire = gen.words(500);
    send(story("https://wire.example/2", "Wire", wire));
    send(story("https://outlet.example/b", "Outlet", gen.replaceTail(wire, 0.45)));
    List<Article> out = output();
    assertThat(out.get(1).storyId()).isEqualTo(out.get(0).id());
    assertThat(out.get(1).duplicateOf()).isNull();
  }

  @Test
  void shouldPublishEachStoryWithItsMembersKeyedByStoryId() {
    SyntheticText gen = new SyntheticText(13);
    List<String> wire = gen.words(500);
    Article first = story("https://wire.example/3", "Wire", wire);
    send(first);
    send(story("https://outlet.example/c", "Outlet", gen.replaceTail(wire, 0.1)));
    var stories = driver.createOutputTopic(TOPICS.stories().name(), new StringDeserializer(),
        new StorySerde(json.mapper()).deserializer());
    var updates = stories.readKeyValuesToList();
    assertThat(updates).extracting(kv -> kv.key).containsExactly(first.id(), first.id());
    Story latest = updates.getLast().value;
    assertThat(latest.size()).isEqualTo(2);
    assertThat(latest.articles()).extracting(Story.Member::url)
        .containsExactly("https://wire.example/3", "https://outlet.example/c");
    assertThat(latest.articles().get(1).duplicateOf()).isEqualTo(first.id());
  }

  @Test
  void shouldKeepARevisedArticleInItsStoryAsOneMember() {
    SyntheticText gen = new SyntheticText(14);
    List<String> wire = gen.words(500);
    send(story("https://wire.example/4", "Wire", wire));
    Article copy = story("https://outlet.example/d", "Outlet", gen.replaceTail(wire, 0.1));
    send(copy);
    String revisedText = SyntheticText.text(gen.replaceTail(wire, 0.2));
    send(copy.toBuilder().text(revisedText).updated(Instant.parse("2024-03-14T11:00:00Z"))
        .contentHash(ArticleIds.hash("T\n" + revisedText)).build());
    List<Article> out = output();
    assertThat(out).hasSize(3);
    assertThat(out.get(2).storyId()).isEqualTo(out.get(0).id());
    var stories = driver.createOutputTopic(TOPICS.stories().name(), new StringDeserializer(),
        new StorySerde(json.mapper()).deserializer());
    assertThat(stories.readValuesToList().getLast().size()).isEqualTo(2);
  }

  @Test
  void shouldRecordTaggingTimeAsAStreamsMetric() {
    send(article("https://a.org/6", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    send(article("https://a.org/7", "Strikes in Rafah", "2024-03-14T09:30:00Z"));
    Map<String, Object> values = new java.util.HashMap<>();
    driver.metrics().forEach((name, metric) -> {
      if (name.group().equals("stream-" + RevisionProcessor.METRICS_SCOPE + "-metrics")) {
        values.put(name.name(), metric.metricValue());
      }
    });
    assertThat(values).containsKeys("tag-latency-avg", "tag-latency-max", "tag-rate");
    assertThat((Double) values.get("tag-total")).isEqualTo(2.0);
  }

  private static List<String> headerNames(TestRecord<byte[], byte[]> r) {
    return java.util.Arrays.stream(r.headers().toArray()).map(Header::key).toList();
  }
}
