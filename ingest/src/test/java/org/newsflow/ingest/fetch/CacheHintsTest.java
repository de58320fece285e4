package org.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheHintsTest {

  @Test
  void shouldReadMaxAgeButNotFromNoCache() {
    assertThat(CacheHints.maxAge("public, max-age=600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(CacheHints.maxAge("no-cache, max-age=600")).isNull();
    assertThat(CacheHints.maxAge("max-age=0")).isNull();
    assertThat(CacheHints.maxAge((String) null)).isNull();
  }

  @Test
  void shouldReadRetryAfterAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2024-03-14T10:00:00Z");
    assertThat(CacheHints.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(CacheHints.retryAfter("Thu, 14 Mar 2024 10:05:00 GMT", now)).isEqualTo(Duration.ofMinutes(5));
    assertThat(CacheHints.retryAfter("Thu, 14 Mar 2024 09:05:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(CacheHints.retryAfter("soon", now)).isNull();
    assertThat(CacheHints.retryAfter("99999999999", now)).isEqualTo(Duration.ofDays(1));
  }
}
