/** Training of the entity model from CoNLL files and unlabeled text; not used at run time. */
package org.newsflow.enrich.training.entity;
