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

  /** First backoff. */
  public static final Setting<Duration> INITIAL_BACKOFF = Setting.of("ingest.backoff.initial", SettingType.DURATION)
      .defaultValue(Duration.ofMinutes(1))
      .rule(d -> d.toMillis() >= 10, "is at least 10ms")
      .doc("Wait after a feed's first failed poll; doubles with each further failure (with jitter) up to "
          + "ingest.backoff.max. A Retry-After from the server replaces it.");

  /** Longest backoff after failures. */
  public static final Setting<Duration> MAX_BACKOFF = Setting.of("ingest.backoff.max", SettingType.DURATION)
      .defaultValue(Duration.ofHours(1))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .notBelow(INITIAL_BACKOFF)
      .doc("Longest wait between retries of a failing feed (backoff doubles from ingest.backoff.initial up to this); "
          + "failing feeds keep being retried at this pace, never disabled.");

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

  /** Shortest adaptive interval. */
  public static final Setting<Duration> POLL_INTERVAL_MIN = Setting.of("ingest.poll.interval.min", SettingType.DURATION)
      .defaultValue(Duration.ofMinutes(1))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .doc("Shortest interval a feed's publishing rate can earn it (feeds without an interval of their own).");

  /** Longest adaptive interval. */
  public static final Setting<Duration> POLL_INTERVAL_MAX = Setting.of("ingest.poll.interval.max", SettingType.DURATION)
      .defaultValue(Duration.ofHours(2))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .notBelow(POLL_INTERVAL_MIN)
      .doc("Longest interval of a quiet feed; also the most that a feed's ttl, sy:updatePeriod or Cache-Control "
          + "max-age can stretch its interval to.");

  /** Adaptive intervals on/off. */
  public static final Setting<Boolean> POLL_ADAPTIVE = Setting.of("ingest.poll.adaptive", SettingType.BOOLEAN)
      .defaultValue(true)
      .doc("Whether feeds without an interval of their own are polled at half the median gap between their entries "
          + "(within the min/max intervals) instead of at ingest.poll.interval.");


  /** Requests in flight per host. */
  public static final Setting<Integer> HOST_CONCURRENCY = Setting.of("ingest.host.max.concurrent", SettingType.INT)
      .defaultValue(2)
      .rule(n -> n >= 1, "is at least 1")
      .doc("Most requests in flight to one host at a time.");

  /** Politeness delay. */
  public static final Setting<Duration> HOST_DELAY = Setting.of("ingest.host.delay", SettingType.DURATION)
      .defaultValue(Duration.ofMillis(500))
      .rule(d -> !d.isNegative(), "is not negative")
      .doc("Least time between the starts of two requests to one host (politeness); 0 for none.");

  /** Consumer group of the registry. */
  public static final Setting<String> GROUP_ID = Setting.of("ingest.group.id", SettingType.STRING)
      .defaultValue("newsflow-ingest")
      .rule(s -> !s.isBlank(), "is not blank")
      .doc("Consumer group the ingest instances share the feed registry (news.feeds) through; each instance polls "
          + "the feeds of the partitions it is assigned.");

  /** Failover time. */
  public static final Setting<Duration> SESSION_TIMEOUT = Setting.of("ingest.registry.session.timeout", SettingType.DURATION)
      .defaultValue(Duration.ofSeconds(15))
      .rule(d -> d.toMillis() >= 6000 && d.toMillis() <= 300_000, "is between 6s and 5m (broker limits)")
      .doc("How long an ingest instance that stopped answering keeps its feeds before the others take them over.");

  /** Article pages on/off. */
  public static final Setting<Boolean> FULLTEXT_ENABLED = Setting.of("ingest.fulltext.enabled", SettingType.BOOLEAN)
      .defaultValue(true)
      .doc("Whether entries with short texts (see ingest.fulltext.min.words) and all entries of feeds marked "
          + "`fullText: true` get their article page fetched (robots.txt obeyed) and its main text extracted.");

  /** Short-text threshold. */
  public static final Setting<Integer> FULLTEXT_MIN_WORDS = Setting.of("ingest.fulltext.min.words", SettingType.INT)
      .defaultValue(80)
      .rule(n -> n >= 0, "is not negative")
      .doc("Entries whose text has fewer words than this get their article page fetched; 0 fetches pages only for "
          + "feeds marked `fullText: true`.");

  /** First page retry. */
  public static final Setting<Duration> FULLTEXT_RETRY_DELAY = Setting.of("ingest.fulltext.retry.delay",
          SettingType.DURATION)
      .defaultValue(Duration.ofMinutes(5))
      .rule(d -> d.toMillis() >= 10, "is at least 10ms")
      .doc("Wait before an article page that failed is fetched again (at the feed's next poll after it); doubles "
          + "with each further failure. The entry is published with its summary meanwhile and revised when the page "
          + "arrives.");

  /** Page attempts. */
  public static final Setting<Integer> FULLTEXT_ATTEMPTS = Setting.of("ingest.fulltext.attempts", SettingType.INT)
      .defaultValue(4)
      .rule(n -> n >= 1 && n <= 20, "is between 1 and 20")
      .doc("Fetches of one article page per entry revision at most (the first one included) before it is given up.");

  /** robots.txt cache time. */
  public static final Setting<Duration> ROBOTS_TTL = Setting.of("ingest.robots.ttl", SettingType.DURATION)
      .defaultValue(Duration.ofHours(1))
      .rule(d -> !d.isNegative(), "is not negative")
      .doc("How long a host's robots.txt is kept before it is fetched again (an unreachable one: 10 minutes, "
          + "during which the host's pages are not fetched).");

  /** All ingest settings. */
  public static List<Setting<?>> all() {
    return List.of(FEEDS_FILE, POLL_INTERVAL, POLL_INTERVAL_MIN, POLL_INTERVAL_MAX, POLL_ADAPTIVE, INITIAL_BACKOFF,
        MAX_BACKOFF, CONNECT_TIMEOUT, TOTAL_TIMEOUT, MAX_BODY, USER_AGENT, ALLOW_FILES, ALLOWED_INTERNAL,
        HOST_CONCURRENCY, HOST_DELAY, GROUP_ID, SESSION_TIMEOUT, FULLTEXT_ENABLED, FULLTEXT_MIN_WORDS,
        FULLTEXT_RETRY_DELAY, FULLTEXT_ATTEMPTS, ROBOTS_TTL);
  }

  /** The article page options of a configuration. */
  public static org.newsflow.ingest.fulltext.FullTextOptions fullText(org.newsflow.common.config.Config config) {
    return new org.newsflow.ingest.fulltext.FullTextOptions(config.get(FULLTEXT_ENABLED),
        config.get(FULLTEXT_MIN_WORDS), config.get(FULLTEXT_RETRY_DELAY), config.get(FULLTEXT_ATTEMPTS),
        config.get(ROBOTS_TTL));
  }

  /** The poll policy of a configuration. */
  public static org.newsflow.ingest.schedule.PollPolicy policy(org.newsflow.common.config.Config config) {
    // the order of minimum and maximum was checked when the config was loaded (notBelow)
    return new org.newsflow.ingest.schedule.PollPolicy(config.get(POLL_INTERVAL), config.get(POLL_INTERVAL_MIN),
        config.get(POLL_INTERVAL_MAX), config.get(INITIAL_BACKOFF),
        config.get(MAX_BACKOFF), config.get(POLL_ADAPTIVE));
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
