/** Benchmarks of the taggers, the topology and its clustering: plain mains run by hand, commands in docs/BENCHMARKS.md. */
package org.newsflow.enrich.bench;
