package org.newsflow.sink.index;

import java.util.List;

/**
 * What a bulk request did to each operation.
 *
 * @param written   operations applied, or already superseded by a newer version (nothing to do)
 * @param retry     operations that failed transiently (429, 5xx) and should be sent again
 * @param rejected  operations OpenSearch will never accept (mapping errors ...), for the dead-letter topic
 * @param <T>       origin type
 */
public record BulkOutcome<T>(int written, List<IndexOp<T>> retry, List<Rejected<T>> rejected) {

  /** Copies the lists. */
  public BulkOutcome {
    retry = List.copyOf(retry);
    rejected = List.copyOf(rejected);
  }

  /**
   * A permanently failed operation.
   *
   * @param op     the operation
   * @param status HTTP status of the item
   * @param reason OpenSearch's error type and reason
   * @param <T>    origin type
   */
  public record Rejected<T>(IndexOp<T> op, int status, String reason) {
  }
}
