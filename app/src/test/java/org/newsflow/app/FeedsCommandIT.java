package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.embedded.EmbeddedKafka;
import picocli.CommandLine;

/** {@code newsflow feeds ...} against a real broker. */
class FeedsCommandIT {

  @TempDir
  static Path dir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--set", "kafka.bootstrap.servers=" + kafka.bootstrapServers(), "--set", "topics.prefix=cli"));
    CommandLine cl = Newsflow.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void shouldAddImportListShowStatusAndRemoveFeeds() throws Exception {
    Run add = run("feeds", "add", "https://example.org/a.xml", "--name", "A", "--interval", "10m", "--tag", "world");
    assertThat(add.exit()).as(add.err()).isZero();
    Path opml = dir.resolve("subs.opml");
    Files.writeString(opml, "<opml><body><outline text=\"Tech\"><outline text=\"B\" xmlUrl=\"https://example.org/b.xml\"/>"
        + "</outline></body></opml>");
    assertThat(run("feeds", "import-opml", opml.toString()).out()).contains("registered 1 feeds");

    Run list = run("feeds", "list");
    assertThat(list.out()).contains("https://example.org/a.xml  \"A\"  every 10m  [world]")
        .contains("https://example.org/b.xml  \"B\"  [Tech]").contains("2 feeds");
    assertThat(run("feeds", "status").out()).contains("never polled").contains("2 feeds");

    assertThat(run("feeds", "remove", "https://example.org/a.xml").exit()).isZero();
    assertThat(run("feeds", "list").out()).doesNotContain("a.xml").contains("1 feed");
    Run missing = run("feeds", "remove", "https://nowhere.example/x");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no registered feed");
  }
}
