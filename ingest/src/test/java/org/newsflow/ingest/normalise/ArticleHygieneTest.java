package org.newsflow.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.topics.Topics;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.registry.FeedDefinition;

/** Issue 14 items 8-10: dates, URLs and texts an article may not carry out of ingest. */
class ArticleHygieneTest {

  private static final String FEED_URL = "https://example.org/feed.xml";
  private static final Instant FETCHED = Instant.parse("2024-03-20T12:00:00Z");

  private static List<Article> normalize(String items) throws Exception {
    String doc = "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";
    return new ArticleNormalizer().normalize(FeedDefinition.of(FEED_URL), FEED_URL,
        new FeedParser().parse(doc.getBytes(StandardCharsets.UTF_8), null, FEED_URL), FETCHED);
  }

  @Test
  void shouldReplaceDatesMoreThanADayAheadWithTheFetchTime() throws Exception {
    List<Article> a = normalize(
        "<item><link>https://e.org/1</link><pubDate>Thu, 20 Mar 2025 09:30:00 GMT</pubDate></item>"
        + "<item><link>https://e.org/2</link><pubDate>Thu, 21 Mar 2024 09:30:00 GMT</pubDate></item>"
        + "<item><link>https://e.org/3</link><pubDate>Fri, 30 Feb 2024 09:30:00 GMT</pubDate></item>");
    assertThat(a.get(0).published()).isEqualTo(FETCHED);
    assertThat(a.get(0).updated()).isEqualTo(FETCHED);
    assertThat(a.get(0).flags()).containsExactly(Article.FLAG_DATE_FUTURE);
    assertThat(a.get(1).published()).as("within a day: clock skew").isEqualTo(Instant.parse("2024-03-21T09:30:00Z"));
    assertThat(a.get(1).flags()).doesNotContain(Article.FLAG_TRUNCATED);
    assertThat(a.get(2).published()).isEqualTo(FETCHED);
    assertThat(a.get(2).flags()).containsExactly(Article.FLAG_DATE_MISSING);
  }

  @Test
  void shouldCanonicaliseIdnAndCredentialsAndFlagOverlongUrls() throws Exception {
    List<Article> a = normalize("<item><title>a</title><link>https://user:pw@bücher.example/a/./b/../c</link></item>"
        + "<item><title>b</title><link>https://e.org/" + "x".repeat(100_000) + "</link></item>");
    assertThat(a.get(0).url()).isEqualTo("https://xn--bcher-kva.example/a/c");
    assertThat(a.get(1).url()).isNull();
    assertThat(a.get(1).flags()).contains(Article.FLAG_URL_TOO_LONG);
    assertThat(a.get(1).link()).hasSize(UrlCanonicalizer.MAX_LENGTH);
  }

  @Test
  void shouldRemoveControlCharactersAndLoneSurrogatesFromEveryText() throws Exception {
    List<Article> a = normalize("<item><title>A&#x1;B\uD800C</title><link>https://e.org/1</link>"
        + "<description>x&amp;#1;y\ty</description><author>Ann\u0007</author><category>c\u0008at</category></item>");
    Article art = a.getFirst();
    for (String s : List.of(art.title(), art.text(), art.summary(), art.contentHtml(), art.authors().getFirst(),
        art.categories().getFirst())) {
      assertThat(s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate((char) c)))
          .as(s).isTrue();
    }
    assertThat(art.title()).isEqualTo("AB?C"); // an XML document cannot carry a lone surrogate: UTF-8 made it '?'
    assertThat(art.categories()).containsExactly("cat");
    String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"url\":\"https://e.org/j\","
        + "\"title\":\"A\\u0000B\\ud800C\",\"content_text\":\"x\\udc00\\u001fy\"}]}";
    Article j = new ArticleNormalizer().normalize(FeedDefinition.of(FEED_URL), FEED_URL,
        new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), null, FEED_URL), FETCHED).getFirst();
    assertThat(j.title()).isEqualTo("ABC");
    assertThat(j.text()).isEqualTo("xy");
  }

  @Test
  void shouldCapATenMegabyteTextNodeToARecordTheTopicTakes() throws Exception {
    String huge = "word ".repeat(2_000_000);
    List<Article> a = normalize("<item><title>big</title><link>https://e.org/1</link><description>" + huge
        + "</description></item><item><title>next</title><link>https://e.org/2</link></item>");
    assertThat(a).hasSize(2);
    Article art = a.getFirst();
    assertThat(art.flags()).contains(Article.FLAG_TRUNCATED);
    assertThat(art.text()).hasSizeLessThanOrEqualTo(ArticleNormalizer.MAX_TEXT);
    int bytes = new ArticleJson().toJson(art).getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(Topics.MAX_ARTICLE_RECORD_BYTES / 2);
    assertThat(a.get(1).flags()).doesNotContain(Article.FLAG_TRUNCATED);
  }

  @Test
  void shouldCutHtmlOutsideTagsAndReferences() {
    assertThat(TextHygiene.capHtml("<p>ab</p><a href=\"x\">c</a>", 14)).isEqualTo("<p>ab</p>");
    assertThat(TextHygiene.capHtml("<p>a &amp; b</p>", 7)).isEqualTo("<p>a ");
    assertThat(TextHygiene.cap("a\uD83D\uDE00", 2)).isEqualTo("a");
  }
}
