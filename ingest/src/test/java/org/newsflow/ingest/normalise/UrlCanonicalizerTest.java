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

  @Test
  void shouldWriteUnicodeHostsInPunycodeAndDropCredentials() {
    assertThat(UrlCanonicalizer.canonicalize("https://bücher.example/a", null)).isEqualTo("https://xn--bcher-kva.example/a");
    assertThat(UrlCanonicalizer.canonicalize("https://B%C3%BCcher.Example./a", null))
        .isEqualTo("https://xn--bcher-kva.example/a");
    assertThat(UrlCanonicalizer.canonicalize("https://user:pass@example.org/a", null)).isEqualTo("https://example.org/a");
    assertThat(UrlCanonicalizer.canonicalize("http://[::1]:8080/a", null)).isEqualTo("http://[::1]:8080/a");
  }

  @Test
  void shouldRemoveDotSegmentsAndNormalisePercentEncoding() {
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/a/./b/../c", null)).isEqualTo("https://example.org/a/c");
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/../../x", null)).isEqualTo("https://example.org/x");
    assertThat(UrlCanonicalizer.canonicalize("HTTPS://Usb./%2e?utm_sourc.-&er.E", null)).isEqualTo("https://usb/?er.E");
    assertThat(UrlCanonicalizer.canonicalize("https://e.org/a/%2E%2e/b", null)).isEqualTo("https://e.org/b");
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/%7Euser/%2fx%3a?q=%e2%82%ac", null))
        .isEqualTo(UrlCanonicalizer.canonicalize("https://example.org/~user/%2Fx%3A?q=€", null))
        .isEqualTo("https://example.org/~user/%2Fx%3A?q=%E2%82%AC");
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/a b/ü?x=1 2", null))
        .isEqualTo("https://example.org/a%20b/%C3%BC?x=1%202");
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/100%", null)).isEqualTo("https://example.org/100%25");
  }

  @Test
  void shouldRefuseUrlsLongerThanTheCap() {
    String longUrl = "https://example.org/" + "a".repeat(100_000);
    assertThat(UrlCanonicalizer.canonicalize(longUrl, null)).isNull();
    assertThat(UrlCanonicalizer.unbounded("https://example.org/" + "a".repeat(3000), null)).hasSize(3020);
    assertThat(UrlCanonicalizer.canonicalize("https://example.org/" + "a".repeat(2000), null)).isNotNull();
  }

  @Test
  void shouldRefuseBadHostsAndPorts() {
    assertThat(UrlCanonicalizer.canonicalize("https://exa mple.org/", null)).isNull();
    assertThat(UrlCanonicalizer.canonicalize("https://example.org:99999/", null)).isNull();
    assertThat(UrlCanonicalizer.canonicalize("https:///a", null)).isNull();
    assertThat(UrlCanonicalizer.canonicalize("https://example.org:/a", null)).isEqualTo("https://example.org/a");
  }
}
