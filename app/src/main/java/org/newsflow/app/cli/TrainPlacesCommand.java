package org.newsflow.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsflow.enrich.training.place.PlaceGazetteerBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow train places}: builds the GeoNames place gazetteer that entity linking ships with. */
@Command(name = "places", mixinStandardHelpOptions = true,
    description = "Build the place gazetteer of entity linking from GeoNames files (see docs/entities.md).")
public final class TrainPlacesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--geonames", required = true, paramLabel = "DIR",
      description = "Folder with countryInfo.txt, admin1CodesASCII.txt and cities15000.txt.")
  Path geonames;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the gzip TSV.")
  Path out;

  @Override
  public Integer call() throws Exception {
    int n;
    try (OutputStream o = Files.newOutputStream(out)) {
      n = PlaceGazetteerBuilder.build(geonames, o);
    }
    spec.commandLine().getOut().println("wrote " + n + " places to " + out);
    return 0;
  }
}
