/** Kafka client helpers shared by the stages: serdes, client properties and topic creation. */
package org.newsflow.common.kafka;
