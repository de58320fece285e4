package org.newsflow.ingest.publish;

/** Articles could not be written to Kafka. */
public class PublishException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With the reason. */
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
