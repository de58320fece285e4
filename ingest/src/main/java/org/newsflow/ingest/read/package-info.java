/** Reading one feed document: the fetch, parse and normalise steps the poller and {@code newsflow parse} share. */
package org.newsflow.ingest.read;
