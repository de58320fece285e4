/** The named-entity tagger: averaged-perceptron sequence model, training, evaluation, canonicalisation and linking. */
package org.newsflow.enrich.tagging.entity;
