package org.newsflow.enrich.tagging.text;

/**
 * One token of a text.
 *
 * @param text  the token as it appears, equal to {@code source.substring(start, end)}
 * @param start start offset (inclusive), a Java String index into the source
 * @param end   end offset (exclusive)
 */
public record Token(String text, int start, int end) {}
