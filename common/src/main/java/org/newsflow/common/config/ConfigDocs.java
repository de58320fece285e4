package org.newsflow.common.config;

import java.util.List;

/** Renders setting declarations as the Markdown reference in docs/configuration.md. */
public final class ConfigDocs {

  private ConfigDocs() {
  }

  /** The reference page for the given settings, in declaration order. */
  public static String markdown(List<Setting<?>> settings) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Configuration reference\n\n")
        .append("Generated from the setting declarations by `./newsflow config-docs > docs/configuration.md`; a test ")
        .append("fails when this page and the code disagree.\n\n")
        .append("Every setting can be given, from lowest to highest precedence, as its default, in the YAML file of ")
        .append("`--config FILE` (nested or dotted keys), as an environment variable, or with `--set key=value`. ")
        .append("Services validate all settings at start and stop with a message naming the setting and the fix. ")
        .append("Keys under `kafka.client.` are passed to every Kafka client as they are (e.g. ")
        .append("`kafka.client.security.protocol: SASL_SSL`), keys under `enrich.streams.` to Kafka Streams.\n\n")
        .append("| setting | environment variable | type | default | rule | description |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Setting<?> s : settings) {
      Object d = s.defaultValue();
      String def = d == null ? "(unset)" : d instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
          : String.valueOf(d);
      sb.append("| `").append(s.key()).append("` | `").append(s.envName()).append("` | ").append(s.type().name())
          .append(" | `").append(def.isEmpty() ? " " : def).append("` | ").append(s.ruleText().isEmpty() ? "" : s.ruleText())
          .append(s.notBelow() == null ? "" : (s.ruleText().isEmpty() ? "" : "; ") + "not below `" + s.notBelow().key() + "`")
          .append(s.secret() ? " (secret: masked in logs)" : "").append(" | ").append(s.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }
}
