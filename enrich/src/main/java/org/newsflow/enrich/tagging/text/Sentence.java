package org.newsflow.enrich.tagging.text;

import java.util.List;

/**
 * A run of tokens that the splitter judged to be one sentence.
 *
 * @param tokens the tokens, in text order, never empty
 */
public record Sentence(List<Token> tokens) {

  /** Copies the token list. */
  public Sentence {
    tokens = List.copyOf(tokens);
  }

  /** Number of tokens. */
  public int size() {
    return tokens.size();
  }
}
