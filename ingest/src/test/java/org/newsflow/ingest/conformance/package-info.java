/** Conformance of the parser and sanitiser against Python feedparser's test feeds (read from a given directory). */
package org.newsflow.ingest.conformance;
