package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `train entities` and `evaluate entities` are real subcommands with declared options. */
class EntityCommandsTest {

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String... args) {
    CommandLine cl = Newsflow.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void shouldDescribeTheEntityCommandsOptionsInTheirHelp() {
    Run train = run("train", "entities", "--help");
    assertThat(train.exit()).isZero();
    assertThat(train.out()).contains("--train").contains("--folds").contains("--unlabeled").contains("--out");
    Run evaluate = run("evaluate", "entities", "--help");
    assertThat(evaluate.exit()).isZero();
    assertThat(evaluate.out()).contains("--data").contains("--model");
  }

  @Test
  void shouldRejectAMissingRequiredOption() {
    Run r = run("evaluate", "entities");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--data");
  }

  @Test
  void shouldScoreTheProductPathAndTheModelOnACoNllFile(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("tiny.txt");
    Files.writeString(data, "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n"
        + "German JJ B-NP B-MISC\nofficials NNS I-NP O\nmet NNP B-NP O\nin IN O O\nBerlin NNP B-NP B-LOC\n. . O O\n");
    Run r = run("evaluate", "entities", "--data", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("product path").contains("model only").contains("overall");
  }
}
