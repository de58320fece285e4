/** Publishing articles and feed status to Kafka. */
package org.newsflow.ingest.publish;
