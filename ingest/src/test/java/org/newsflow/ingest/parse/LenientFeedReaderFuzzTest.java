package org.newsflow.ingest.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the lenient reader on its own: any text gives a (maybe empty) recovered feed, in bounded time. */
class LenientFeedReaderFuzzTest {

  private final LenientFeedReader reader = new LenientFeedReader();

  @FuzzTest(maxDuration = "10m")
  void shouldRecoverWhatItCanFromAnyText(@NotNull String text) {
    ParsedFeed f = reader.read(text, "UTF-8", "fuzz");
    if (!f.reading().recovered()) {
      throw new AssertionError("a lenient read must be flagged recovered");
    }
  }
}
