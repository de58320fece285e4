package org.newsflow.common.article;

/** Bytes that should hold an article but do not: bad JSON, a missing id, an unknown schema version. */
public class InvalidArticleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message saying what is wrong. */
  public InvalidArticleException(String message, Throwable cause) {
    super(message, cause);
  }
}
