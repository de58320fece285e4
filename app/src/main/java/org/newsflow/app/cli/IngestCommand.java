package org.newsflow.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.config.Config;
import org.newsflow.common.runtime.Service;
import org.newsflow.ingest.registry.FeedsFile;
import org.newsflow.ingest.service.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow ingest}: polls this instance's share of the feed registry (plus an imported feeds file) into the raw-articles topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the ingest service against an external Kafka cluster.")
public final class IngestCommand extends ServiceCommand {

  @Option(names = "--feeds", paramLabel = "FILE", description = "Feeds file (overrides ingest.feeds.file).")
  Path feeds;

  @Override
  int defaultAdminPort() {
    return 8081;
  }

  @Override
  Map<String, String> commandSettings() {
    return feeds == null ? Map.of() : Map.of(IngestSettings.FEEDS_FILE.key(), feeds.toString());
  }

  @Override
  List<Service> services(Config config, MeterRegistry metrics) {
    // the registry (news.feeds) is the source of truth; a feeds file is imported into it at start
    Path file = config.get(IngestSettings.FEEDS_FILE);
    return List.of(Services.ingest(config, file == null ? List.of() : FeedsFile.read(file), metrics));
  }
}
