package org.newsflow.sink.index;

import java.util.List;

/**
 * What one bulk request came to, decided once by {@link BulkIndexer} so that callers switch over the cases rather
 * than read HTTP statuses or exceptions.
 *
 * @param <T> origin type of the operations
 */
public sealed interface BulkResult<T> {

  /**
   * The node answered item by item.
   *
   * @param written  operations applied, or already superseded by a newer version (nothing to do)
   * @param retry    operations that failed transiently (429, 5xx) and should be sent again
   * @param rejected operations OpenSearch will never accept (mapping errors ...), for the dead-letter topic
   * @param <T>      origin type
   */
  record Written<T>(int written, List<IndexOp<T>> retry, List<DocumentRejection<T>> rejected) implements BulkResult<T> {

    /** Copies the lists. */
    public Written {
      retry = List.copyOf(retry);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * The request as a whole may succeed later: the node is unreachable, overloaded (408, 429) or failing (5xx).
   *
   * @param status HTTP status, or 0 when no answer came
   * @param reason what happened, for logs and health
   * @param <T>    origin type
   */
  record RetryLater<T>(int status, String reason) implements BulkResult<T> {
  }

  /**
   * The request as a whole was refused for what it carries (400 malformed, 413 too large, 422): sending it again
   * unchanged cannot help, but a smaller part of it may be accepted.
   *
   * @param status HTTP status
   * @param reason OpenSearch's answer, abbreviated
   * @param <T>    origin type
   */
  record Rejected<T>(int status, String reason) implements BulkResult<T> {
  }

  /**
   * No request can succeed until an operator acts: authentication (401), authorisation (403) or an endpoint that
   * does not take bulk requests (other 4xx).
   *
   * @param status HTTP status
   * @param reason OpenSearch's answer, abbreviated
   * @param <T>    origin type
   */
  record Fatal<T>(int status, String reason) implements BulkResult<T> {
  }

  /**
   * One document OpenSearch will never accept.
   *
   * @param op     the operation
   * @param status HTTP status of the item (or of the request, when a request of this one document was rejected)
   * @param reason OpenSearch's error type and reason
   * @param <T>    origin type
   */
  record DocumentRejection<T>(IndexOp<T> op, int status, String reason) {
  }
}
