package org.newsflow.ingest.parse;

/** A document from which no feed could be read, not even leniently. */
public class FeedParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With a message saying what was wrong. */
  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
