package org.newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.enrich.tagging.ArticleEnricher;
import org.newsflow.ingest.normalise.HtmlCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow tag}: JSON lines in ({@code id}, {@code title}, {@code text}, or whole articles), the same lines
 * out with {@code language}, {@code entities} and {@code topics} added, using exactly the enricher of the
 * topology. Where {@code text} is missing or blank, the first of {@link #BODY_FALLBACKS} with words in it is read as
 * the body (HTML read as its text, and put out as {@code text}, which the entity mentions' offsets index into), so
 * a feed item given as title and summary is tagged on both, not on its title alone. A bad line gives
 * {@code {"line": n, "error": "..."}} on stdout and a message on stderr; the rest go on.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tag JSON lines from stdin with language, entities and topics (no Kafka needed).",
        "Each line: a JSON object with \"title\" and \"text\" (or a whole article). Without a \"text\", the first "
            + "of \"summary\", \"description\", \"content\", \"contentHtml\" and \"body\" is the body (HTML read as "
            + "text)."})
public final class TagCommand implements Callable<Integer> {

  /** Fields read as the body, in this order, when {@code text} is missing or blank. */
  static final List<String> BODY_FALLBACKS = List.of("summary", "description", "content", "contentHtml", "body");

  /** Longest line accepted; longer lines get an error instead of exhausting memory. */
  static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private final HtmlCleaner html = new HtmlCleaner();

  @Option(names = "--max-chars", defaultValue = "" + MAX_LINE_CHARS, description = "Longest input line in characters.")
  int maxChars;

  @Override
  public Integer call() throws Exception {
    ArticleEnricher enricher = Services.enricher();
    ArticleJson json = new ArticleJson();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int errors = 0;
    try (Reader stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8)) {
      // the limit bounds the read itself: an oversized line is skipped as it streams by, never held whole
      BoundedLineReader in = new BoundedLineReader(stdin, maxChars);
      BoundedLineReader.Line line;
      while ((line = in.next()) != null) {
        long n = line.number();
        if (!line.oversized() && line.text().isBlank()) {
          continue;
        }
        try {
          if (line.oversized()) {
            throw new IllegalArgumentException("line has " + line.length() + " characters, more than --max-chars "
                + maxChars);
          }
          out.println(tagLine(line.text(), enricher, json));
        } catch (RuntimeException e) {
          errors++;
          String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
          ObjectNode error = json.mapper().createObjectNode().put("line", n).put("error", message);
          out.println(error);
          err.println("newsflow tag: line " + n + ": " + message);
        }
        out.flush();
      }
    }
    return errors == 0 ? 0 : 1;
  }

  private String tagLine(String line, ArticleEnricher enricher, ArticleJson json) {
    JsonNode node;
    try {
      node = json.mapper().readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(node instanceof ObjectNode input)) {
      throw new IllegalArgumentException("expected a JSON object with title and/or text");
    }
    String title = input.path("title").isTextual() ? input.path("title").asText() : "";
    String given = input.path("text").isTextual() ? input.path("text").asText() : "";
    String text = given;
    for (int i = 0; i < BODY_FALLBACKS.size() && text.isBlank(); i++) {
      JsonNode field = input.path(BODY_FALLBACKS.get(i));
      text = field.isTextual() ? html.toText(field.asText()) : "";
    }
    if (!text.equals(given)) {
      // the mentions' offsets in field "text" index into what was read
      input.put("text", text);
    }
    if (title.isEmpty() && text.isEmpty()) {
      throw new IllegalArgumentException("no \"title\" or \"text\" string to tag (nor \"summary\", "
          + "\"description\", \"content\", \"contentHtml\" or \"body\")");
    }
    String id = input.path("id").isValueNode() ? input.path("id").asText() : "line";
    Article tagged = enricher.enrich(Article.builder().id(id.isBlank() ? "line" : id).title(title).text(text)
        .language(input.path("language").isTextual() ? input.path("language").asText() : null).build());
    input.put("language", tagged.language());
    input.set("entities", json.mapper().valueToTree(tagged.entities()));
    input.set("topics", json.mapper().valueToTree(tagged.topics()));
    return input.toString();
  }
}
