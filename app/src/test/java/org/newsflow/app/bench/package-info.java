/** Benchmarks of the whole pipeline, run as mains with scripts/run-main.sh (not part of the test suite). */
package org.newsflow.app.bench;
