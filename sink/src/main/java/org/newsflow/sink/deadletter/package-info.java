/** Records the sink sets aside: what they are, and writing them to the dead-letter topic with their origin. */
package org.newsflow.sink.deadletter;
