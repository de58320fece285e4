package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `train entities` and `evaluate entities` are real subcommands with declared options. */
class EntityCommandsTest {

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void shouldDescribeTheEntityCommandsOptionsInTheirHelp() {
    CommandRun train = run("train", "entities", "--help");
    assertThat(train.exit()).isZero();
    assertThat(train.out()).contains("--train").contains("--folds").contains("--unlabeled").contains("--out");
    CommandRun evaluate = run("evaluate", "entities", "--help");
    assertThat(evaluate.exit()).isZero();
    assertThat(evaluate.out()).contains("--data").contains("--model").contains("--title-case-headlines");
  }

  @Test
  void shouldRejectAMissingRequiredOption() {
    CommandRun r = run("evaluate", "entities");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--data");
  }

  @Test
  void shouldScoreTheProductPathAndTheModelOnACoNllFile(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("tiny.txt");
    Files.writeString(data, "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n"
        + "German JJ B-NP B-MISC\nofficials NNS I-NP O\nmet NNP B-NP O\nin IN O O\nBerlin NNP B-NP B-LOC\n. . O O\n");
    CommandRun r = run("evaluate", "entities", "--data", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("product path").contains("model only").contains("overall");
  }
}
