/** The taggers newsflow ships with, wired together; apart, so the tagging seams never import them. */
package org.newsflow.enrich.tagging.shipped;
