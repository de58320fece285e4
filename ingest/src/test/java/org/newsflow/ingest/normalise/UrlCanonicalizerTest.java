package org.newsflow.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  @Test
  void shouldRemoveTrackingParametersAndFragmentButKeepOtherParametersInOrder() {
    assertThat(UrlCanonicalizer.canonicalize(
        "HTTPS://News.Example.org:443/2024/a?b=2&utm_source=rss&a=1&fbclid=x&UTM_Medium=feed#comments", null))
        .isEqualTo("https://news.example.org/2024/a?b=2&a=1");
  }

  @Test
  void shouldResolveRelativeLinksAgainstTheBase() {
    assertThat(UrlCanonicalizer.canonicalize("../b/c.html", "https://example.org/x/y/feed.xml"))
        .isEqualTo("https://example.org/x/b/c.html");
    assertThat(UrlCanonicalizer.canonicalize("http://example.org", null)).isEqualTo("http://example.org/");
  }

  @Test
  void shouldRejectNonHttpLinks() {
    assertThat(UrlCanonicalizer.canonicalize("javascript:alert(1)", "https://example.org/")).isNull();
    assertThat(UrlCanonicalizer.canonicalize("mailto:a@b.org", null)).isNull();
    assertThat(UrlCanonicalizer.canonicalize("not a url at all %%%", null)).isNull();
    assertThat(UrlCanonicalizer.canonicalize("", null)).isNull();
  }

  @Test
  void shouldDropOnlyEmptyQueryAfterRemovingTracking() {
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/a?utm_campaign=x&gclid=y", null))
        .isEqualTo("https://example.org/a");
  }
}
