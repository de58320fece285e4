package org.newsflow.common.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/article.schema.json is what consumers validate against: it must name every field the code writes. */
class ArticleSchemaTest {

  private static final JsonNode SCHEMA = read();

  private static JsonNode read() {
    try {
      return ArticleJson.newMapper().readTree(Path.of("..", "docs", "article.schema.json").toFile());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
  }

  private static List<String> names(JsonNode properties) {
    List<String> out = new ArrayList<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void shouldDocumentEveryArticleField() {
    assertThat(names(SCHEMA.path("properties"))).containsExactlyInAnyOrderElementsOf(components(Article.class));
  }

  @Test
  void shouldDocumentEveryEntityMentionAndTopicField() {
    JsonNode entity = SCHEMA.path("properties").path("entities").path("items").path("properties");
    assertThat(names(entity)).containsExactlyInAnyOrderElementsOf(components(Entity.class));
    assertThat(names(entity.path("mentions").path("items").path("properties")))
        .containsExactlyInAnyOrderElementsOf(components(Mention.class));
    assertThat(names(SCHEMA.path("properties").path("topics").path("items").path("properties")))
        .containsExactlyInAnyOrderElementsOf(components(MediaTopic.class));
  }

  @Test
  void shouldDeclareTheSchemaVersionTheCodeWrites() {
    assertThat(SCHEMA.path("properties").path("schemaVersion").path("const").asInt()).isEqualTo(Article.SCHEMA_VERSION);
  }
}
