package org.newsflow.common.config;

/** A setting is missing, unknown or invalid; the message names the setting and how to fix it. */
public class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message that names the setting and the fix. */
  public ConfigException(String message) {
    super(message);
  }

  /** With a message and the underlying cause. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
