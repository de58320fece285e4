/** The Kafka topics of the pipeline: names (with a configurable prefix), keys, value serdes and cleanup policies. */
package org.newsflow.common.topics;
