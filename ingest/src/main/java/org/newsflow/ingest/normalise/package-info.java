/** Turning feed entries into Articles: canonical URLs, stable ids, dates, sanitised HTML and plain text. */
package org.newsflow.ingest.normalise;
