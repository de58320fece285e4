package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void shouldStopAServiceAtStartWithAMessageNamingABadSetting() {
    CommandRun r = run("ingest", "--set", "ingest.poll.interval=-5s", "--feeds", "x.yaml");
    assertThat(r.exit()).isEqualTo(78);
    assertThat(r.err()).contains("ingest.poll.interval").contains("NEWSFLOW_INGEST_POLL_INTERVAL").contains("Fix:");
  }

  @Test
  void shouldStopAtStartNamingTheBootstrapSettingWhenKafkaIsUnreachable() {
    int closedPort = org.newsflow.common.embedded.FreePorts.pick();
    CommandRun r = run("sink", "--set", "kafka.bootstrap.servers=127.0.0.1:" + closedPort, "--set",
        "kafka.startup.timeout=2s");
    assertThat(r.exit()).isEqualTo(78);
    assertThat(r.err()).contains("kafka.bootstrap.servers").contains("127.0.0.1:" + closedPort)
        .contains("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS").contains("Fix:");
  }

  @Test
  void shouldTagEveryGoodLineAndGiveAClearErrorForEachBadOne() {
    String huge = "Angela Merkel spoke in Berlin. ".repeat(170_000); // about 5 MB
    String input = String.join("\n",
        "not json at all",
        "{\"id\":\"no-text\"}",
        "[1,2,3]",
        "{\"id\":\"e\",\"title\":\"\",\"text\":\"\"}",
        "{\"id\":\"u\",\"title\":\"\\u0000\ud83d\ude00 \u202e Zürich \u6771\u4eac\",\"text\":\"\\ud800 lone surrogate\"}",
        "{\"id\":\"big\",\"title\":\"Speech\",\"text\":\"" + huge + "\"}",
        "{\"id\":\"ok\",\"title\":\"Joe Biden meets Emmanuel Macron in Paris\",\"text\":\"The talks in Paris focused on Ukraine.\"}",
        "{\"id\":\"s\",\"title\":\"Ferry capsizes\",\"text\":\" \",\"summary\":\"<p>A ferry capsized off <b>Crete</b>.</p>\"}");
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      CommandRun r = run("tag");
      String[] lines = r.out().strip().split("\n");
      assertThat(lines).hasSize(8);
      assertThat(lines[0]).contains("\"line\":1").contains("not JSON");
      assertThat(lines[1]).contains("\"line\":2").contains("no \\\"title\\\" or \\\"text\\\"");
      assertThat(lines[2]).contains("\"line\":3").contains("expected a JSON object");
      assertThat(lines[3]).contains("\"line\":4");
      assertThat(lines[4]).contains("\"id\":\"u\"").contains("\"entities\"");
      assertThat(lines[5]).contains("\"id\":\"big\"").contains("\"entities\"");
      assertThat(lines[6]).contains("\"id\":\"ok\"").contains("\"name\":\"Joe Biden\"").contains("\"name\":\"Paris\"")
          .contains("\"language\":\"en\"");
      // no text: the summary is the body, its HTML read as text; the line itself comes back as it was
      assertThat(lines[7]).contains("\"id\":\"s\"").contains("\"name\":\"Crete\"")
          .contains("\"summary\":\"<p>A ferry capsized off <b>Crete</b>.</p>\"")
          .contains("\"text\":\"A ferry capsized off Crete.\"");
      assertThat(r.exit()).as("bad lines make the exit status non-zero").isEqualTo(1);
      assertThat(r.err()).contains("line 1:").contains("line 2:").contains("line 3:");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void shouldRejectAnUnknownSettingWithASuggestion() {
    CommandRun r = run("sink", "--set", "sink.group=abc");
    assertThat(r.exit()).isEqualTo(78);
    assertThat(r.err()).contains("unknown setting 'sink.group'").contains("did you mean 'sink.group.id'");
  }

  @Test
  void shouldExitNonZeroWithAClearMessageForAnUnreadableFeedSource() {
    CommandRun r = run("parse", "/nonexistent/feed.xml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot fetch /nonexistent/feed.xml");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void shouldPrintNormalisedArticlesOfAFeedFileAsJsonLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path feed = dir.resolve("f.xml");
    java.nio.file.Files.writeString(feed, """
        <rss version="2.0"><channel><title>T</title><link>https://e.invalid/</link>
        <item><title>A &amp; B</title><link>/a?utm_source=x</link><pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate></item>
        <item><title>No date</title><link>https://e.invalid/b#frag</link></item>
        </channel></rss>""");
    CommandRun r = run("parse", feed.toString());
    assertThat(r.exit()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("\"url\":\"https://e.invalid/a\"").contains("\"title\":\"A & B\"")
        .contains("\"published\":\"2024-03-14T09:30:00Z\"");
    assertThat(lines[1]).contains("\"url\":\"https://e.invalid/b\"").contains("date-missing");
  }

  @Test
  void shouldGiveAnOversizedLineItsErrorWithoutHoldingItAndTagTheNextLine() {
    long hugeBytes = 1_200_000_000L; // the 1.2 GB line: read as it streams by, never held
    byte[] tail = "\n{\"id\":\"ok\",\"title\":\"Angela Merkel visits Paris\"}\n".getBytes(StandardCharsets.UTF_8);
    InputStream huge = new InputStream() {
      private long left = hugeBytes;
      private int tailPos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left > 0) {
          int n = (int) Math.min(len, left);
          java.util.Arrays.fill(b, off, off + n, (byte) 'a');
          left -= n;
          return n;
        }
        if (tailPos == tail.length) {
          return -1;
        }
        int n = Math.min(len, tail.length - tailPos);
        System.arraycopy(tail, tailPos, b, off, n);
        tailPos += n;
        return n;
      }
    };
    InputStream stdin = System.in;
    try {
      System.setIn(huge);
      CommandRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("tag"));
      String[] lines = r.out().strip().split("\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).contains("\"line\":1").contains("1200000000 characters");
      assertThat(lines[1]).contains("\"id\":\"ok\"").contains("\"entities\"");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void shouldExtractPagesFromPlainAndGzipFilesAndReportABadSourceWithoutStopping() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("extract");
    String html = "<html lang=\"en\"><head><link rel=\"canonical\" href=\"/story\"></head><body><nav>Menu</nav>"
        + "<article><h1>Harbour</h1>" + ("<p>The harbour authority, after a long night of talks, agreed to reopen "
        + "the quay, and ferries will run again from Monday.</p>").repeat(4) + "</article></body></html>";
    java.nio.file.Path plain = dir.resolve("page.html");
    java.nio.file.Files.writeString(plain, html);
    java.nio.file.Path gz = dir.resolve("page.html.gz");
    try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
      out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    CommandRun r = run("extract", "--url", "https://news.example.org/2026/story", plain.toString(),
        dir.resolve("missing.html").toString(), gz.toString());
    assertThat(r.exit()).isEqualTo(1);
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : lines) {
      var page = json.readTree(line);
      assertThat(page.path("url").asText()).isEqualTo("https://news.example.org/story");
      assertThat(page.path("title").asText()).isEqualTo("Harbour");
      assertThat(page.path("text").asText()).startsWith("The harbour authority").doesNotContain("Menu");
      assertThat(page.path("html").asText()).contains("<p>The harbour authority");
      assertThat(page.path("language").asText()).isEqualTo("en");
      assertThat(page.path("paywalled").asBoolean()).isFalse();
      assertThat(page.has("published")).isTrue();
    }
    assertThat(r.err()).contains("missing.html");
  }
}
