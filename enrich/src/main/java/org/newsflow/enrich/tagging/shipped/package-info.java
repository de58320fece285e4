/** The taggers newsflow ships with, wired together (kept apart so the tagging seams never import their implementations). */
package org.newsflow.enrich.tagging.shipped;
