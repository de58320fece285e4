/** Story clustering as plain Java: word shingles, MinHash signatures and LSH banding over a pluggable index. */
package org.newsflow.enrich.cluster;
