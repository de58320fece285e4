package org.newsflow.enrich.tagging;

/** Detects the language of a text. Implementations are thread-safe. */
public interface LanguageDetector {

  /** Code returned when the language cannot be told. */
  String UNKNOWN = "und";

  /**
   * @param text any text
   * @return ISO 639-1 code such as {@code en}, or {@link #UNKNOWN}
   */
  String detect(String text);
}
