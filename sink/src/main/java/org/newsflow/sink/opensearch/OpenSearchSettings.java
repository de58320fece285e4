package org.newsflow.sink.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsflow.common.config.Setting;
import org.newsflow.common.config.SettingType;

/** How to reach OpenSearch; read by the sink and by `newsflow search`. */
public final class OpenSearchSettings {

  private OpenSearchSettings() {
  }

  /** Node URLs. */
  public static final Setting<List<String>> URLS = Setting.of("opensearch.urls", SettingType.LIST)
      .defaultValue(List.of("http://127.0.0.1:9200"))
      .rule(l -> !l.isEmpty() && l.stream().allMatch(u -> u.matches("(?i)^https?://[^/\\s]+/?$")),
          "is a comma-separated list of http(s)://host:port URLs")
      .doc("OpenSearch node URLs (http or https).");

  /** Basic auth user. */
  public static final Setting<String> USERNAME = Setting.of("opensearch.username", SettingType.STRING)
      .doc("User for HTTP basic authentication; unset for none.");

  /** Basic auth password. */
  public static final Setting<String> PASSWORD = Setting.of("opensearch.password", SettingType.STRING).secret()
      .doc("Password for HTTP basic authentication.");

  /** CA certificate. */
  public static final Setting<Path> CA_FILE = Setting.of("opensearch.ca.file", SettingType.PATH)
      .rule(Files::isReadable, "names a readable PEM file")
      .doc("PEM file with the CA certificate(s) that signed the cluster's TLS certificates; unset to use the JVM's trust store.");

  /** Index alias. */
  public static final Setting<String> ALIAS = Setting.of("opensearch.index.alias", SettingType.STRING)
      .defaultValue("news-articles")
      .rule(s -> s.matches("[a-z0-9][a-z0-9._-]{0,200}"), "is a lower-case index name")
      .doc("Write alias of the article index; indices are named <alias>-000001, -000002, ... for rollover.");

  /** All OpenSearch settings. */
  public static List<Setting<?>> all() {
    return List.of(URLS, USERNAME, PASSWORD, CA_FILE, ALIAS);
  }
}
