package org.newsflow.ingest.registry;

import org.newsflow.ingest.fetch.FetchException;

/**
 * Why a poll failed, as recorded in its {@link FeedHealth} and counted by reason: the fetch's own
 * {@link FetchException.Reason}s, then the steps after the fetch.
 */
public enum PollFailure {
  /** {@link FetchException.Reason#TIMEOUT}. */
  TIMEOUT,
  /** {@link FetchException.Reason#TOO_LARGE}. */
  TOO_LARGE,
  /** {@link FetchException.Reason#HTTP_STATUS}. */
  HTTP_STATUS,
  /** {@link FetchException.Reason#REDIRECT_LOOP}. */
  REDIRECT_LOOP,
  /** {@link FetchException.Reason#BLOCKED_ADDRESS}. */
  BLOCKED_ADDRESS,
  /** {@link FetchException.Reason#BAD_URL}. */
  BAD_URL,
  /** {@link FetchException.Reason#IO}. */
  IO,
  /** The document is not a feed. */
  PARSE,
  /** The articles could not be written to Kafka. */
  PUBLISH,
  /** Ingest is stopping. */
  INTERRUPTED,
  /** A bug, or an input no step was ready for; logged with its stack trace. */
  INTERNAL;

  /** The poll failure of a fetch failure. */
  public static PollFailure of(FetchException.Reason reason) {
    return valueOf(reason.name());
  }
}
