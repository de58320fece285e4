/** Mapping articles to search documents and writing them with the bulk API, classifying per-document failures. */
package org.newsflow.sink.index;
