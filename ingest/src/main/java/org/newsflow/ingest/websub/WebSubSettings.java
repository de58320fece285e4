package org.newsflow.ingest.websub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

/** Settings of WebSub push delivery; off unless {@link #CALLBACK_URL} is set. */
public final class WebSubSettings {

  private WebSubSettings() {
  }

  /** The public base URL hubs call back. */
  public static final Setting<String> CALLBACK_URL = Setting.of("ingest.websub.callback.url", SettingType.STRING)
      .rule(WebSubSettings::isHttpUrl, "is an absolute http(s) URL")
      .doc("Public base URL under which hubs reach this service's WebSub endpoint (it appends /websub/<feed id>), "
          + "e.g. https://newsflow.example.org. Unset: no WebSub, feeds are only polled.");

  /** Bind address of the callback endpoint. */
  public static final Setting<String> HOST = Setting.of("ingest.websub.host", SettingType.STRING)
      .defaultValue("127.0.0.1")
      .rule(s -> !s.isBlank(), "is a host name or address")
      .doc("Address the WebSub callback endpoint binds to: 127.0.0.1 behind a reverse proxy, 0.0.0.0 to serve "
          + "hubs directly.");

  /** Port of the callback endpoint. */
  public static final Setting<Integer> PORT = Setting.of("ingest.websub.port", SettingType.INT)
      .defaultValue(8090)
      .rule(n -> n >= 0 && n <= 65535, "is a port number, 0 for any free port")
      .doc("Port of the WebSub callback endpoint (separate from the admin port).");

  /** Largest pushed body. */
  public static final Setting<Long> MAX_BODY = Setting.of("ingest.websub.max.body.bytes", SettingType.LONG)
      .defaultValue(5L * 1024 * 1024)
      .rule(n -> n >= 1024, "is at least 1kb")
      .doc("Largest body a hub may push; larger ones get 413 before they are read (accepts kb/mb suffixes).");

  /** Request rate limit. */
  public static final Setting<Integer> RATE_LIMIT = Setting.of("ingest.websub.rate.limit", SettingType.INT)
      .defaultValue(50)
      .rule(n -> n >= 1 && n <= 100_000, "is between 1 and 100000")
      .doc("Requests a second the callback endpoint accepts on average (bursts of as many); more get 429.");

  /** Lease asked for. */
  public static final Setting<Duration> LEASE = Setting.of("ingest.websub.lease", SettingType.DURATION)
      .defaultValue(Duration.ofDays(7))
      .rule(d -> d.toSeconds() >= 1, "is at least 1s")
      .doc("Lease asked of the hub; the hub may grant another. Renewed before it runs out.");

  /** How long before a lease ends it is renewed. */
  public static final Setting<Duration> RENEW_BEFORE = Setting.of("ingest.websub.renew.before", SettingType.DURATION)
      .defaultValue(Duration.ofHours(1))
      .rule(d -> d.toMillis() >= 100, "is at least 100ms")
      .doc("Renew a lease this long before it ends (at most half the granted lease).");

  /** All WebSub settings. */
  public static List<Setting<?>> all() {
    return List.of(CALLBACK_URL, HOST, PORT, MAX_BODY, RATE_LIMIT, LEASE, RENEW_BEFORE);
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = URI.create(s.trim());
      return u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
