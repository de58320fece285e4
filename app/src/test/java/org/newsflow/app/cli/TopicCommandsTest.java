package org.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.newsflow.app.Newsflow;
import picocli.CommandLine;

class TopicCommandsTest {

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
  void shouldDescribeTheTrainTopicsOptionsOnHelp() {
    Run r = run("train", "topics", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--bbc", "--huffpost", "--reuters", "--iptc", "--out", "--dense-weight");
  }

  @Test
  void shouldDescribeTheEvaluateTopicsOptionsOnHelp() {
    Run r = run("evaluate", "topics", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--held-out", "--folds", "cross-corpus");
  }

  @Test
  void shouldRejectAnUnknownHeldOutCorpusBeforeReadingAnyData() {
    Run r = run("evaluate", "topics", "--held-out", "bbc,nytimes", "--bbc", "/nonexistent");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("unknown corpus 'nytimes'");
  }

  @Test
  void shouldFailWithTheMissingPathWhenTheDataIsAbsent() {
    Run r = run("train", "topics", "--bbc", "/nonexistent/bbc", "--out", "/nonexistent/out.bin");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("/nonexistent/bbc");
  }
}
