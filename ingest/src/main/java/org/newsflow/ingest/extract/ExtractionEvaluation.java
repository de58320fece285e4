package org.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measures main-text extraction on a folder of pages with hand-checked bodies: {@code ground-truth.json} maps each
 * KEY to its {@code url} and {@code articleBody}, {@code html/KEY.html.gz} is the page as served. Scores are
 * {@link ShingleScore}s; precision and recall are averaged over pages and F1 is taken of the averages.
 */
public final class ExtractionEvaluation {

  /**
   * One scored page.
   *
   * @param key   the page's key
   * @param score its precision and recall
   */
  public record PageScore(String key, ShingleScore score) {
  }

  /**
   * A whole run.
   *
   * @param pages     the per-page scores, in the ground truth's order
   * @param precision mean precision
   * @param recall    mean recall
   */
  public record Result(List<PageScore> pages, double precision, double recall) {

    /** Copies the list. */
    public Result {
      pages = List.copyOf(pages);
    }

    /** F1 of the mean precision and mean recall. */
    public double f1() {
      return ShingleScore.f1(precision, recall);
    }
  }

  /**
   * A page of the data set.
   *
   * @param key       its key
   * @param url       its address
   * @param html      the page as served
   * @param reference the hand-checked main text
   */
  public record Page(String key, String url, byte[] html, String reference) {
  }

  private ExtractionEvaluation() {
  }

  /** Reads every page of a data folder (ground-truth.json and html/KEY.html.gz). */
  public static List<Page> load(Path dir) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = dir.resolve("html").resolve(e.getKey() + ".html.gz");
      byte[] html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = in.readAllBytes();
      }
      pages.add(new Page(e.getKey(), e.getValue().path("url").asText(null), html,
          e.getValue().path("articleBody").asText("")));
    }
    return pages;
  }

  /** Extracts and scores every page. */
  public static Result evaluate(ArticleExtractor extractor, List<Page> pages) {
    List<PageScore> scores = new ArrayList<>(pages.size());
    double p = 0;
    double r = 0;
    for (Page page : pages) {
      ShingleScore s = ShingleScore.of(extractor.extract(page.html(), null, page.url()).text(), page.reference());
      scores.add(new PageScore(page.key(), s));
      p += s.precision();
      r += s.recall();
    }
    int n = Math.max(1, pages.size());
    return new Result(scores, p / n, r / n);
  }
}
