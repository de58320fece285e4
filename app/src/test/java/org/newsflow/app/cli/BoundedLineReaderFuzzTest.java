package org.newsflow.app.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

/**
 * Fuzzes the tag command's line reader against {@link BufferedReader}: the same lines, in the same order, except
 * that lines over the limit come out dropped with their length.
 */
class BoundedLineReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void shouldReadTheLinesBufferedReaderReadsWithinTheLimit(FuzzedDataProvider data) throws Exception {
    int max = data.consumeInt(0, 64);
    String input = data.consumeRemainingAsString();
    List<String> expected = new BufferedReader(new StringReader(input)).lines().toList();
    List<BoundedLineReader.Line> got = BoundedLineReaderTest.lines(input, max);
    if (got.size() != expected.size()) {
      throw new AssertionError(got.size() + " lines, expected " + expected.size());
    }
    for (int i = 0; i < got.size(); i++) {
      String want = expected.get(i);
      BoundedLineReader.Line line = got.get(i);
      if (line.number() != i + 1 || line.length() != want.length()
          || (want.length() > max ? !line.oversized() : !want.equals(line.text()))) {
        throw new AssertionError("line " + (i + 1) + ": " + line + ", expected " + want);
      }
    }
  }
}
