/** In-process Kafka broker and OpenSearch node for the all-in-one mode and the integration tests. */
package org.newsflow.common.embedded;
