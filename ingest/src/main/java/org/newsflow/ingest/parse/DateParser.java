package org.newsflow.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the dates feeds really contain: RFC 822/1123 with or without weekday and seconds, two-digit years, and
 * zone names (GMT, EST, PDT ...); ISO 8601 with or without offset or time; a bare number as Unix time (seconds, or
 * milliseconds when it has 12 or 13 digits). Dates that do not exist (February 30, month 13, hour 25) are not read
 * as some other day, and only years 0000-9999 are accepted (what an ISO 8601 {@code date-time} can say). Returns
 * null for anything else.
 */
public final class DateParser {

  private static final Map<String, String> ZONES = Map.ofEntries(
      Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
      Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
      Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
      Map.entry("BST", "+0100"), Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("IST", "+0530"),
      Map.entry("JST", "+0900"), Map.entry("AEST", "+1000"), Map.entry("AEDT", "+1100"));

  private static final List<DateTimeFormatter> RFC822 = List.of(
      rfc("EEE, d MMM yyyy HH:mm:ss Z"), rfc("EEE, d MMM yyyy HH:mm Z"), rfc("d MMM yyyy HH:mm:ss Z"),
      rfc("d MMM yyyy HH:mm Z"),
      rfc("EEE, d MMM yyyy HH:mm:ss"), rfc("EEE, d MMMM yyyy HH:mm:ss Z"));

  private DateParser() {
  }

  /** The instant a date string means, or null when it is missing or cannot be read. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip().replaceAll("\\s+", " ");
    return bounded(read(s));
  }

  /** {@code i} when its year is within 0000-9999, else null. */
  public static Instant bounded(Instant i) {
    return i == null || i.isBefore(MIN) || i.isAfter(MAX) ? null : i;
  }

  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static Instant read(String s) {
    if (UNIX_TIME.matcher(s).matches()) {
      long n = Long.parseLong(s);
      return s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    if (s.length() > 64) {
      return null; // no date is this long; spare the formatters
    }
    // only text that starts like an ISO date goes to the ISO parsers: each failed parse throws, and most feeds
    // write RFC 822 dates
    Instant iso = startsLikeIsoDate(s) ? parseIso(s) : null;
    if (iso != null) {
      return iso;
    }
    String normal = replaceZoneName(expandTwoDigitYear(s));
    for (DateTimeFormatter f : RFC822) {
      try {
        return ZonedDateTime.parse(normal, f).toInstant();
      } catch (DateTimeParseException e) {
        // try the next variant
      }
      try {
        return LocalDateTime.parse(normal, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the next variant
      }
    }
    return null;
  }

  private static boolean startsLikeIsoDate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Instant parseIso(String s) {
    try {
      return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      // not an offset date-time
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final java.util.regex.Pattern UNIX_TIME = java.util.regex.Pattern.compile("\\d{9,10}|\\d{12,13}");

  private static final java.util.regex.Pattern TWO_DIGIT_YEAR =
      java.util.regex.Pattern.compile("^((?:[A-Za-z]{3,9},?\\s+)?\\d{1,2}\\s+[A-Za-z]{3,9}\\s+)(\\d{2})(\\s)");

  /** RFC 822 allows two-digit years; read 00-69 as 20xx and 70-99 as 19xx. */
  private static String expandTwoDigitYear(String s) {
    java.util.regex.Matcher m = TWO_DIGIT_YEAR.matcher(s);
    if (!m.find()) {
      return s;
    }
    int yy = Integer.parseInt(m.group(2));
    return m.group(1) + (yy < 70 ? 2000 + yy : 1900 + yy) + m.group(3) + s.substring(m.end());
  }

  private static String replaceZoneName(String s) {
    int space = s.lastIndexOf(' ');
    if (space < 0) {
      return s;
    }
    String zone = s.substring(space + 1).toUpperCase(Locale.ROOT);
    String offset = ZONES.get(zone);
    return offset == null ? s : s.substring(0, space + 1) + offset;
  }

  private static DateTimeFormatter rfc(String pattern) {
    // strict resolution: February 30 is no date at all, not March 1 ("uuuu": a year without era, as strict needs)
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern.replace("yyyy", "uuuu"))
        .toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }
  /**
   * An entry's date: its text read strictly when the walk found it (Rome's lenient reading turns February 30 into
   * March 1 and a Unix time into a year before Christ), else Rome's date within the years an ISO date can write.
   */
  static Instant entryDate(String text, java.util.Date rome) {
    if (text != null) {
      Instant strict = parse(text);
      if (strict != null || rome == null || looksNumericOrIso(text)) {
        return strict;
      }
    }
    return rome == null ? null : bounded(rome.toInstant());
  }

  /** Texts in the shapes our parser reads fully: when it refuses one, the date does not exist. */
  private static boolean looksNumericOrIso(String text) {
    return text.matches("\\s*(?:\\d+|[+-]?\\d{4,}-\\d{1,2}-\\d{1,2}.*)") || RFC822_SHAPE.matcher(text).find();
  }

  private static final java.util.regex.Pattern RFC822_SHAPE =
      java.util.regex.Pattern.compile("^\\s*(?:[A-Za-z]{3,9},?\\s+)?\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{2,4}\\s+\\d");
}
