/** Entity, topic and language tagging as plain Java: no Kafka types, shared by the topology and `newsflow tag`. */
package org.newsflow.enrich.tagging;
