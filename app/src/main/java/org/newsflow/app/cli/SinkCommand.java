package org.newsflow.app.cli;

import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.runtime.Service;
import picocli.CommandLine.Command;

/** {@code newsflow sink}: writes enriched articles into OpenSearch. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Run the sink service: enriched articles from Kafka into OpenSearch.")
public final class SinkCommand extends ServiceCommand {

  @Override
  int defaultAdminPort() {
    return 8083;
  }

  @Override
  List<Service> services(Config config, MeterRegistry metrics) {
    return List.of(Services.sink(config, metrics));
  }
}
