/** Benchmarks of ingest (plain main methods; commands and figures in docs/benchmarks-ingest.md). */
package org.newsflow.ingest.bench;
