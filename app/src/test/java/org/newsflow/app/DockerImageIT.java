package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Builds the image from the repository's Dockerfile, which builds through scripts/build-app.sh like the launcher
 * and CI, and runs its command line once. Needs a Docker engine; skipped cleanly where none runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerImageIT {

  @Test
  void shouldBuildTheImageThroughTheSharedBuildPathAndRunTheCommandLine() {
    ImageFromDockerfile image = new ImageFromDockerfile("newsflow-it", true)
        .withFileFromPath(".", Path.of("..").toAbsolutePath().normalize());
    try (GenericContainer<?> help = new GenericContainer<>(image)
        .withCommand("--help")
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(2)))) {
      help.start();
      assertThat(help.getLogs()).contains("Usage: newsflow").contains("up").contains("search");
    }
  }
}
