package org.newsflow.ingest.registry;

/** A feeds file that cannot be read; the message names the file and the entry. */
public class InvalidFeedsFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message naming the file, the entry and the problem. */
  public InvalidFeedsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
