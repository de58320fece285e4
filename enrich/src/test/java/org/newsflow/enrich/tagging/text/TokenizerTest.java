package org.newsflow.enrich.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer tokenizer = new Tokenizer();

  private List<String> words(String text) {
    return tokenizer.tokenize(text).stream().map(Token::text).toList();
  }

  @Test
  void shouldSplitPossessivesAndKeepOffsetsExact() {
    String text = "Mayor Ann Kowalski\u2019s “plan” for Lakeside’s port.";
    List<Token> tokens = tokenizer.tokenize(text);
    assertThat(tokens).extracting(Token::text).containsExactly("Mayor", "Ann", "Kowalski", "\u2019s", "“", "plan",
        "”", "for", "Lakeside", "’s", "port", ".");
    for (Token t : tokens) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }

  @Test
  void shouldSplitBarePossessiveApostropheAfterS() {
    assertThat(words("the Harbors’ fleet")).containsExactly("the", "Harbors", "’", "fleet");
  }

  @Test
  void shouldKeepAbbreviationsWhole() {
    assertThat(words("Mr. Lee met U.S. envoys on Jan. 5 at 10 a.m. in St. Ives."))
        .containsExactly("Mr.", "Lee", "met", "U.S.", "envoys", "on", "Jan.", "5", "at", "10", "a.m.", "in", "St.",
            "Ives", ".");
  }

  @Test
  void shouldKeepNumbersHyphensAndUrlsWhole() {
    assertThat(words("A large-scale 1,300.5 rise (see https://example.org/a?b=1).")).containsExactly("A",
        "large-scale", "1,300.5", "rise", "(", "see", "https://example.org/a?b=1", ")", ".");
  }

  @Test
  void shouldSplitNegationClitic() {
    assertThat(words("He didn't go, we'll see")).containsExactly("He", "did", "n't", "go", ",", "we", "'ll", "see");
  }

  @Test
  void shouldKeepNamesWithInnerApostrophe() {
    assertThat(words("O'Neill spoke")).containsExactly("O'Neill", "spoke");
  }

  @Test
  void shouldSurviveOddInput() {
    assertThat(tokenizer.tokenize(null)).isEmpty();
    assertThat(tokenizer.tokenize("")).isEmpty();
    assertThat(words("\uD83D\uDE00 caf\u00e9 \uD800 \u200b x")).contains("caf\u00e9", "x");
  }

  @Test
  void shouldKeepAPossessiveWrittenApartAndPrefixedDollarsWhole() {
    assertThat(new Tokenizer().tokenize("Queen 's Park paid C$ 5 and US$ 3")).extracting(Token::text)
        .containsExactly("Queen", "'s", "Park", "paid", "C$", "5", "and", "US$", "3");
  }
}
