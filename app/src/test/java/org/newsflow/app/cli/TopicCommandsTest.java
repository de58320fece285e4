package org.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsflow.app.CommandRun;

class TopicCommandsTest {

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void shouldDescribeTheTrainTopicsOptionsOnHelp() {
    CommandRun r = run("train", "topics", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--bbc", "--huffpost", "--reuters", "--iptc", "--out", "--dense-weight");
  }

  @Test
  void shouldDescribeTheEvaluateTopicsOptionsOnHelp() {
    CommandRun r = run("evaluate", "topics", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--held-out", "--folds", "cross-corpus");
  }

  @Test
  void shouldRejectAnUnknownHeldOutCorpusBeforeReadingAnyData() {
    CommandRun r = run("evaluate", "topics", "--held-out", "bbc,nytimes", "--bbc", "/nonexistent");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("unknown corpus 'nytimes'");
  }

  @Test
  void shouldFailWithTheMissingPathWhenTheDataIsAbsent() {
    CommandRun r = run("train", "topics", "--bbc", "/nonexistent/bbc", "--out", "/nonexistent/out.bin");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("/nonexistent/bbc");
  }
}
