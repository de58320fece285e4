package org.newsflow.sink.round;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsflow.sink.index.IndexOp;

/**
 * The operations of one bulk request and the round they belong to.
 *
 * @param round the round
 * @param ops   the operations, each with the record it came from
 */
public record Chunk(Round round, List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops) {

  /** Copies the list. */
  public Chunk {
    ops = List.copyOf(ops);
  }
}
