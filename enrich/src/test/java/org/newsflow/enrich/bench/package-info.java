/** Benchmarks of the enrich topology and its clustering component: plain mains, commands in docs/benchmarks-topology.md. */
package org.newsflow.enrich.bench;
