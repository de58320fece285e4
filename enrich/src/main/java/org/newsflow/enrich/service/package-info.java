/** The enrich service: settings, Kafka Streams lifecycle and health. */
package org.newsflow.enrich.service;
