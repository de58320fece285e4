package org.newsflow.common.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One setting, declared once: its key, type, default, validation and documentation. The environment variable is
 * derived from the key ({@code ingest.poll.interval} → {@code NEWSFLOW_INGEST_POLL_INTERVAL}).
 *
 * @param key          dotted key as written in the config file
 * @param type         how the text is parsed
 * @param defaultValue the value when nothing sets it; {@code null} means optional with no value
 * @param rule         validation of the parsed value
 * @param ruleText     the rule in words, e.g. "must be positive", shown in errors and docs
 * @param doc          what the setting does
 * @param secret       whether the value is masked when the effective configuration is logged
 * @param notBelow     another setting of the same type that this one must not be below ({@code null} for none);
 *                     checked by {@link Config#load} across all sources, so a pair that contradicts itself stops
 *                     the service at start like any other bad value
 * @param <T>          value type
 */
public record Setting<T>(String key, SettingType<T> type, T defaultValue, Predicate<? super T> rule, String ruleText,
                         String doc, boolean secret, Setting<T> notBelow) {

  /** Checks the declaration itself. */
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(doc, "doc");
    if (defaultValue != null && !rule.test(defaultValue)) {
      throw new IllegalArgumentException("default of " + key + " breaks its own rule: " + ruleText);
    }
  }

  /** Starts a declaration. */
  public static <T> Builder<T> of(String key, SettingType<T> type) {
    return new Builder<>(key, type);
  }

  /** The environment variable that overrides this setting. */
  public String envName() {
    return "NEWSFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Fluent declaration of a {@link Setting}. */
  public static final class Builder<T> {
    private final String key;
    private final SettingType<T> type;
    private T defaultValue;
    private Predicate<? super T> rule = v -> true;
    private String ruleText = "";
    private boolean secret;
    private Setting<T> notBelow;

    private Builder(String key, SettingType<T> type) {
      this.key = key;
      this.type = type;
    }

    /** The default value. */
    public Builder<T> defaultValue(T value) {
      this.defaultValue = value;
      return this;
    }

    /** A validation rule with its wording, e.g. {@code rule(d -> !d.isNegative(), "must not be negative")}. */
    public Builder<T> rule(Predicate<? super T> rule, String text) {
      this.rule = rule;
      this.ruleText = text;
      return this;
    }

    /**
     * Requires this setting's value to be at least that of {@code lower} (a minimum and a maximum, two
     * thresholds that must stay in order). Only for comparable types.
     */
    public Builder<T> notBelow(Setting<T> lower) {
      if (lower.defaultValue() != null && !(lower.defaultValue() instanceof Comparable<?>)) {
        throw new IllegalArgumentException(key + ": notBelow needs a comparable type");
      }
      this.notBelow = lower;
      return this;
    }

    /** Masks the value in logs. */
    public Builder<T> secret() {
      this.secret = true;
      return this;
    }

    /** Completes the declaration with its documentation. */
    public Setting<T> doc(String doc) {
      return new Setting<>(key, type, defaultValue, rule, ruleText, doc, secret, notBelow);
    }
  }
}
