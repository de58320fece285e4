package org.newsflow.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Article;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.registry.FeedDefinition;

class ArticleNormalizerTest {

  private static final String FEED_URL = "https://example.org/feeds/atom.xml";

  private List<Article> normalize(String doc) throws Exception {
    FeedDefinition def = FeedDefinition.of(FEED_URL);
    // parsed without the document URL, as the poller does: relative bases are resolved by the normaliser
    return new ArticleNormalizer().normalize(def, FEED_URL,
        new FeedParser().parse(doc.getBytes(StandardCharsets.UTF_8), null), Instant.EPOCH);
  }

  @Test
  void shouldResolveLinksEnclosuresAndContentUrlsAgainstTheNearestXmlBase() throws Exception {
    Article a = normalize("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">
        <link href="https://elsewhere.example.com/"/>
        <entry xml:base="2024/"><id>urn:x:1</id><title>E</title><link href="story.html"/>
        <link rel="enclosure" href="audio/a.mp3" type="audio/mpeg"/>
        <content type="html" xml:base="https://cdn.example.net/i/">&lt;img src="a.png"&gt;&lt;a href="/x"&gt;x&lt;/a&gt;</content>
        </entry></feed>""").getFirst();
    assertThat(a.url()).isEqualTo("https://example.org/news/2024/story.html");
    assertThat(a.enclosures().getFirst().url()).isEqualTo("https://example.org/news/2024/audio/a.mp3");
    assertThat(a.contentHtml()).contains("src=\"https://cdn.example.net/i/a.png\"")
        .contains("href=\"https://cdn.example.net/x\"");
  }

  @Test
  void shouldResolveAgainstTheFeedLinkWhenNoXmlBaseIsDeclared() throws Exception {
    Article a = normalize("""
        <rss version="2.0"><channel><title>T</title><link>https://www.example.com/</link>
        <item><title>I</title><link>/a/1</link></item></channel></rss>""").getFirst();
    assertThat(a.url()).isEqualTo("https://www.example.com/a/1");
  }

  @Test
  void shouldReadTheSummaryAsTheTextWhenTheContentHasNoWords() throws Exception {
    List<Article> articles = normalize("""
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
        <item><title>Ferry capsizes</title><link>https://example.org/1</link>
        <description>A ferry carrying 200 people capsized off the coast.</description>
        <content:encoded>&lt;p&gt;&lt;img src="https://example.org/ferry.jpg"&gt;&lt;/p&gt;</content:encoded></item>
        <item><title>Storm</title><link>https://example.org/2</link>
        <description>The summary.</description>
        <content:encoded>&lt;p&gt;The whole story.&lt;/p&gt;</content:encoded></item>
        </channel></rss>""");
    assertThat(articles.get(0).text()).isEqualTo("A ferry carrying 200 people capsized off the coast.");
    assertThat(articles.get(0).contentHtml()).contains("ferry.jpg");
    assertThat(articles.get(1).text()).isEqualTo("The whole story.");
  }

  @Test
  void shouldTakeTheLanguageOfTheEntryOverTheFeeds() throws Exception {
    List<Article> articles = normalize("""
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
        <language>en-us</language>
        <item><title>I</title><link>https://example.org/1</link></item>
        <item xml:lang="de"><title>J</title><link>https://example.org/2</link></item>
        <item><title>K</title><link>https://example.org/3</link>
        <content:encoded xml:lang="fr-CA">&lt;p&gt;Bonjour&lt;/p&gt;</content:encoded></item>
        </channel></rss>""");
    assertThat(articles).extracting(Article::language).containsExactly("en", "de", "fr");
  }
}
