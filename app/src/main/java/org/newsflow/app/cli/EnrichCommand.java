package org.newsflow.app.cli;

import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.runtime.Service;
import picocli.CommandLine.Command;

/** {@code newsflow enrich}: the Kafka Streams enrichment application. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Run the enrich Streams application against an external Kafka cluster.")
public final class EnrichCommand extends ServiceCommand {

  @Override
  int defaultAdminPort() {
    return 8082;
  }

  @Override
  List<Service> services(Config config, MeterRegistry metrics) {
    return List.of(Services.enrich(config, Services.enricher(), metrics));
  }
}
