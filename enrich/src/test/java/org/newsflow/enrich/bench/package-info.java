/** Throughput benchmarks of the taggers, run by hand (plain mains, not part of the test suite). */
package org.newsflow.enrich.bench;
