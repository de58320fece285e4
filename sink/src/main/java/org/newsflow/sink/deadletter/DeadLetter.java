package org.newsflow.sink.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record to set aside: unreadable as an article, or rejected by OpenSearch.
 *
 * @param record    the record as read
 * @param exception exception class or OpenSearch error kind ({@code opensearch.<status>})
 * @param message   why, for the dead-letter header
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, String exception, String message) {
}
