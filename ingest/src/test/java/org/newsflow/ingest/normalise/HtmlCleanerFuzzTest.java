package org.newsflow.ingest.normalise;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the HTML cleaner: any HTML is cleaned in bounded time, and what comes out has no script element, event
 * handler or script URL in it.
 */
class HtmlCleanerFuzzTest {

  private static final Pattern TAG = Pattern.compile("<[^>]*>?");
  private static final Pattern UNSAFE_ATTR = Pattern.compile("\\son[a-z]+=|=\"\\s*(?:javascript|vbscript|data):|\\sstyle=");

  private final HtmlCleaner cleaner = new HtmlCleaner();

  @FuzzTest(maxDuration = "10m")
  void shouldCleanAnyHtmlToSafeHtml(FuzzedDataProvider data) {
    String base = data.pickValue(new String[] {null, "https://e.org/a/b", "javascript:x"});
    String html = data.consumeRemainingAsString();
    HtmlCleaner.Cleaned c = cleaner.clean(html, base);
    // text is escaped, so every '<' left in the output opens a tag the cleaner wrote: check those
    Matcher tag = TAG.matcher(c.html().toLowerCase(Locale.ROOT));
    while (tag.find()) {
      String t = tag.group();
      if (t.startsWith("<script") || t.startsWith("<iframe") || t.startsWith("<style") || UNSAFE_ATTR.matcher(t).find()) {
        throw new AssertionError("unsafe tag " + t + " in " + c.html() + " from " + html);
      }
    }
    cleaner.titleText(html);
  }
}
