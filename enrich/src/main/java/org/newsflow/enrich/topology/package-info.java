/** The Kafka Streams topology of enrich, built by one factory method that production and tests share. */
package org.newsflow.enrich.topology;
