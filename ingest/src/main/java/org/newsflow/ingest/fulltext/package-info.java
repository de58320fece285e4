/** Full text for summary-only feed entries: article pages fetched politely (robots.txt), extracted, retried. */
package org.newsflow.ingest.fulltext;
