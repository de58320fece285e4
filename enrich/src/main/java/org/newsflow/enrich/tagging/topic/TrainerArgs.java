package org.newsflow.enrich.tagging.topic;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses the {@code --name value} arguments of the training tools, rejecting unknown or missing ones. */
final class TrainerArgs {

  private final Map<String, String> values = new HashMap<>();

  TrainerArgs(String[] args, Set<String> required, Set<String> optional, String usage) {
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length
          || !(required.contains(name.substring(2)) || optional.contains(name.substring(2)))) {
        throw new IllegalArgumentException("usage: " + usage);
      }
      values.put(name.substring(2), args[++i]);
    }
    for (String r : required) {
      if (!values.containsKey(r)) {
        throw new IllegalArgumentException("missing --" + r + "; usage: " + usage);
      }
    }
  }

  Path path(String name) {
    return Path.of(values.get(name));
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }
}
