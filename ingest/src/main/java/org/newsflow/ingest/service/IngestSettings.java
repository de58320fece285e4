package org.newsflow.ingest.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

/** The settings of the ingest service, declared once. */
public final class IngestSettings {

  private IngestSettings() {
  }

  /** Feeds file. */
  public static final Setting<Path> FEEDS_FILE = Setting.of("ingest.feeds.file", SettingType.PATH)
      .doc("Feeds file (YAML `feeds: [{url, name?, interval?, tags?}]`, or one URL/path per line).");

  /** Default poll interval. */
  public static final Setting<Duration> POLL_INTERVAL = Setting.of("ingest.poll.interval", SettingType.DURATION)
      .defaultValue(Duration.ofMinutes(5))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .doc("How often a feed is polled unless its entry in the feeds file says otherwise.");

  /** Longest backoff after failures. */
  public static final Setting<Duration> MAX_BACKOFF = Setting.of("ingest.backoff.max", SettingType.DURATION)
      .defaultValue(Duration.ofHours(1))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .doc("Longest wait between retries of a failing feed (backoff doubles from the poll interval up to this).");

  /** Connect timeout. */
  public static final Setting<Duration> CONNECT_TIMEOUT = Setting.of("ingest.http.connect.timeout", SettingType.DURATION)
      .defaultValue(Duration.ofSeconds(10))
      .rule(d -> d.toMillis() > 0, "is positive")
      .doc("TCP/TLS connect timeout for feed requests.");

  /** Total timeout. */
  public static final Setting<Duration> TOTAL_TIMEOUT = Setting.of("ingest.http.timeout", SettingType.DURATION)
      .defaultValue(Duration.ofSeconds(30))
      .rule(d -> d.toMillis() > 0, "is positive")
      .doc("Limit for a whole feed request, body included.");

  /** Body cap. */
  public static final Setting<Long> MAX_BODY = Setting.of("ingest.max.body.bytes", SettingType.LONG)
      .defaultValue(10L * 1024 * 1024)
      .rule(n -> n >= 1024, "is at least 1kb")
      .doc("Largest feed document accepted, after decompression (accepts kb/mb/gb suffixes).");

  /** User-Agent. */
  public static final Setting<String> USER_AGENT = Setting.of("ingest.user.agent", SettingType.STRING)
      .defaultValue("newsflow/0.1 (+https://github.com/newsflow)")
      .rule(s -> !s.isBlank(), "is not blank")
      .doc("User-Agent header sent with feed requests.");

  /** Local files allowed. */
  public static final Setting<Boolean> ALLOW_FILES = Setting.of("ingest.allow.files", SettingType.BOOLEAN)
      .defaultValue(true)
      .doc("Whether feeds may be local files (file: URLs or paths). Turn off when feed URLs come from untrusted users.");

  /** SSRF allow list. */
  public static final Setting<List<String>> ALLOWED_INTERNAL = Setting.of("ingest.allowed.internal.addresses", SettingType.LIST)
      .defaultValue(List.of())
      .rule(IngestSettings::validCidrs, "is a comma-separated list of IP addresses or CIDR blocks")
      .doc("Loopback/private/link-local addresses or CIDR blocks feeds may resolve to (all refused by default, against SSRF).");

  /** All ingest settings. */
  public static List<Setting<?>> all() {
    return List.of(FEEDS_FILE, POLL_INTERVAL, MAX_BACKOFF, CONNECT_TIMEOUT, TOTAL_TIMEOUT, MAX_BODY, USER_AGENT,
        ALLOW_FILES, ALLOWED_INTERNAL);
  }

  private static boolean validCidrs(List<String> list) {
    try {
      new org.newsflow.ingest.fetch.AddressGuard(list);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
