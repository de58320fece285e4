package org.newsflow.common.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

  private final ArticleJson json = new ArticleJson();

  static Article sample() {
    return Article.builder()
        .id("abc123")
        .url("https://example.org/a")
        .title("Title")
        .text("Joe Biden spoke.")
        .published(Instant.parse("2024-03-14T09:30:00Z"))
        .entities(List.of(new Entity("Joe Biden", EntityType.PERSON, "joe biden", 1, 0.9, Map.of(), null, null,
            List.of(new Mention("text", 0, 9, "Joe Biden")))))
        .topics(List.of(new MediaTopic("medtop:11000000", "politics", 1, 0.93)))
        .build();
  }

  @Test
  void shouldRoundTripEveryField() {
    Article a = sample();
    Article back = json.fromBytes(json.toBytes(a));
    assertThat(back).isEqualTo(a);
  }

  @Test
  void shouldWriteDatesAsIsoStringsAndTypesInLowerCase() {
    String s = json.toJson(sample());
    assertThat(s).contains("\"published\":\"2024-03-14T09:30:00Z\"")
        .contains("\"type\":\"person\"")
        .contains("\"schemaVersion\":1");
  }

  @Test
  void shouldIgnoreFieldsAddedByNewerWriters() {
    Article a = json.fromJson("{\"schemaVersion\":1,\"id\":\"x\",\"someFutureField\":42}");
    assertThat(a.id()).isEqualTo("x");
    assertThat(a.entities()).isEmpty();
  }

  @Test
  void shouldRejectGarbageWithAClearMessage() {
    assertThatThrownBy(() -> json.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidArticleException.class).hasMessageStartingWith("not a valid article");
    assertThatThrownBy(() -> json.fromJson("{\"schemaVersion\":1}"))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> json.fromJson("{\"schemaVersion\":99,\"id\":\"x\"}"))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("schemaVersion 99");
  }

  @Test
  void shouldDeriveTheSameIdFromTheSameUrlAndDifferentIdsOtherwise() {
    assertThat(ArticleIds.fromCanonicalUrl("https://a.org/x")).isEqualTo(ArticleIds.fromCanonicalUrl("https://a.org/x"))
        .hasSize(32).isNotEqualTo(ArticleIds.fromCanonicalUrl("https://a.org/y"));
    assertThat(ArticleIds.fromFeedAndGuid("https://a.org/feed", "1"))
        .isNotEqualTo(ArticleIds.fromFeedAndGuid("https://b.org/feed", "1"));
  }
}
