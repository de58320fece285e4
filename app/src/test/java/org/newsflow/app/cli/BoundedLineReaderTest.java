package org.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  static List<BoundedLineReader.Line> lines(String input, int max) throws Exception {
    BoundedLineReader r = new BoundedLineReader(new StringReader(input), max);
    List<BoundedLineReader.Line> out = new ArrayList<>();
    for (BoundedLineReader.Line l; (l = r.next()) != null; ) {
      out.add(l);
    }
    return out;
  }

  @Test
  void shouldSplitOnEveryLineEndLikeBufferedReader() throws Exception {
    assertThat(lines("a\nbb\r\nccc\rd", 10)).extracting(BoundedLineReader.Line::text)
        .containsExactly("a", "bb", "ccc", "d");
    assertThat(lines("a\n\nb\n", 10)).extracting(BoundedLineReader.Line::text).containsExactly("a", "", "b");
    assertThat(lines("", 10)).isEmpty();
  }

  @Test
  void shouldDropAnOversizedLineWithItsLengthAndGoOn() throws Exception {
    String big = "x".repeat(50_000);
    List<BoundedLineReader.Line> got = lines("ok\n" + big + "\r\nnext\n" + "y".repeat(100), 100);
    assertThat(got).extracting(BoundedLineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(got.get(1).oversized()).isTrue();
    assertThat(got.get(1).length()).isEqualTo(50_000);
    assertThat(got.get(2).text()).isEqualTo("next");
    assertThat(got.get(3).text()).hasSize(100);
  }

  @Test
  void shouldKeepALineSplitAcrossReadBlocks() throws Exception {
    String line = "z".repeat(20_000);
    assertThat(lines(line + "\n" + line, 20_000)).extracting(BoundedLineReader.Line::text).containsExactly(line, line);
  }
}
