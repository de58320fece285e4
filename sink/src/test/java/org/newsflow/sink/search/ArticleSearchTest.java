package org.newsflow.sink.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;

class ArticleSearchTest {

  private final ArticleSearch search = new ArticleSearch(null, "news-articles", new ArticleJson().mapper());

  @Test
  void shouldCombineTextWithEveryFilterAndAskForFacets() {
    JsonNode body = search.requestBody(new SearchQuery("rafah strikes", "Joe Biden", "medtop:11000000",
        Duration.ofDays(7), "seed", "story-1", 5));
    assertThat(body.path("size").asInt()).isEqualTo(5);
    assertThat(body.at("/query/bool/must/0/multi_match/query").asText()).isEqualTo("rafah strikes");
    String filters = body.at("/query/bool/filter").toString();
    assertThat(filters).contains("\"entities.name.folded\":\"Joe Biden\"").contains("\"entities.key\":\"joe biden\"")
        .contains("\"topics.id\":\"medtop:11000000\"").contains("\"gte\":\"now-604800s\"")
        .contains("\"feedId\":\"seed\"").contains("\"storyId\":\"story-1\"");
    assertThat(body.at("/aggs/entities/terms/field").asText()).isEqualTo("entities.name");
    assertThat(body.at("/aggs/topics/terms/field").asText()).isEqualTo("topics.label");
  }

  @Test
  void shouldFilterTopicsByLabelAndSortByDateWithoutText() {
    JsonNode body = search.requestBody(new SearchQuery(null, null, "politics", null, null, null, 10));
    assertThat(body.at("/query/bool/filter").toString()).contains("\"topics.label\":\"politics\"");
    assertThat(body.at("/query/bool/must").isMissingNode()).isTrue();
    assertThat(body.at("/sort/0/published").asText()).isEqualTo("desc");
  }
}
