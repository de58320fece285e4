/** The sink service: the Kafka consumer loop that commits offsets only after documents are written. */
package org.newsflow.sink.service;
