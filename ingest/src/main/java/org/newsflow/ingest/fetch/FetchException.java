package org.newsflow.ingest.fetch;

/** A feed could not be fetched; {@link #reason()} classifies why (for status, metrics and backoff). */
public class FetchException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Reason {
    /** Connect, headers or body took longer than allowed. */
    TIMEOUT,
    /** The body is larger than the configured maximum. */
    TOO_LARGE,
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** Too many redirects, or a redirect back to a URL already visited. */
    REDIRECT_LOOP,
    /** The host resolves to a loopback, private or link-local address that is not allowed. */
    BLOCKED_ADDRESS,
    /** The URL is malformed or of an unsupported scheme, or local files are not allowed. */
    BAD_URL,
    /** Network or file-system error. */
    IO
  }

  private final Reason reason;
  private final int status;
  private final transient java.time.Duration retryAfter;

  /** A failure with its reason, and the HTTP status when there was one (else 0). */
  public FetchException(Reason reason, int status, String message, Throwable cause) {
    this(reason, status, message, cause, null);
  }

  /** A failure after which the server asked to wait (Retry-After on 429/503). */
  public FetchException(Reason reason, int status, String message, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.reason = reason;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** How long the server asked us to wait before trying again, null when it did not say. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** The HTTP status, 0 when none was received. */
  public int status() {
    return status;
  }
}
