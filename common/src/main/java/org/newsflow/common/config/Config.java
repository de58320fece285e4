package org.newsflow.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The effective, validated configuration of a service. Precedence, lowest first: declared default, config file
 * (YAML, nested or dotted keys), environment variable ({@code NEWSFLOW_…}), explicit override (command-line flags).
 * Every declared setting is parsed and validated when the config is built, so a bad value stops the service at
 * start with a message naming the setting, where it came from and what is allowed.
 *
 * <p>Keys under {@link #KAFKA_PASSTHROUGH_PREFIX} are handed to every Kafka client as they are (security settings
 * and the like); keys under {@link #STREAMS_PASSTHROUGH_PREFIX} to Kafka Streams only.
 */
public final class Config {

  /** Prefix of free-form Kafka client properties, e.g. {@code kafka.client.security.protocol}. */
  public static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.client.";

  /** Prefix of free-form Kafka Streams properties. */
  public static final String STREAMS_PASSTHROUGH_PREFIX = "enrich.streams.";

  private final Map<String, Setting<?>> declared;
  private final Map<String, Object> values;
  private final Map<String, String> sources;
  private final Map<String, String> passthrough;

  private Config(Map<String, Setting<?>> declared, Map<String, Object> values, Map<String, String> sources,
                 Map<String, String> passthrough) {
    this.declared = declared;
    this.values = values;
    this.sources = sources;
    this.passthrough = passthrough;
  }

  /**
   * Builds and validates a configuration.
   *
   * @param settings  every setting the service declares
   * @param file      optional YAML config file
   * @param env       environment variables (normally {@code System.getenv()})
   * @param overrides values from the command line, by key
   * @throws ConfigException naming the first bad setting (all problems are listed in the message)
   */
  public static Config load(Collection<Setting<?>> settings, Path file, Map<String, String> env,
                            Map<String, String> overrides) {
    Map<String, Setting<?>> declared = new LinkedHashMap<>();
    for (Setting<?> s : settings) {
      declared.put(s.key(), s);
    }
    Map<String, String> raw = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    Map<String, String> passthrough = new TreeMap<>();
    List<String> problems = new ArrayList<>();

    if (file != null) {
      Map<String, String> fromFile = readYaml(file);
      for (var e : fromFile.entrySet()) {
        String key = e.getKey();
        if (declared.containsKey(key)) {
          raw.put(key, e.getValue());
          sources.put(key, "file " + file);
        } else if (key.startsWith(KAFKA_PASSTHROUGH_PREFIX) || key.startsWith(STREAMS_PASSTHROUGH_PREFIX)) {
          passthrough.put(key, e.getValue());
        } else {
          problems.add("unknown setting '" + key + "' in " + file + suggestion(key, declared.keySet()));
        }
      }
    }
    for (Setting<?> s : declared.values()) {
      String v = env.get(s.envName());
      if (v != null) {
        raw.put(s.key(), v);
        sources.put(s.key(), "environment variable " + s.envName());
      }
    }
    for (var e : overrides.entrySet()) {
      if (e.getKey().startsWith(KAFKA_PASSTHROUGH_PREFIX) || e.getKey().startsWith(STREAMS_PASSTHROUGH_PREFIX)) {
        passthrough.put(e.getKey(), e.getValue());
        continue;
      }
      if (!declared.containsKey(e.getKey())) {
        problems.add("unknown setting '" + e.getKey() + "'" + suggestion(e.getKey(), declared.keySet()));
        continue;
      }
      raw.put(e.getKey(), e.getValue());
      sources.put(e.getKey(), "command line");
    }

    Map<String, Object> values = new HashMap<>();
    for (Setting<?> s : declared.values()) {
      String text = raw.get(s.key());
      if (text == null) {
        if (s.defaultValue() != null) {
          values.put(s.key(), s.defaultValue());
        }
        continue;
      }
      String where = sources.get(s.key());
      try {
        Object value = parseAndCheck(s, text);
        values.put(s.key(), value);
      } catch (IllegalArgumentException e) {
        String secretSafe = s.secret() ? "****" : "'" + text + "'";
        problems.add("setting '" + s.key() + "' = " + secretSafe + " (from " + where + ") is invalid: "
            + e.getMessage() + ". Fix: set " + s.key() + " (or " + s.envName() + ") to a " + s.type().name()
            + (s.ruleText().isEmpty() ? "" : " that " + s.ruleText())
            + (s.defaultValue() != null ? ", or remove it to use the default " + s.defaultValue() : "") + ".");
      }
    }
    if (problems.isEmpty()) {
      checkOrder(declared.values(), values, sources, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return new Config(declared, values, sources, passthrough);
  }

  /** Checks every {@link Setting#notBelow()} pair whose two settings are declared and have values. */
  @SuppressWarnings("unchecked")
  private static void checkOrder(Collection<Setting<?>> declared, Map<String, Object> values,
                                 Map<String, String> sources, List<String> problems) {
    for (Setting<?> s : declared) {
      Setting<?> lower = s.notBelow();
      if (lower == null || !values.containsKey(lower.key()) || !values.containsKey(s.key())) {
        continue;
      }
      Object value = values.get(s.key());
      Object lowerValue = values.get(lower.key());
      if (((Comparable<Object>) value).compareTo(lowerValue) < 0) {
        problems.add("setting '" + s.key() + "' = " + render(value) + " (from " + sources.getOrDefault(s.key(), "default")
            + ") is below '" + lower.key() + "' = " + render(lowerValue) + " (from "
            + sources.getOrDefault(lower.key(), "default") + "). Fix: raise " + s.key() + " (" + s.envName()
            + ") or lower " + lower.key() + " (" + lower.envName() + ") so that " + s.key() + " >= " + lower.key()
            + ".");
      }
    }
  }

  /** Only defaults: for tests and tools. */
  public static Config defaults(Collection<Setting<?>> settings) {
    return load(settings, null, Map.of(), Map.of());
  }

  private static <T> T parseAndCheck(Setting<T> s, String text) {
    T value = s.type().parse().apply(text);
    if (!s.rule().test(value)) {
      throw new IllegalArgumentException(s.ruleText().isEmpty() ? "rejected" : "it " + s.ruleText());
    }
    return value;
  }

  /** The value of a declared setting; {@code null} only for optional settings with no value. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    if (!declared.containsKey(setting.key())) {
      throw new IllegalArgumentException("setting " + setting.key() + " is not declared by this service");
    }
    return (T) values.get(setting.key());
  }

  /** A copy of this config with some values replaced (validated like any other source). */
  public Config with(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>();
    for (var e : values.entrySet()) {
      all.put(e.getKey(), String.valueOf(render(e.getValue())));
    }
    all.putAll(overrides);
    Config c = load(declared.values(), null, Map.of(), all);
    c.passthrough.putAll(passthrough);
    return c;
  }

  /** Free-form client properties whose keys start with the prefix, the prefix removed. */
  public Properties passthrough(String prefix) {
    Properties p = new Properties();
    passthrough.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        p.setProperty(k.substring(prefix.length()), v);
      }
    });
    return p;
  }

  /** Every setting with its effective value as text, secrets masked, sorted by key: for the start-up log. */
  public Map<String, String> effective() {
    Map<String, String> out = new TreeMap<>();
    for (Setting<?> s : declared.values()) {
      Object v = values.get(s.key());
      out.put(s.key(), v == null ? "(unset)" : s.secret() ? "****" : String.valueOf(render(v)));
    }
    passthrough.forEach((k, v) -> out.put(k, maskIfSecretLooking(k, v)));
    return out;
  }

  private static String maskIfSecretLooking(String key, String value) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token") ? "****" : value;
  }

  private static Object render(Object v) {
    if (v instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return v;
  }

  private static String suggestion(String key, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(k -> distance(k, key)))
        .filter(k -> distance(k, key) <= Math.max(3, key.length() / 4))
        .map(k -> " (did you mean '" + k + "'?)")
        .orElse(" (see docs/configuration.md for the settings)");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Map<String, String> readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist or is not a file. Fix: pass an existing "
          + "YAML file with --config, or leave --config out to use defaults and environment variables.");
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      Map<String, String> flat = new TreeMap<>();
      if (root != null && !root.isMissingNode() && !root.isNull()) {
        if (!root.isObject()) {
          throw new ConfigException("config file " + file + " must be a YAML mapping of settings (key: value).");
        }
        flatten("", root, flat);
      }
      return flat;
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(n.asText()));
      out.put(prefix, String.join(",", items));
    } else if (!node.isNull()) {
      out.put(prefix, node.asText());
    }
  }

  /** Where a setting's value came from: a file, an environment variable, the command line, or the default. */
  public String source(Setting<?> setting) {
    return sources.getOrDefault(setting.key(), "default");
  }
}
