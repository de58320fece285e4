package org.newsflow.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Article;

/** A failing tagger is reported with its stage and the article, never hidden as "no tags". */
class ArticleEnricherTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-14T12:00:00Z"), ZoneOffset.UTC);
  private static final Article ARTICLE = Article.builder().id("a-17").title("Talks").text("Talks in Rafah").build();

  @Test
  void shouldReportAnEntityTaggerFailureWithTheArticleId() {
    ArticleEnricher enricher = new ArticleEnricher((t, x) -> {
      throw new IllegalStateException("bug");
    }, (t, x) -> List.of(), text -> "en", CLOCK);
    TaggingException e = catchThrowableOfType(TaggingException.class, () -> enricher.enrich(ARTICLE));
    assertThat(e.stage()).isEqualTo("entities");
    assertThat(e.articleId()).isEqualTo("a-17");
    assertThat(e).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("a-17");
  }

  @Test
  void shouldReportALanguageDetectorFailureAndAStackOverflow() {
    ArticleEnricher enricher = new ArticleEnricher((t, x) -> List.of(), (t, x) -> List.of(), text -> {
      throw new StackOverflowError();
    }, CLOCK);
    TaggingException e = catchThrowableOfType(TaggingException.class, () -> enricher.enrich(ARTICLE));
    assertThat(e.stage()).isEqualTo("language");
    assertThat(e).hasCauseInstanceOf(StackOverflowError.class);
  }
}
