/** Fetching feed documents over HTTP (java.net.http) or from local files, with timeouts, size limits and an SSRF guard. */
package org.newsflow.ingest.fetch;
