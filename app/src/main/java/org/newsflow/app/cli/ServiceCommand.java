package org.newsflow.app.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.common.runtime.Service;
import org.newsflow.common.runtime.ServiceRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsflow.app.wiring.Telemetry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A stand-alone service command: loads and validates the configuration, logs it with secrets masked, starts the
 * service with its admin endpoint and runs until SIGTERM or Ctrl-C.
 */
abstract class ServiceCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceCommand.class);

  @Mixin
  ConfigOptions configOptions;

  @Spec
  CommandSpec spec;

  /** Default admin port of this service. */
  abstract int defaultAdminPort();

  /** The services to start, in order, recording their meters into the registry. */
  abstract List<Service> services(Config config, MeterRegistry metrics) throws Exception;

  /** Settings given by the command's own flags. */
  Map<String, String> commandSettings() {
    return Map.of();
  }

  @Override
  public Integer call() throws Exception {
    Config config = configOptions.load(Services.allSettings(), commandSettings());
    logEffective(config);
    Services.ensureTopics(config);
    try (Telemetry telemetry = new Telemetry(spec.name()); ServiceRunner runner = new ServiceRunner()) {
      runner.closeOnShutdown();
      for (Service s : services(config, telemetry.registry())) {
        runner.start(s);
      }
      try (AdminServer admin = Services.admin(config, defaultAdminPort(), runner, telemetry)) {
        LOG.info("admin endpoint on http://{}:{}/health/ready", config.get(org.newsflow.common.config.CommonSettings.ADMIN_HOST), admin.port());
        runner.awaitShutdown();
      }
    }
    return 0;
  }

  static void logEffective(Config config) {
    StringBuilder sb = new StringBuilder("effective configuration:");
    config.effective().forEach((k, v) -> sb.append("\n  ").append(k).append(" = ").append(v));
    LOG.info(sb.toString());
  }
}
