package org.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String doc) throws FeedParseException {
    return parser.parse(doc.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void shouldReadRss2WithContentEncodedAndDates() throws Exception {
    ParsedFeed f = parse("""
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>T</title><link>https://example.org/</link><language>en-gb</language>
        <item><title>First</title><link>https://example.org/1</link><guid>g1</guid>
        <pubDate>Thu, 14 Mar 2024 09:30:00 +0000</pubDate><description>short</description>
        <content:encoded><![CDATA[<p>long body</p>]]></content:encoded><category>World</category></item>
        </channel></rss>""");
    assertThat(f.reading().recovered()).isFalse();
    assertThat(f.scope().language()).isEqualTo("en-gb");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.title().value()).isEqualTo("First");
    assertThat(e.content().value()).isEqualTo("<p>long body</p>");
    assertThat(e.summary().value()).isEqualTo("short");
    assertThat(e.dates().published()).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
    assertThat(e.categories()).containsExactly("World");
  }

  @Test
  void shouldReadAtom() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <entry><title>E</title><id>urn:x:1</id><link href="https://example.org/e"/>
        <updated>2024-03-15T10:00:00Z</updated><published>2024-03-14T10:00:00+01:00</published>
        <author><name>Ann</name></author><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>""");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.links().link()).isEqualTo("https://example.org/e");
    assertThat(e.dates().published()).isEqualTo(Instant.parse("2024-03-14T09:00:00Z"));
    assertThat(e.dates().updated()).isEqualTo(Instant.parse("2024-03-15T10:00:00Z"));
    assertThat(e.people().names()).containsExactly("Ann");
  }

  @Test
  void shouldReadJsonFeed() throws Exception {
    ParsedFeed f = parse("""
        {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://example.org/",
         "items":[{"id":"1","url":"https://example.org/j1","title":"Jay","content_text":"a < b",
                   "date_published":"2024-03-14T09:30:00Z","authors":[{"name":"Bo"}],"tags":["x"]}]}""");
    assertThat(f.reading().format()).isEqualTo("json-feed");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.content().value()).isEqualTo("a &lt; b");
    assertThat(e.people().names()).containsExactly("Bo");
    assertThat(e.dates().published()).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
  }

  @Test
  void shouldNeverResolveExternalEntities() throws Exception {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>x</title>
        <item><title>&xxe;</title><link>https://example.org/1</link></item></channel></rss>""";
    ParsedFeed f = parse(xxe);
    assertThat(f.entries()).allSatisfy(e -> assertThat(String.valueOf(e.title().value())).doesNotContain("root:"));
  }

  @Test
  void shouldIgnoreAnExternalDtdWithoutFetchingIt() throws Exception {
    ParsedFeed f = parse("""
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "file:///etc/passwd">
        <rss version="2.0"><channel><title>found</title>
        <item><title>t</title><link>https://example.org/1</link></item></channel></rss>""");
    assertThat(f.reading().recovered()).as("stripped, then parsed strictly").isFalse();
    assertThat(f.title().value()).isEqualTo("found");
  }

  @Test
  void shouldNotExpandParameterEntitiesFromAnExternalDtd() throws Exception {
    ParsedFeed f = parse("""
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://127.0.0.1:1/evil.dtd"> %ext;]>
        <rss version="2.0"><channel><title>x</title>
        <item><title>safe</title><link>https://example.org/1</link></item></channel></rss>""");
    assertThat(f.reading().recovered()).isTrue();
    assertThat(f.entries()).extracting(e -> e.title().value()).containsExactly("safe");
  }

  @Test
  void shouldReadAnUndeclaredLatin1FeedAsWindows1252() throws Exception {
    byte[] latin1 = "<rss version=\"2.0\"><channel><title>Caf\u00e9 & cr\u00e8me</title><item><title>D\u00e9j\u00e0 vu</title>"
        .concat("<link>https://example.org/1</link></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
    ParsedFeed f = parser.parse(latin1, null);
    assertThat(f.title().value()).isEqualTo("Caf\u00e9 & cr\u00e8me");
    assertThat(f.entries().getFirst().title().value()).isEqualTo("D\u00e9j\u00e0 vu");
  }

  @Test
  void shouldReadEnclosuresAndMediaRss() throws Exception {
    ParsedFeed f = parse("""
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
        <item><title>Pod</title><link>https://example.org/1</link>
        <enclosure url="https://cdn.example.org/ep1.mp3" type="audio/mpeg" length="12345"/>
        <media:group><media:content url="https://cdn.example.org/v.mp4" type="video/mp4" fileSize="999"/></media:group>
        <media:thumbnail url="https://cdn.example.org/t.jpg"/></item></channel></rss>""");
    assertThat(f.entries().getFirst().links().enclosures()).containsExactly(
        new org.newsflow.common.article.Enclosure("https://cdn.example.org/ep1.mp3", "audio/mpeg", 12345L),
        new org.newsflow.common.article.Enclosure("https://cdn.example.org/v.mp4", "video/mp4", 999L),
        new org.newsflow.common.article.Enclosure("https://cdn.example.org/t.jpg", null, null));
  }

  @Test
  void shouldReadJsonFeedAttachments() throws Exception {
    ParsedFeed f = parse("""
        {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://example.org/1",
        "content_text":"x","attachments":[{"url":"https://cdn.example.org/a.m4a","mime_type":"audio/x-m4a","size_in_bytes":42}]}]}""");
    assertThat(f.entries().getFirst().links().enclosures()).containsExactly(
        new org.newsflow.common.article.Enclosure("https://cdn.example.org/a.m4a", "audio/x-m4a", 42L));
  }

  @Test
  void shouldSurviveABillionLaughs() throws Exception {
    String bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <rss version="2.0"><channel><title>b</title><item><title>&lol4;</title><link>https://e.org/1</link></item></channel></rss>""";
    ParsedFeed f = parse(bomb);
    assertThat(f.entries()).allSatisfy(e -> assertThat(String.valueOf(e.title().value()).length()).isLessThan(100));
  }

  @Test
  void shouldRecoverEntriesFromABrokenFeedAndFlagIt() throws Exception {
    ParsedFeed f = parse("""
        junk before the root
        <rss version="2.0"><channel><title>Broken & proud</title>
        <item><title>One &nbsp; two</title><link>https://example.org/1</link><pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate></item>
        <item><title>Two</title><link>https://example.org/2</link>""");
    assertThat(f.reading().recovered()).isTrue();
    assertThat(f.entries()).hasSize(2);
    assertThat(f.entries().get(0).links().link()).isEqualTo("https://example.org/1");
    assertThat(f.entries().get(0).dates().published()).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
  }

  @Test
  void shouldFailClearlyOnSomethingThatIsNoFeed() {
    assertThatThrownBy(() -> parse("hello, world")).isInstanceOf(FeedParseException.class).hasMessageContaining("not a feed");
    assertThatThrownBy(() -> parse("{\"a\":1}")).isInstanceOf(FeedParseException.class).hasMessageContaining("JSON Feed");
    assertThatThrownBy(() -> parser.parse(new byte[0], null)).isInstanceOf(FeedParseException.class);
  }

  @Test
  void shouldReadAnEmptyRssWithoutVersionOrChannelAsAnEmptyFeed() throws Exception {
    ParsedFeed f = parse("<?xml version=\"1.0\"?><rss>\n</rss>");
    assertThat(f.reading().recovered()).isFalse();
    assertThat(f.reading().format()).isEqualTo("rss");
    assertThat(f.entries()).isEmpty();
  }

  @Test
  void shouldTakeTheCharsetFromTheHttpHeaderOverTheDeclaration() throws Exception {
    byte[] doc = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>\u00e9t\u00e9</title></channel></rss>"
        .getBytes(StandardCharsets.UTF_8);
    ParsedFeed f = parser.parse(doc, "application/rss+xml; charset=utf-8");
    assertThat(f.title().value()).isEqualTo("\u00e9t\u00e9");
    assertThat(f.reading().encoding()).isEqualTo("UTF-8");
    assertThat(f.reading().recovered()).isFalse();
  }

  @Test
  void shouldFlagAFeedWhoseBytesAreNotInTheCharsetItsServerGave() throws Exception {
    byte[] doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>\u00e9t\u00e9</title></channel></rss>"
        .getBytes(StandardCharsets.UTF_8);
    ParsedFeed f = parser.parse(doc, "text/xml");
    assertThat(f.title().value()).isEqualTo("\u00e9t\u00e9");
    assertThat(f.reading().recovered()).isTrue();
    assertThat(f.reading().problem()).contains("US-ASCII");
  }

  @Test
  void shouldReadAUtf16FeedWithAnExternalDoctype() throws Exception {
    byte[] doc = "<?xml version=\"1.0\" encoding=\"utf-16\"?><!DOCTYPE rss SYSTEM \"http://example.org/rss.dtd\"><rss version=\"2.0\"><channel><title>x</title></channel></rss>"
        .getBytes(StandardCharsets.UTF_16LE);
    ParsedFeed f = parser.parse(doc, null);
    assertThat(f.reading().recovered()).isFalse();
    assertThat(f.title().value()).isEqualTo("x");
    assertThat(f.reading().encoding()).isEqualTo("UTF-16LE");
  }

  @Test
  void shouldReadWindows1252NumericReferencesAsTheirCharacters() throws Exception {
    ParsedFeed f = parse("<rss version=\"2.0\"><channel><item><title>don&#146;t</title><description>&#147;q&#148;</description></item></channel></rss>");
    assertThat(f.entries().getFirst().title().value()).isEqualTo("don\u2019t");
    assertThat(f.entries().getFirst().summary().value()).isEqualTo("\u201cq\u201d");
  }

  @Test
  void shouldReadTheFeedSubtitleAndRights() throws Exception {
    ParsedFeed rss = parse("<rss version=\"2.0\"><channel><title>T</title><description>About &lt;b&gt;us&lt;/b&gt;</description>"
        + "<copyright>(c) 2026 Us</copyright></channel></rss>");
    assertThat(rss.subtitle().value()).isEqualTo("About <b>us</b>");
    assertThat(rss.rights().value()).isEqualTo("(c) 2026 Us");
    ParsedFeed atom = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><subtitle>Sub</subtitle>"
        + "<rights>CC BY</rights></feed>");
    assertThat(atom.subtitle().value()).isEqualTo("Sub");
    assertThat(atom.rights().value()).isEqualTo("CC BY");
  }

  @Test
  void shouldReadAnItemsXhtmlBodyOrFullitemAsItsContent() throws Exception {
    ParsedFeed f = parse("""
        <rss version="2.0"><channel><title>T</title>
        <item><title>x</title><body xmlns="http://www.w3.org/1999/xhtml"><p>inline <b>xhtml</b></p></body></item>
        <item><title>y</title><fullitem>&lt;p&gt;escaped&lt;/p&gt;</fullitem></item>
        <item><title>z</title><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">kept</content:encoded>
          <fullitem>ignored</fullitem></item>
        </channel></rss>""");
    assertThat(f.entries().get(0).content().value()).contains("<p", "inline <b", "xhtml</b></p>");
    assertThat(f.entries().get(1).content().value()).isEqualTo("<p>escaped</p>");
    assertThat(f.entries().get(2).content().value()).isEqualTo("kept");
  }

  @Test
  void shouldResolveNestedXmlBasesAgainstEachOtherAndTheDocumentUrl() throws Exception {
    ParsedFeed f = parser.parse("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">
        <title>A</title>
        <entry xml:base="2024/"><title>E</title><id>urn:x:1</id><link href="story.html"/>
        <content type="html" xml:base="img/">&lt;img src="a.png"&gt;</content>
        <summary type="html">s</summary></entry></feed>""".getBytes(StandardCharsets.UTF_8), null,
        "https://example.org/feeds/atom.xml");
    assertThat(f.scope().base()).isEqualTo("https://example.org/news/");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.scope().base()).isEqualTo("https://example.org/news/2024/");
    assertThat(e.summary().context().base()).isEqualTo("https://example.org/news/2024/");
    assertThat(e.content().context().base()).isEqualTo("https://example.org/news/2024/img/");
    assertThat(e.links().link()).isEqualTo("story.html"); // as written; the normaliser resolves it
  }

  @Test
  void shouldKeepRelativeXmlBasesRelativeWhenTheDocumentUrlIsUnknown() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">
        <entry xml:base="2024/"><id>1</id><title>E</title></entry></feed>""");
    assertThat(f.entries().getFirst().scope().base()).isEqualTo("/news/2024/");
  }

  @Test
  void shouldIgnoreAnXmlBaseThatIsNotHttp() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom">
        <entry xml:base="https://example.org/a/"><id>1</id>
        <title xml:base="javascript:alert(1)//">E</title></entry></feed>""");
    assertThat(f.entries().getFirst().title().context().base()).isEqualTo("https://example.org/a/");
  }

  @Test
  void shouldReadTheNearestXmlLangAndTreatAnEmptyOneAsUnknown() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
        <entry xml:lang="de_AT"><id>1</id><title>Titel</title><summary xml:lang="">?</summary></entry>
        <entry><id>2</id><title>Title</title></entry></feed>""");
    assertThat(f.scope().language()).isEqualTo("en");
    assertThat(f.entries().get(0).scope().language()).isEqualTo("de-AT");
    assertThat(f.entries().get(0).title().context().language()).isEqualTo("de-AT");
    assertThat(f.entries().get(0).summary().context().language()).isNull();
    assertThat(f.entries().get(1).title().context().language()).isEqualTo("en");
  }

  @Test
  void shouldReadXmlLangAndTypesOfRssItems() throws Exception {
    ParsedFeed f = parse("""
        <rss version="2.0" xml:lang="fr" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>T</title><item><title>I</title><description>d</description>
        <content:encoded xml:lang="en">&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>""");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.title().context()).isEqualTo(new TextContext("text/plain", null, "fr"));
    assertThat(e.summary().context().type()).isEqualTo("text/html");
    assertThat(e.content().context()).isEqualTo(new TextContext("text/html", null, "en"));
  }

  @Test
  void shouldEscapeAtomPlainTextSoThatBracketsReadAsWritten() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom">
        <entry><id>1</id><title>E</title><summary type="text">a &lt;blink&gt; tag &amp; more</summary>
        <content>&lt;p&gt;mislabelled&lt;/p&gt;</content></entry></feed>""");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.summary().context().type()).isEqualTo("text/plain");
    assertThat(e.summary().value()).isEqualTo("a &lt;blink&gt; tag &amp; more");
    assertThat(e.content().value()).isEqualTo("<p>mislabelled</p>"); // a closing tag: HTML after all
  }

  @Test
  void shouldDropTheWrapperDivOfAtomXhtml() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom">
        <entry><id>1</id><title>E</title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b></div></content></entry></feed>""");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.content().context().type()).isEqualTo("application/xhtml+xml");
    assertThat(e.content().value()).doesNotContain("<div").contains("<b");
  }

  @Test
  void shouldKeepAuthorDetailsContributorsLinksAndGenerator() throws Exception {
    ParsedFeed f = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><generator uri="https://g.example/">Gen</generator>
        <link rel="self" type="application/atom+xml" href="https://example.org/atom.xml"/>
        <author><name>Ed</name><email>ed@example.org</email></author>
        <entry><id>1</id><title>E</title><link href="/e1"/><link rel="related" href="/r" title="More"/>
        <author><name>Ann</name><email>ann@example.org</email><uri>/ann</uri></author>
        <contributor><name>Bo</name></contributor></entry></feed>""");
    assertThat(f.generator()).isEqualTo("Gen");
    assertThat(f.authors()).containsExactly(new Person("Ed", "ed@example.org", null));
    assertThat(f.links()).containsExactly(new FeedLink("self", "application/atom+xml", "https://example.org/atom.xml", null));
    FeedEntry e = f.entries().getFirst();
    assertThat(e.people().authors()).containsExactly(new Person("Ann", "ann@example.org", "/ann"));
    assertThat(e.people().contributors()).containsExactly(new Person("Bo", null, null));
    assertThat(e.links().all()).containsExactly(new FeedLink("alternate", null, "/e1", null),
        new FeedLink("related", null, "/r", "More"));
  }

  @Test
  void shouldSplitRssAuthorStringsAndKeepTheCommentsPage() throws Exception {
    ParsedFeed f = parse("""
        <rss version="2.0"><channel><title>T</title>
        <item><title>I</title><author>me@example.org (Me Myself)</author>
        <comments>https://example.org/1#comments</comments></item></channel></rss>""");
    FeedEntry e = f.entries().getFirst();
    assertThat(e.people().authors()).containsExactly(new Person("Me Myself", "me@example.org", null));
    assertThat(e.links().comments()).isEqualTo("https://example.org/1#comments");
    assertThat(Person.parse("Me <me@example.org>")).isEqualTo(new Person("Me", "me@example.org", null));
    assertThat(Person.parse("me@example.org")).isEqualTo(new Person(null, "me@example.org", null));
    assertThat(Person.parse("Just A Name")).isEqualTo(new Person("Just A Name", null, null));
  }
}
