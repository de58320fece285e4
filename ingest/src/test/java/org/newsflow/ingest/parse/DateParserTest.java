package org.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParserTest {

  @Test
  void shouldReadRfc822Variants() {
    Instant t = Instant.parse("2024-03-14T09:30:00Z");
    assertThat(DateParser.parse("Thu, 14 Mar 2024 09:30:00 +0000")).isEqualTo(t);
    assertThat(DateParser.parse("Thu, 14 Mar 2024 09:30:00 GMT")).isEqualTo(t);
    assertThat(DateParser.parse("14 Mar 2024 05:30:00 EDT")).isEqualTo(t);
    assertThat(DateParser.parse("Thu, 14 Mar 24 09:30:00 +0000")).isEqualTo(t);
    assertThat(DateParser.parse("Thu,  14 Mar 2024 09:30 +0000")).isEqualTo(t);
  }

  @Test
  void shouldReadIso8601Variants() {
    assertThat(DateParser.parse("2024-03-14T10:30:00+01:00")).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
    assertThat(DateParser.parse("2024-03-14 09:30:00")).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
    assertThat(DateParser.parse("2024-03-14")).isEqualTo(Instant.parse("2024-03-14T00:00:00Z"));
  }

  @Test
  void shouldReturnNullForNonsense() {
    assertThat(DateParser.parse("yesterday-ish")).isNull();
    assertThat(DateParser.parse(null)).isNull();
    assertThat(DateParser.parse(" ")).isNull();
  }

  @Test
  void shouldRejectDatesThatDoNotExist() {
    assertThat(DateParser.parse("2024-02-30")).isNull();
    assertThat(DateParser.parse("2024-13-01T00:00:00Z")).isNull();
    assertThat(DateParser.parse("Fri, 30 Feb 2024 09:30:00 GMT")).isNull();
    assertThat(DateParser.parse("30 Feb 2024 09:30:00 +0000")).isNull();
    assertThat(DateParser.parse("14 Mar 2024 25:30:00 +0000")).isNull();
    assertThat(DateParser.parse("29 Feb 2024 09:30:00 +0000")).isEqualTo(Instant.parse("2024-02-29T09:30:00Z"));
  }

  @Test
  void shouldReadUnixTimeAndRejectYearsPast9999() {
    assertThat(DateParser.parse("1700000000")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(DateParser.parse("1700000000123")).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
    assertThat(DateParser.parse("+10000-01-01T00:00:00Z")).isNull();
    assertThat(DateParser.parse("Thu, 14 Mar 12024 09:30:00 GMT")).isNull();
    assertThat(DateParser.bounded(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
  }
}
