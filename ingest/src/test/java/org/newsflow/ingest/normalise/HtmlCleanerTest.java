package org.newsflow.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

  private final HtmlCleaner cleaner = new HtmlCleaner();

  @Test
  void shouldRemoveScriptsEventHandlersAndJavascriptUrls() {
    String html = "<p onclick=\"steal()\">Hi<script>alert(1)</script></p><a href=\"javascript:alert(2)\">x</a>"
        + "<iframe src=\"https://evil.example/\"></iframe><img src=\"x.png\" onerror=\"alert(3)\">"
        + "<style>body{}</style><form><input></form>";
    String clean = cleaner.sanitize(html, "https://example.org/news/");
    assertThat(clean).doesNotContainIgnoringCase("script").doesNotContain("onclick").doesNotContain("onerror")
        .doesNotContain("javascript:").doesNotContain("iframe").doesNotContain("<style").doesNotContain("<input");
    assertThat(clean).contains("<p>Hi</p>").contains("src=\"https://example.org/news/x.png\"");
  }

  @Test
  void shouldMakeRelativeLinksAbsolute() {
    assertThat(cleaner.sanitize("<a href=\"/a/b\">link</a>", "https://example.org/news/x"))
        .contains("href=\"https://example.org/a/b\"").contains("rel=\"nofollow noopener\"");
  }

  @Test
  void shouldKeepParagraphBreaksAndDecodeEntitiesInPlainText() {
    assertThat(cleaner.toText("<p>One &amp; two</p><p>Three<br>four</p>  <div>five   six</div>"))
        .isEqualTo("One & two\n\nThree\nfour\n\nfive six");
  }

  @Test
  void shouldFlattenTitles() {
    assertThat(cleaner.titleText("  A <b>bold</b> &quot;title&quot;\n here ")).isEqualTo("A bold \"title\" here");
  }
}
