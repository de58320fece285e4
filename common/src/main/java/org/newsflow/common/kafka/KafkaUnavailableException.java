package org.newsflow.common.kafka;

/** Kafka could not be reached or refused an administrative request. */
public class KafkaUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message naming the bootstrap servers and the reason. */
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
