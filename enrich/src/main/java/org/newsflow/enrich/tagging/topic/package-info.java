/** IPTC Media Topics tagging of English news with a hashed-feature linear model trained from BBC news and the IPTC vocabulary. */
package org.newsflow.enrich.tagging.topic;
