/** The sliding window of bulk requests in flight: the next waiting request goes out as soon as one finishes. */
package org.newsflow.sink.window;
