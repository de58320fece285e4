/** Rounds of consumed records: gathered into bulk-sized rounds, mapped to index operations, completed in order. */
package org.newsflow.sink.round;
