package org.newsflow.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a setting's text is turned into a typed value.
 *
 * @param name  what the type is called in messages and docs
 * @param parse text to value; throws IllegalArgumentException with a reason on bad input
 * @param <T>   the value type
 */
public record SettingType<T>(String name, Function<String, T> parse) {

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");

  /** Free text. */
  public static final SettingType<String> STRING = new SettingType<>("string", s -> s);

  /** A 32-bit integer. */
  public static final SettingType<Integer> INT = new SettingType<>("int", s -> {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  });

  /** A 64-bit integer; accepts the suffixes kb, mb, gb for byte sizes. */
  public static final SettingType<Long> LONG = new SettingType<>("long", SettingType::parseLong);

  /** true/false (also yes/no, on/off). */
  public static final SettingType<Boolean> BOOLEAN = new SettingType<>("boolean", s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
    case "true", "yes", "on", "1" -> true;
    case "false", "no", "off", "0" -> false;
    default -> throw new IllegalArgumentException("not true or false");
  });

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT30S}. */
  public static final SettingType<Duration> DURATION = new SettingType<>("duration", SettingType::parseDuration);

  /** A comma-separated list of non-empty items. */
  public static final SettingType<List<String>> LIST = new SettingType<>("list", s -> Arrays.stream(s.split(","))
      .map(String::trim).filter(x -> !x.isEmpty()).toList());

  /** A file system path. */
  public static final SettingType<Path> PATH = new SettingType<>("path", s -> Path.of(s.trim()));

  private static Duration parseDuration(String text) {
    String s = text.trim();
    Matcher m = SIMPLE_DURATION.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a duration (write e.g. 500ms, 30s, 5m, 1h)");
    }
  }

  private static long parseLong(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (s.endsWith("kb")) {
      factor = 1024;
    } else if (s.endsWith("mb")) {
      factor = 1024 * 1024;
    } else if (s.endsWith("gb")) {
      factor = 1024L * 1024 * 1024;
    }
    if (factor > 1) {
      s = s.substring(0, s.length() - 2).trim();
    }
    try {
      return Math.multiplyExact(Long.parseLong(s), factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a whole number (byte sizes may end in kb, mb or gb)");
    }
  }
}
