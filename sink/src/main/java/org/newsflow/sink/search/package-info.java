/** Querying the article index: full text with entity, topic, time and feed filters, and facet counts. */
package org.newsflow.sink.search;
