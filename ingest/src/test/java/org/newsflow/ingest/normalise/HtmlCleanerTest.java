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

  @Test
  void shouldKeepTableLayoutAttributes() {
    String clean = cleaner.sanitize("<table border=\"1\" cellpadding=\"2\" summary=\"s\"><tr>"
        + "<th scope=\"col\" abbr=\"P\" id=\"h\">Price</th><td colspan=\"2\" rowspan=\"3\" headers=\"h\""
        + " align=\"right\" valign=\"top\" nowrap>1</td></tr></table>", null);
    assertThat(clean).contains("border=\"1\"").contains("cellpadding=\"2\"").contains("summary=\"s\"")
        .contains("scope=\"col\"").contains("abbr=\"P\"").contains("colspan=\"2\"").contains("rowspan=\"3\"")
        .contains("headers=\"h\"").contains("align=\"right\"").contains("valign=\"top\"").contains("nowrap")
        .doesNotContain("id=");
  }

  @Test
  void shouldKeepImageSizeAndTextButCheckItsSource() {
    assertThat(cleaner.sanitize("<img src=\"p.png\" width=\"40\" height=\"30\" alt=\"a cat\" title=\"Cat\""
        + " hspace=\"4\" lowsrc=\"https://t.example/x\" longdesc=\"d.html\">", "https://example.org/"))
        .isEqualTo("<img src=\"https://example.org/p.png\" width=\"40\" height=\"30\" alt=\"a cat\" title=\"Cat\""
            + " hspace=\"4\">");
    assertThat(cleaner.sanitize("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">", null)).isEqualTo("<img alt=\"x\">");
  }

  @Test
  void shouldKeepListNumberingTextDirectionAndLanguage() {
    assertThat(cleaner.sanitize("<ol start=\"3\" type=\"a\" reversed><li value=\"5\">x</li></ol>", null))
        .isEqualTo("<ol start=\"3\" type=\"a\" reversed=\"\"><li value=\"5\">x</li></ol>");
    assertThat(cleaner.sanitize("<p dir=\"rtl\" lang=\"ar\">\u0645\u0631\u062d\u0628\u0627</p>"
        + "<bdo dir=\"ltr\">x</bdo>", null))
        .isEqualTo("<p dir=\"rtl\" lang=\"ar\">\u0645\u0631\u062d\u0628\u0627</p><bdo dir=\"ltr\">x</bdo>");
  }

  @Test
  void shouldKeepStructuralAndPresentationalElements() {
    String clean = cleaner.sanitize("<article><header><h2>H</h2></header><section><p>A <abbr title=\"Hypertext\">"
        + "HTML</abbr> <acronym title=\"NATO\">N</acronym> <del datetime=\"2024-01-01\" cite=\"/why\">old</del>"
        + "<ins>new</ins> <font face=\"Arial\" color=\"red\" size=\"2\">f</font> <kbd>k</kbd><tt>t</tt></p><hr>"
        + "<details open><summary>More</summary>m</details></section><footer>F</footer></article>",
        "https://example.org/");
    assertThat(clean).contains("<article><header><h2>H</h2></header><section>")
        .contains("<abbr title=\"Hypertext\">").contains("<acronym title=\"NATO\">")
        .contains("<del datetime=\"2024-01-01\" cite=\"https://example.org/why\">old</del><ins>new</ins>")
        .contains("<font face=\"Arial\" color=\"red\" size=\"2\">").contains("<kbd>k</kbd><tt>t</tt>")
        .contains("<hr>").contains("<details open=\"\"><summary>More</summary>m</details>")
        .contains("<footer>F</footer></article>");
  }

  @Test
  void shouldStillDropStylesClassesTargetsAndLoadingAttributes() {
    String clean = cleaner.sanitize("<p style=\"background:url(https://t.example/p)\" class=\"hidden\" id=\"x\""
        + " name=\"n\" hidden tabindex=\"1\" accesskey=\"a\" contenteditable=\"true\">p</p>"
        + "<a href=\"https://example.org/\" target=\"_blank\" ping=\"https://t.example/\" rel=\"opener\">a</a>"
        + "<table background=\"https://t.example/bg.png\"><tr><td>t</td></tr></table>"
        + "<span onmouseover=\"x()\" dynsrc=\"https://t.example/v\">s</span>", null);
    assertThat(clean).isEqualTo("<p>p</p><a href=\"https://example.org/\" rel=\"nofollow noopener\">a</a>"
        + "<table><tbody><tr><td>t</td></tr></tbody></table><span>s</span>");
  }

  @Test
  void shouldStillDropFormsMediaFramesAndMaps() {
    String clean = cleaner.sanitize("<form action=\"https://t.example/\"><label>L</label><input value=\"v\">"
        + "<button>b</button><select><option>o</option></select><textarea>t</textarea></form>"
        + "<video poster=\"https://t.example/p.png\"><source src=\"https://t.example/v.mp4\"></video>"
        + "<audio src=\"https://t.example/a.mp3\"></audio><frameset><frame src=\"https://t.example/\"></frameset>"
        + "<object data=\"x.swf\"></object><embed src=\"x.swf\"><map><area href=\"javascript:x()\"></map>"
        + "<svg><a href=\"https://t.example/\">s</a></svg><math><mi>m</mi></math><noscript>n</noscript>", null);
    assertThat(clean).isEqualTo("L");
  }

  @Test
  void shouldCleanHtmlNestedOneHundredThousandDeepWithoutRecursion() {
    String html = "<b>".repeat(10_000) + "<div>".repeat(100_000) + "x";
    HtmlCleaner.Cleaned c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> cleaner.clean(html, "https://e.org/"));
    assertThat(c.text()).isEqualTo("x");
    assertThat(c.html()).startsWith("<b><b>").contains("x</div></div>").endsWith("</b>");
  }
}
