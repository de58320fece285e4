/** Benchmarks of ingest (plain main methods; commands and figures in docs/BENCHMARKS.md). */
package org.newsflow.ingest.bench;
