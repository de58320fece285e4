package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.ExtractionEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow evaluate extraction}: main-text F1 of the article extractor over word 4-gram shingles, precision
 * and recall averaged over pages with hand-checked bodies (docs/ingest.md).
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
    description = "Measure main-text extraction: F1 over word 4-gram shingles against hand-checked article bodies.")
public final class EvaluateExtractionCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "A folder with ground-truth.json and html/KEY.html.gz (e.g. ../shared/data/extraction).")
  Path data;

  @Option(names = "--pages", description = "Also print each page's precision, recall and F1.")
  boolean perPage;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ExtractionEvaluation.Result result = ExtractionEvaluation.evaluate(new ArticleExtractor(),
        ExtractionEvaluation.load(data));
    if (perPage) {
      for (ExtractionEvaluation.PageScore s : result.pages()) {
        out.printf(Locale.ROOT, "%s\tP=%.3f\tR=%.3f\tF1=%.3f%n", s.key(), s.score().precision(), s.score().recall(),
            s.score().f1());
      }
    }
    out.printf(Locale.ROOT, "pages=%d precision=%.4f recall=%.4f F1=%.4f%n", result.pages().size(),
        result.precision(), result.recall(), result.f1());
    out.flush();
    return 0;
  }
}
