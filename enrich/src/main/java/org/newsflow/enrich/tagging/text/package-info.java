/** News-suited tokenisation and sentence splitting that keeps every token's character offsets. */
package org.newsflow.enrich.tagging.text;
