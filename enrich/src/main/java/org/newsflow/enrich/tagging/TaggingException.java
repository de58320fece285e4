package org.newsflow.enrich.tagging;

/**
 * A tagger failed on an article: a bug or an input no tagger was built for, never a normal outcome. It names the
 * stage and the article, so the caller can log and count it, and the topology sends the article to the
 * dead-letter topic instead of publishing it untagged.
 */
public final class TaggingException extends RuntimeException {

  private final String stage;
  private final String articleId;

  /**
   * @param stage     {@code language}, {@code entities} or {@code topics}
   * @param articleId the article's id
   * @param cause     what the tagger threw
   */
  public TaggingException(String stage, String articleId, Throwable cause) {
    super(stage + " tagging failed for article " + articleId + ": " + cause, cause);
    this.stage = stage;
    this.articleId = articleId;
  }

  /** The tagging stage that failed. */
  public String stage() {
    return stage;
  }

  /** The id of the article it failed on. */
  public String articleId() {
    return articleId;
  }
}
