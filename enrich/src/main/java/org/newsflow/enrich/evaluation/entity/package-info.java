/** Measuring entity tagging on CoNLL files: strict span scores of the model alone and of the whole tagger. */
package org.newsflow.enrich.evaluation.entity;
