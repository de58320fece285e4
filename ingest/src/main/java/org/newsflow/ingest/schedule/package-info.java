/** When feeds are polled: interval policy with backoff and feed hints, and per-host politeness. */
package org.newsflow.ingest.schedule;
