package org.newsflow.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.sink.opensearch.IndexSetup;

class ArticleDocumentsTest {

  private final ArticleJson json = new ArticleJson();

  @Test
  void shouldAddGeoPointsOfLinkedPlacesAndVersionByRevisionTime() {
    Article a = Article.builder().id("a").title("t")
        .published(Instant.parse("2024-03-14T09:30:00Z")).updated(Instant.parse("2024-03-14T10:30:00Z"))
        .entities(List.of(
            new Entity("Israel", EntityType.LOCATION, "iso3166:IL", 1, 1, Map.of("iso3166", "IL"), 31.5, 34.8, List.of()),
            new Entity("Hamas", EntityType.ORGANIZATION, "hamas", 1, 1, Map.of(), null, null, List.of())))
        .build();
    ObjectNode doc = new ArticleDocuments(json.mapper()).toDocument(a);
    assertThat(doc.path("places")).hasSize(1);
    assertThat(doc.at("/places/0/lat").asDouble()).isEqualTo(31.5);
    assertThat(ArticleDocuments.version(a)).isEqualTo(Instant.parse("2024-03-14T10:30:00Z").toEpochMilli());
  }

  @Test
  void shouldSendTheArticleBytesUnchangedWhenNoPlaceHasCoordinates() {
    Article a = Article.builder().id("b").title("t").published(Instant.parse("2024-03-14T09:30:00Z")).build();
    byte[] bytes = json.toBytes(a);
    ArticleDocuments.Document d = new ArticleDocuments(json.mapper()).fromJson(bytes);
    assertThat(d.source()).isSameAs(bytes);
    assertThat(d.id()).isEqualTo("b");
    assertThat(d.version()).isEqualTo(Instant.parse("2024-03-14T09:30:00Z").toEpochMilli());
  }

  @Test
  void shouldAddPlacesFromTheJsonAndVersionByUpdated() throws Exception {
    Article a = Article.builder().id("c").title("t")
        .published(Instant.parse("2024-03-14T09:30:00Z")).updated(Instant.parse("2024-03-15T09:30:00Z"))
        .entities(List.of(new Entity("Egypt", EntityType.LOCATION, "iso3166:EG", 1, 1, Map.of(), 26.8, 30.8, List.of())))
        .build();
    ArticleDocuments.Document d = new ArticleDocuments(json.mapper()).fromJson(json.toBytes(a));
    assertThat(json.mapper().readTree(d.source()).at("/places/0/lon").asDouble()).isEqualTo(30.8);
    assertThat(d.version()).isEqualTo(Instant.parse("2024-03-15T09:30:00Z").toEpochMilli());
  }

  @Test
  void shouldSpliceTheSamePlacesIntoTheBytesAsTheDocumentBuiltFromTheArticle() throws Exception {
    Article a = Article.builder().id("d").title("Talks in \"Cairo\" and Doha").text("Text with } and { inside.")
        .published(Instant.parse("2024-03-14T09:30:00Z"))
        .entities(List.of(
            new Entity("Egypt", EntityType.LOCATION, "iso3166:EG", 1, 1, Map.of("iso3166", "EG"), 26.8, 30.8, List.of()),
            new Entity("Hamas", EntityType.ORGANIZATION, "hamas", 1, 1, Map.of(), null, null, List.of()),
            new Entity("Qatar", EntityType.LOCATION, "iso3166:QA", 2, 1, Map.of(), 25.3, 51.2, List.of())))
        .build();
    ArticleDocuments docs = new ArticleDocuments(json.mapper());
    byte[] withTrailingSpace = (new String(json.toBytes(a), java.nio.charset.StandardCharsets.UTF_8) + " \n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte[] bytes : List.of(json.toBytes(a), withTrailingSpace)) {
      ArticleDocuments.Document d = docs.fromJson(bytes);
      assertThat(json.mapper().readTree(d.source())).isEqualTo(docs.toDocument(a));
      assertThat(d.version()).isEqualTo(ArticleDocuments.version(a));
    }
  }

  @Test
  void shouldRejectAnArticleThatAlreadyCarriesTheSinksOwnPlacesField() {
    String bytes = "{\"schemaVersion\":1,\"id\":\"x\",\"places\":[{\"lat\":1,\"lon\":2}]}";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ArticleDocuments(json.mapper())
            .fromJson(bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(org.newsflow.common.article.InvalidArticleException.class).hasMessageContaining("places");
  }

  @Test
  void shouldRejectWhatIsNoArticle() {
    ArticleDocuments docs = new ArticleDocuments(json.mapper());
    for (String bad : List.of("{broken", "[1,2]", "{\"schemaVersion\":1}", "{\"schemaVersion\":7,\"id\":\"x\"}",
        "{\"schemaVersion\":1,\"id\":\"x\"", "{\"schemaVersion\":1,\"id\":\"x\",\"entities\":[{\"lat\":1,",
        "{\"schemaVersion\":1,\"id\":\"x\",\"updated\":\"yesterday\"}")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> docs.fromJson(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(bad).isInstanceOf(org.newsflow.common.article.InvalidArticleException.class);
    }
  }

  @Test
  void shouldMapEveryFacetFieldInTheTemplate() {
    String template = IndexSetup.templateJson("news-articles", java.time.Duration.ofMillis(500));
    assertThat(template).contains("\"index_patterns\": [\"news-articles-*\"]").contains("\"places\": { \"type\": \"geo_point\" }")
        .contains("\"analyzer\": \"english\"").contains("\"storyId\"").contains("\"language\"").contains("\"feedId\"");
  }

  @Test
  void shouldCarryTheRefreshIntervalIntoTheTemplateInMilliseconds() {
    assertThat(IndexSetup.templateJson("news-articles", java.time.Duration.ofMillis(1500)))
        .contains("\"refresh_interval\": \"1500ms\"").doesNotContain("%REFRESH%");
  }
}
