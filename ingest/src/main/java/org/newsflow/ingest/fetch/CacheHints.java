package org.newsflow.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the scheduling hints servers put in HTTP headers: Cache-Control max-age and Retry-After. */
public final class CacheHints {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");
  /** Servers ask for absurd waits by mistake; a day is the most any single hint may delay a feed. */
  private static final Duration LONGEST = Duration.ofDays(1);

  private CacheHints() {
  }

  /** Cache-Control max-age of a response, null when absent, zero or no-cache/no-store. */
  public static Duration maxAge(HttpHeaders headers) {
    return maxAge(headers.firstValue("Cache-Control").orElse(null));
  }

  /** Cache-Control max-age of a header value, null when absent, zero or no-cache/no-store. */
  public static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    String cc = cacheControl.toLowerCase(Locale.ROOT);
    if (cc.contains("no-cache") || cc.contains("no-store")) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cc);
    if (!m.find()) {
      return null;
    }
    long seconds = Long.parseLong(m.group(1));
    return seconds <= 0 ? null : cap(Duration.ofSeconds(seconds));
  }

  /**
   * The wait a Retry-After header asks for: delay-seconds or an HTTP date.
   *
   * @return the wait (zero when the date has passed), or null when the header is absent or unreadable
   */
  public static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return cap(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return LONGEST;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : cap(d);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration cap(Duration d) {
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }
}
