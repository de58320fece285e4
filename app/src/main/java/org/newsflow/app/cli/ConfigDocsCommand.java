package org.newsflow.app.cli;

import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.ConfigDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code newsflow config-docs}: prints the configuration reference generated from the setting declarations. */
@Command(name = "config-docs", mixinStandardHelpOptions = true,
    description = "Print the configuration reference (docs/configuration.md) generated from the settings.")
public final class ConfigDocsCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ConfigDocs.markdown(Services.allSettings()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
