/** WebSub push delivery: hub discovery, subscriptions kept in Kafka, the signed callback endpoint, lease renewal. */
package org.newsflow.ingest.websub;
