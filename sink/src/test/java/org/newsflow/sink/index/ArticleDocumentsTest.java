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
  void shouldMapEveryFacetFieldInTheTemplate() {
    String template = IndexSetup.templateJson("news-articles");
    assertThat(template).contains("\"index_patterns\": [\"news-articles-*\"]").contains("\"places\": { \"type\": \"geo_point\" }")
        .contains("\"analyzer\": \"english\"").contains("\"storyId\"").contains("\"language\"").contains("\"feedId\"");
  }
}
