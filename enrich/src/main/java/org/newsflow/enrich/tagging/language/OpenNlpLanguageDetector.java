package org.newsflow.enrich.tagging.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;
import org.newsflow.enrich.tagging.LanguageDetector;

/**
 * {@link LanguageDetector} backed by Apache OpenNLP's maximum-entropy language detector and its {@code
 * langdetect-183} model (103 languages, from the {@code opennlp-models-langdetect} artifact). OpenNLP answers in
 * ISO 639-3; this class maps to ISO 639-1 and answers {@link #UNKNOWN} for text that is empty, too short to tell,
 * mostly not letters, or whose best guess barely beats the runner-up, and for languages without a 639-1 code.
 *
 * <p>Thread-safe (OpenNLP's thread-safe wrapper keeps one detector per thread over the shared model). Odd text gets
 * {@link #UNKNOWN}; a failure inside OpenNLP is not hidden but thrown, for the caller to report. Load once: the model takes one to two seconds and about 40 MB of heap.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

  /** Classpath location of the model inside the OpenNLP models artifact. */
  public static final String MODEL_RESOURCE = "langdetect-183.bin";
  /** Fewer letters than this are not enough to tell a language. */
  public static final int MIN_LETTERS = 12;
  /**
   * The best language must be this many times as probable as the runner-up. The model spreads probability over
   * 103 languages, so even a clear sentence gets a best probability under 0.1: the margin over the runner-up is
   * what separates a sentence (ratio 1.4 and up) from gibberish (about 1.0).
   */
  public static final double MIN_RATIO_TO_RUNNER_UP = 1.3;
  /** Only this many leading characters are read: more rarely changes the answer and costs time linearly. */
  public static final int MAX_CHARS = 500;

  /** ISO 639-3 individual languages the model uses where ISO 639-1 names the macro-language. */
  private static final Map<String, String> MACRO_LANGUAGES = Map.ofEntries(
      Map.entry("cmn", "zh"), Map.entry("pes", "fa"), Map.entry("prs", "fa"), Map.entry("zsm", "ms"),
      Map.entry("ekk", "et"), Map.entry("lvs", "lv"), Map.entry("nob", "nb"), Map.entry("nno", "nn"),
      Map.entry("swh", "sw"), Map.entry("uzn", "uz"), Map.entry("azj", "az"), Map.entry("khk", "mn"),
      Map.entry("arb", "ar"), Map.entry("plt", "mg"), Map.entry("npi", "ne"), Map.entry("ory", "or"),
      Map.entry("gug", "gn"), Map.entry("quz", "qu"), Map.entry("ydd", "yi"), Map.entry("als", "sq"),
      Map.entry("lav", "lv"), Map.entry("est", "et"), Map.entry("msa", "ms"), Map.entry("fas", "fa"),
      Map.entry("zho", "zh"), Map.entry("nor", "no"));

  private final ThreadSafeLanguageDetectorME detector;
  private final Map<String, String> toIso1;

  /** @param model a language detector model, e.g. from {@link #loadDefault()} */
  public OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.detector = new ThreadSafeLanguageDetectorME(model);
    Map<String, String> m = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        m.put(Locale.of(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // a two-letter code without a three-letter one cannot be an answer of the model
      }
    }
    m.putAll(MACRO_LANGUAGES);
    this.toIso1 = Map.copyOf(m);
  }

  /** @return a detector over the model shipped in the {@code opennlp-models-langdetect} artifact */
  public static OpenNlpLanguageDetector loadDefault() {
    try (InputStream in = OpenNlpLanguageDetector.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + MODEL_RESOURCE
            + " (org.apache.opennlp:opennlp-models-langdetect)");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String detect(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (!mostlyLetters(sample)) {
      return UNKNOWN;
    }
    Language[] ranked = detector.predictLanguages(sample);
    if (ranked == null || ranked.length == 0) {
      return UNKNOWN;
    }
    if (ranked.length > 1 && ranked[0].getConfidence() < MIN_RATIO_TO_RUNNER_UP * ranked[1].getConfidence()) {
      return UNKNOWN;
    }
    return toIso1.getOrDefault(ranked[0].getLang(), UNKNOWN);
  }

  private static boolean mostlyLetters(String s) {
    int letters = 0;
    int visible = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
      }
      if (!Character.isWhitespace(cp)) {
        visible++;
      }
      i += Character.charCount(cp);
    }
    return letters >= MIN_LETTERS && letters * 2 >= visible;
  }
}
