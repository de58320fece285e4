package org.newsflow.enrich.tagging.entity;

/**
 * A tagged name: tokens {@code start} (inclusive) to {@code end} (exclusive) of a sentence.
 *
 * @param start first token index
 * @param end   one past the last token index
 * @param type  CoNLL type: PER, ORG, LOC or MISC
 */
public record Span(int start, int end, String type) {}
