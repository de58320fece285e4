/** Publishing articles, feed health and pollers' memory to Kafka. */
package org.newsflow.ingest.publish;
