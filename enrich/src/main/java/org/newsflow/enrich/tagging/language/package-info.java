/** Language detection of article text (ISO 639-1), backed by Apache OpenNLP's language detector model. */
package org.newsflow.enrich.tagging.language;
