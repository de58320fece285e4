package org.newsflow.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import picocli.CommandLine.Option;

/** The options every command with settings shares: a config file and single settings on the command line. */
public final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see docs/configuration.md).")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one setting, e.g. --set ingest.poll.interval=1m.")
  Map<String, String> sets = new LinkedHashMap<>();

  /**
   * Loads the configuration of the given settings: declared defaults, file, environment, then command-line values.
   *
   * @param givenFlags settings from the command's own flags, only those the user gave (a flag that was not given
   *                   must not hide the file or the environment); {@code --set} wins over them
   */
  public Config load(List<Setting<?>> settings, Map<String, String> givenFlags) {
    return load(settings, givenFlags, System.getenv());
  }

  /** As {@link #load(List, Map)} with the environment given (tests). */
  Config load(List<Setting<?>> settings, Map<String, String> givenFlags, Map<String, String> environment) {
    Map<String, String> overrides = new LinkedHashMap<>(givenFlags);
    overrides.putAll(sets);
    return Config.load(settings, configFile, environment, overrides);
  }

  /** Concatenates setting lists. */
  @SafeVarargs
  public static List<Setting<?>> settings(List<Setting<?>>... lists) {
    List<Setting<?>> all = new ArrayList<>();
    for (List<Setting<?>> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
