package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.enrich.evaluation.entity.ConllCorpus;
import org.newsflow.enrich.evaluation.entity.NerEvaluation;
import org.newsflow.enrich.evaluation.entity.ProductPathEvaluation;
import org.newsflow.enrich.evaluation.entity.TitleCaseHeadlineEvaluation;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.PerceptronEntityTagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow evaluate entities}: strict span scores on a CoNLL file, first through the whole tagger as the
 * topology runs it (each document an article body), then of the model alone on the file's own sentences. With
 * {@code --title-case-headlines}: the names found in Title-Case headlines made from the documents' sentences.
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "Strict span F1 per type on a CoNLL file: the product path (the tagger on whole documents), "
        + "then the model alone on pre-split sentences.")
public final class EvaluateEntitiesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CoNLL-2003 file to score on.")
  Path data;

  @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the bundled model).")
  Path model;

  @Option(names = "--title-case-headlines", description = "Instead: from each document take its first mixed-case "
      + "body sentence with a name out of the body, give it as the title in Title Case, and score the names found "
      + "in the title (then the same sentences as written, for reference).")
  boolean titleCaseHeadlines;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EntityModel m = model == null ? EntityModel.loadDefault() : EntityModel.load(model);
    List<List<ConllCorpus.Sentence>> docs = ConllCorpus.readDocuments(data);
    if (titleCaseHeadlines) {
      PerceptronEntityTagger tagger = new PerceptronEntityTagger(m);
      for (boolean titleCase : new boolean[] {true, false}) {
        TitleCaseHeadlineEvaluation.Outcome o = TitleCaseHeadlineEvaluation.evaluate(tagger, docs, titleCase);
        out.println((titleCase ? "Title-Case headlines" : "the same headlines as written") + " (names in the title of "
            + o.documents() + " of " + docs.size() + " documents):");
        out.print(o.result().table());
      }
      out.flush();
      return 0;
    }
    out.println("product path (tag(title, text) on " + docs.size() + " documents):");
    out.print(ProductPathEvaluation.evaluate(new PerceptronEntityTagger(m), docs).table());
    out.println("model only (pre-split sentences):");
    out.print(NerEvaluation.evaluate(m, docs).table());
    out.flush();
    return 0;
  }
}
