package org.newsflow.ingest.normalise;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the URL canonicaliser: null or an absolute http(s) URL within the length cap, in ASCII, without
 * credentials, which canonicalises to itself.
 */
class UrlCanonicalizerFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void shouldGiveNullOrAStableCanonicalUrl(FuzzedDataProvider data) {
    String base = data.pickValue(new String[] {null, "https://e.org/a/b?c=d", "http://bücher.example/x/"});
    String link = data.consumeRemainingAsString();
    String c = UrlCanonicalizer.canonicalize(link, base);
    if (c == null) {
      return;
    }
    if (!c.startsWith("http://") && !c.startsWith("https://") || c.length() > UrlCanonicalizer.MAX_LENGTH
        || !c.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw new AssertionError("not a canonical URL: " + c + " from " + link);
    }
    String again = UrlCanonicalizer.canonicalize(c, null);
    if (!c.equals(again)) {
      throw new AssertionError("not stable: " + c + " then " + again + " from " + link);
    }
  }
}
