package org.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private static final String URL = "https://news.example.org/2026/11/30/harbour?utm_source=rss";
  private final ArticleExtractor extractor = new ArticleExtractor();

  private static String paragraph(int i) {
    return "<p>Paragraph " + i + " of the report says the harbour authority, after a long night of talks, agreed to "
        + "reopen the northern quay, and that ferries will run again from Monday, weather permitting.</p>";
  }

  private static String page(String head, String articleAttrs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      body.append(paragraph(i));
    }
    return "<html lang=\"en-GB\"><head><title>Harbour | Example News</title>" + head + "</head><body>"
        + "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>"
        + "<div class=\"layout with-sidebar\"><article" + articleAttrs + "><h1>Harbour reopens</h1>"
        + "<div class=\"story-body\">" + body + "<script>track()</script></div>"
        + "<div class=\"share-tools\"><a href=\"/s\">Share on a social network of your choice today</a></div></article>"
        + "<aside class=\"sidebar\"><p>Most read: an unrelated story that is long enough to be a paragraph, "
        + "surely.</p></aside></div><div id=\"comments\"><p>First comment, which is not part of the article text "
        + "at all, however long it is.</p></div><footer>© Example News, all rights reserved worldwide</footer>"
        + "</body></html>";
  }

  @Test
  void shouldKeepTheArticleParagraphsAndDropNavigationSidebarCommentsAndScripts() {
    ExtractedPage page = extractor.extract(page("", ""), URL);
    assertThat(page.text()).startsWith("Paragraph 0 of the report").contains("Paragraph 5 of the report")
        .doesNotContain("Most read").doesNotContain("First comment").doesNotContain("Home")
        .doesNotContain("Share on").doesNotContain("track()").doesNotContain("rights reserved");
    assertThat(page.text().split("\n\n")).hasSize(6);
    assertThat(page.html()).contains("<p>Paragraph 0").doesNotContain("<script").doesNotContain("<nav");
    assertThat(page.title()).isEqualTo("Harbour reopens");
    assertThat(page.language()).isEqualTo("en");
    assertThat(page.url()).isEqualTo(URL);
    assertThat(page.paywalled()).isFalse();
  }

  @Test
  void shouldReadJsonLdBeforeMetaTags() {
    String head = "<link rel=\"canonical\" href=\"/2026/11/30/harbour\">"
        + "<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:image\" content=\"/img/og.jpg\">"
        + "<meta property=\"article:published_time\" content=\"2026-11-29T10:00:00Z\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\"},"
        + "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour to reopen on Monday\",\"datePublished\":"
        + "\"2026-11-30T08:15:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Reporter\"},"
        + "{\"@type\":\"Person\",\"name\":\"Bo Writer\"}],\"image\":{\"@type\":\"ImageObject\",\"url\":"
        + "\"https://cdn.example.org/harbour.jpg\"},\"inLanguage\":\"de-CH\",\"isAccessibleForFree\":\"False\"}]}</script>";
    ExtractedPage page = extractor.extract(page(head, "").getBytes(StandardCharsets.UTF_8), "text/html", URL);
    assertThat(page.title()).isEqualTo("Harbour to reopen on Monday");
    assertThat(page.published()).isEqualTo(Instant.parse("2026-11-30T07:15:00Z"));
    assertThat(page.authors()).containsExactly("Ada Reporter", "Bo Writer");
    assertThat(page.image()).isEqualTo("https://cdn.example.org/harbour.jpg");
    assertThat(page.language()).isEqualTo("de");
    assertThat(page.url()).isEqualTo("https://news.example.org/2026/11/30/harbour");
    assertThat(page.paywalled()).isTrue();
  }

  @Test
  void shouldFallBackToMetaTagsAndTimeElements() {
    String head = "<meta property=\"og:title\" content=\"OG title\"><meta name=\"author\" content=\"Cy Editor\">"
        + "<meta property=\"og:image\" content=\"/img/og.jpg\"><meta property=\"og:url\" content=\"" + URL + "#x\">";
    String html = page(head, "").replace("<h1>", "<time datetime=\"2026-11-28T06:00:00Z\" pubdate>28 Nov</time><h1>");
    ExtractedPage page = extractor.extract(html, URL);
    assertThat(page.title()).isEqualTo("OG title");
    assertThat(page.authors()).containsExactly("Cy Editor");
    assertThat(page.image()).isEqualTo("https://news.example.org/img/og.jpg");
    assertThat(page.published()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
  }

  @Test
  void shouldFlagPagesWhosePartsAreNotFreeOrWhoseTierIsLocked() {
    String hasPart = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"hasPart\":{\"@type\":"
        + "\"WebPageElement\",\"isAccessibleForFree\":false,\"cssSelector\":\".paid\"}}</script>";
    assertThat(extractor.extract(page(hasPart, ""), URL).paywalled()).isTrue();
    assertThat(extractor.extract(page("<meta property=\"article:content_tier\" content=\"locked\">", ""), URL)
        .paywalled()).isTrue();
    assertThat(extractor.extract(page("<meta property=\"article:content_tier\" content=\"free\">", ""), URL)
        .paywalled()).isFalse();
  }

  @Test
  void shouldTakeTheWholeArticleWhenItIsSplitIntoSeveralColumns() {
    StringBuilder html = new StringBuilder("<html><body><div class=\"teasers\">");
    for (int i = 0; i < 3; i++) {
      html.append("<div><a href=\"/t").append(i).append("\">A teaser headline that links elsewhere, number ")
          .append(i).append("</a></div>");
    }
    html.append("</div><section>");
    for (int c = 0; c < 3; c++) {
      html.append("<div class=\"column\"><div>").append(paragraph(c * 2)).append(paragraph(c * 2 + 1))
          .append("</div></div><div class=\"ad-slot\">Advertisement</div>");
    }
    html.append("</section></body></html>");
    ExtractedPage page = extractor.extract(html.toString(), URL);
    assertThat(page.text()).contains("Paragraph 0 of").contains("Paragraph 5 of").doesNotContain("teaser")
        .doesNotContain("Advertisement");
  }

  @Test
  void shouldUseTheStructuredBodyWhenTheMarkupHoldsLittleOfIt() {
    String body = ("The council voted on Tuesday to keep the library open, after months of protests by readers "
        + "and staff who said the building served the whole valley. ").repeat(4);
    String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
        + body + "\"}</script></head><body><div id=\"app\"><p>Loading the story, please wait a moment...</p>"
        + "</div></body></html>";
    ExtractedPage page = extractor.extract(html, URL);
    assertThat(page.text()).startsWith("The council voted on Tuesday").doesNotContain("Loading");
    assertThat(page.html()).startsWith("<p>The council voted");
  }

  @Test
  void shouldReturnEmptyTextForAPageWithoutProse() {
    ExtractedPage page = extractor.extract("<html><body><ul><li><a href=\"/a\">A</a></li></ul></body></html>", URL);
    assertThat(page.text()).isEmpty();
    assertThat(page.wordCount()).isZero();
  }

  @Test
  void shouldScoreShinglesAgainstTheReference() {
    ShingleScore same = ShingleScore.of("one two three four five", "one two three four five");
    assertThat(same.f1()).isEqualTo(1.0);
    ShingleScore half = ShingleScore.of("one two three four five", "one two three four");
    assertThat(half.precision()).isEqualTo(0.5);
    assertThat(half.recall()).isEqualTo(1.0);
    assertThat(ShingleScore.of("", "a b c d").f1()).isZero();
    assertThat(ShingleScore.of("", "").f1()).isEqualTo(1.0);
  }
}
