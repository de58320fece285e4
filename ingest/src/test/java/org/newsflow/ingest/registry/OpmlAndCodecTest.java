package org.newsflow.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlAndCodecTest {

  @TempDir
  Path dir;

  @Test
  void shouldImportOpmlOutlinesWithFoldersAsTags() throws Exception {
    Path f = dir.resolve("subs.opml");
    Files.writeString(f, """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <opml version="2.0"><head><title>&xxe;</title></head><body>
          <outline text="News"><outline text="World" title="World news" type="rss" xmlUrl="https://example.org/world.xml"/>
            <outline text="Tech"><outline text="T" xmlUrl="https://example.org/tech.xml"/></outline></outline>
          <outline text="Loose" xmlUrl="https://example.org/loose.xml"/>
          <outline text="Dup" xmlUrl="https://example.org/loose.xml"/>
        </body></opml>""");
    List<FeedDefinition> feeds = Opml.read(f);
    assertThat(feeds).extracting(FeedDefinition::url).containsExactly("https://example.org/world.xml",
        "https://example.org/tech.xml", "https://example.org/loose.xml");
    assertThat(feeds.get(0).name()).isEqualTo("World news");
    assertThat(feeds.get(0).tags()).containsExactly("News");
    assertThat(feeds.get(1).tags()).containsExactly("News", "Tech");
  }

  @Test
  void shouldRefuseAnOpmlFileWithoutFeeds() throws Exception {
    Path f = dir.resolve("empty.opml");
    Files.writeString(f, "<opml><body><outline text=\"x\"/></body></opml>");
    assertThatThrownBy(() -> Opml.read(f)).isInstanceOf(InvalidFeedsFileException.class).hasMessageContaining("no feeds");
  }

  @Test
  void shouldRoundTripFeedDefinitions() {
    FeedCodec codec = new FeedCodec();
    FeedDefinition f = new FeedDefinition("id1", "https://example.org/f", "F", Duration.ofMinutes(10), List.of("a", "b"));
    assertThat(codec.fromBytes(codec.toBytes(f))).isEqualTo(f);
    assertThat(codec.fromBytes("{\"url\":\"https://example.org/g\",\"interval\":\"15m\"}".getBytes(StandardCharsets.UTF_8))
        .interval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void shouldCarryTheFullTextChoiceThroughTheRegistryAndTheFeedsFile() throws Exception {
    FeedCodec codec = new FeedCodec();
    FeedDefinition f = new FeedDefinition(null, "https://example.org/f", null, null, List.of(), true);
    assertThat(codec.fromBytes(codec.toBytes(f)).fullText()).isTrue();
    assertThat(codec.fromBytes("{\"url\":\"https://example.org/g\"}".getBytes(StandardCharsets.UTF_8)).fullText())
        .isFalse();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("feeds", ".yaml");
    try {
      java.nio.file.Files.writeString(file, "feeds:\n  - url: https://example.org/a\n    fullText: true\n"
          + "  - url: https://example.org/b\n");
      assertThat(FeedsFile.read(file)).extracting(FeedDefinition::fullText).containsExactly(true, false);
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void shouldExplainABadFeedRecord() {
    FeedCodec codec = new FeedCodec();
    assertThatThrownBy(() -> codec.fromBytes("{\"name\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("url");
    assertThatThrownBy(() -> codec.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not JSON");
  }
}
