package org.newsflow.enrich.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private final SentenceSplitter splitter = new SentenceSplitter();

  private List<String> first(String text) {
    return splitter.split(text).stream().map(s -> s.tokens().getFirst().text()).toList();
  }

  @Test
  void shouldNotSplitAfterTitlesOrInitials() {
    assertThat(first("Mr. Okafor met Dr. J. Brandt in Lisbon. They agreed.")).containsExactly("Mr.", "They");
  }

  @Test
  void shouldKeepClosingQuoteWithItsSentence() {
    List<Sentence> s = splitter.split("“We will win.” The crowd cheered!");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).tokens().getLast().text()).isEqualTo("”");
  }

  @Test
  void shouldSplitAfterAbbreviationOnlyBeforeATypicalOpener() {
    assertThat(first("Talks moved to the U.S. The envoy left.")).containsExactly("Talks", "The");
    assertThat(first("The U.S. Navy sailed.")).containsExactly("The");
  }

  @Test
  void shouldSplitAtBlankLines() {
    assertThat(first("Headline without stop\n\nBody starts here")).containsExactly("Headline", "Body");
  }

  @Test
  void shouldEndSentencesAtEveryLineBreakSoNoNameSpansTwoLines() {
    assertThat(first("Nadim Ladki\nAL-AIN , United Arab Emirates 1996-12-06\r\nItaly recalled")).containsExactly(
        "Nadim", "AL-AIN", "Italy");
  }

  @Test
  void shouldCapVeryLongSentences() {
    String text = "word ".repeat(1000);
    assertThat(splitter.split(text)).allMatch(s -> s.size() <= SentenceSplitter.MAX_TOKENS);
  }
}
