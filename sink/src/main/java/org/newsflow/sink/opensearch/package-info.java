/** Connecting to OpenSearch (URLs, basic auth, TLS with a custom CA) and setting up the index template and write alias. */
package org.newsflow.sink.opensearch;
