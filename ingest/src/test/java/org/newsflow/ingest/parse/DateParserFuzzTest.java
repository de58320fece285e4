package org.newsflow.ingest.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.time.Instant;

/** Fuzzes the date parser: null or an instant the Article schema can write (years 0000-9999), never an exception. */
class DateParserFuzzTest {

  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  @FuzzTest(maxDuration = "10m")
  void shouldReturnNullOrAWritableInstant(@NotNull String text) {
    Instant i = DateParser.parse(text);
    if (i != null && (i.isBefore(MIN) || i.isAfter(MAX))) {
      throw new AssertionError("date outside years 0000-9999: " + i + " from " + text);
    }
  }
}
