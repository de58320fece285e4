package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow parse}: the poller's read path, and every source read even after a hostile one. */
class ParseCommandTest {

  @TempDir
  Path dir;

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private Path feed(String name, String link) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, "<rss version=\"2.0\"><channel><title>T</title><item><title>t</title><link>" + link
        + "</link></item></channel></rss>");
    return f;
  }

  @Test
  void shouldReadTheSourceAfterADeeplyNestedOne() throws Exception {
    Path deep = dir.resolve("deep.xml");
    Files.writeString(deep, "<rss version=\"2.0\"><channel><item><link>https://e.org/x</link><description><![CDATA["
        + "<b>".repeat(10_000) + "x]]></description></item></channel></rss>");
    Path next = feed("next.xml", "https://e.org/next");
    CommandRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("parse", deep.toString(), next.toString()));
    assertThat(r.out()).contains("\"url\":\"https://e.org/x\"").contains("\"url\":\"https://e.org/next\"");
    assertThat(r.exit()).isZero();
  }

  @Test
  void shouldReadTheSourceAfterARedirectToAnotherScheme() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      ex.getResponseHeaders().add("Location", "gopher://127.0.0.1/feed");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    http.start();
    try {
      Path next = feed("next.xml", "https://e.org/next");
      CommandRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("parse", "--set",
          "ingest.allowed.internal.addresses=127.0.0.1", "http://127.0.0.1:" + http.getAddress().getPort() + "/f",
          next.toString()));
      assertThat(r.err()).contains("cannot fetch http://127.0.0.1:").contains("gopher");
      assertThat(r.out()).contains("\"url\":\"https://e.org/next\"");
      assertThat(r.exit()).isEqualTo(1);
    } finally {
      http.stop(0);
    }
  }

  @Test
  void shouldResolveRelativeBasesAgainstTheUrlTheDocumentCameFrom() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = ("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"news/\"><title>A</title>"
        + "<entry xml:base=\"2024/\"><title>E</title><id>urn:x:1</id><link href=\"a.html\"/>"
        + "<updated>2024-03-15T10:00:00Z</updated>"
        + "<content type=\"html\" xml:base=\"img/\">&lt;img src=\"p.png\"&gt;</content></entry></feed>")
        .getBytes(StandardCharsets.UTF_8);
    http.createContext("/old/feed", ex -> {
      ex.getResponseHeaders().add("Location", "/site/feed.xml");
      ex.sendResponseHeaders(301, -1);
      ex.close();
    });
    http.createContext("/site/feed.xml", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/atom+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    try {
      String root = "http://127.0.0.1:" + http.getAddress().getPort();
      CommandRun r = run("parse", "--set", "ingest.allowed.internal.addresses=127.0.0.1", root + "/old/feed");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("\"url\":\"" + root + "/site/news/2024/a.html\"")
          .contains("src=\\\"" + root + "/site/news/2024/img/p.png\\\"");
    } finally {
      http.stop(0);
    }
  }
}
