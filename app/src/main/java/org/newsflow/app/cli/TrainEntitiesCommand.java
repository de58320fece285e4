package org.newsflow.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.newsflow.enrich.evaluation.entity.ConllCorpus;
import org.newsflow.enrich.evaluation.entity.NerEvaluation;
import org.newsflow.enrich.evaluation.entity.ProductPathEvaluation;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.ExternalNames;
import org.newsflow.enrich.tagging.entity.Gazetteer;
import org.newsflow.enrich.tagging.entity.PerceptronEntityTagger;
import org.newsflow.enrich.tagging.entity.PlaceIndex;
import org.newsflow.enrich.tagging.entity.WordClusters;
import org.newsflow.enrich.training.entity.ClusterBuilder;
import org.newsflow.enrich.training.entity.EntityCrossValidation;
import org.newsflow.enrich.training.entity.EntityModelTrainer;
import org.newsflow.enrich.training.entity.WordNetNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow train entities}: trains the entity model from a CoNLL file. With {@code --folds K} the epochs of
 * each stage are chosen by K-fold cross-validation over the training documents (scored through the whole tagger),
 * then the model is trained on all of them with those epochs; {@code --dev} is only reported, never used to choose.
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "Train the entity model (see docs/entities.md). Progress goes to stderr.")
public final class TrainEntitiesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "CoNLL-2003 training file.")
  Path train;

  @Option(names = "--dev", paramLabel = "FILE",
      description = "CoNLL file scored after training, as a check (never used to choose anything).")
  Path dev;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
  Path out;

  @Option(names = "--unlabeled", paramLabel = "DIR|FILE.jsonl", split = ",",
      description = "Unlabeled text for word clusters and capitalisation statistics: folders of .txt files or "
          + "JSON-lines files with title/text (repeatable or comma-separated). None: no clusters.")
  List<Path> unlabeled = new ArrayList<>();

  @Option(names = "--clusters", paramLabel = "FILE",
      description = "Cache of the learned word clusters: read from FILE when it exists (then --unlabeled is not "
          + "read), else learned and written there. Clustering is deterministic, so the cache only saves time.")
  Path clusterCache;

  @Option(names = "--wordnet", paramLabel = "DIR",
      description = "WordNet database folder (data.noun, data.adj; Debian's wordnet-base installs it in "
          + "/usr/share/wordnet): its instance nouns and capitalised nouns and adjectives become name features.")
  Path wordnet;

  @Option(names = "--place-names", defaultValue = "false", arity = "1",
      description = "Every GeoNames name of the bundled place gazetteer becomes a name feature.")
  boolean placeNames;

  @Option(names = "--epochs", defaultValue = "12", description = "First-stage epochs (the most tried with --folds).")
  int epochs;

  @Option(names = "--stage2-epochs", defaultValue = "0",
      description = "Stacked-stage epochs; 0 = same as --epochs (the most tried with --folds).")
  int stage2Epochs;

  @Option(names = "--folds", defaultValue = "0",
      description = "Choose the epochs by this many folds of cross-validation over --train "
          + "(0: use the given epochs).")
  int folds;

  @Option(names = "--cv-stages", defaultValue = "2",
      description = "Stages the folds train and score: 2 (the whole model) or 1 (the first stage alone, about a "
          + "fifth of the work; the stacked stage then gets the first stage's epochs).")
  int cvStages;

  @Option(names = "--cv-only", description = "Stop after the cross-validation (for comparing settings); writes no "
      + "model.")
  boolean cvOnly;

  @Option(names = "--bits", defaultValue = "21", description = "log2 of the number of hashed weight rows.")
  int bits;

  @Option(names = "--stacked", defaultValue = "true", arity = "1", description = "Train the stacked second stage.")
  boolean stacked;

  @Option(names = "--bidirectional", defaultValue = "true", arity = "1",
      description = "Add the right-to-left first stage.")
  boolean bidirectional;

  @Option(names = "--names", defaultValue = "true", arity = "1",
      description = "Learn the name lexicon of the training file.")
  boolean names;

  @Option(names = "--seeds", defaultValue = "1", description = "Differently shuffled runs averaged per stage.")
  int seeds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> progress = line -> {
      err.println(line);
      err.flush();
    };
    EntityModelTrainer trainer = new EntityModelTrainer(progress);
    List<List<ConllCorpus.Sentence>> docs = ConllCorpus.readDocuments(train);
    WordClusters clusters = WordClusters.EMPTY;
    if (clusterCache != null && Files.exists(clusterCache)) {
      clusters = ClusterBuilder.load(clusterCache);
      err.println("clusters: " + clusters.size() + " entries read from " + clusterCache);
    } else if (!unlabeled.isEmpty()) {
      List<String[]> text = new ArrayList<>();
      for (Path p : unlabeled) {
        text.addAll(ClusterBuilder.readText(p));
      }
      clusters = trainer.clusters(docs, text);
      if (clusterCache != null) {
        ClusterBuilder.save(clusters, clusterCache);
      }
    }
    Map<Long, Integer> external = new HashMap<>();
    if (wordnet != null) {
      WordNetNames.read(wordnet).forEach((k, v) -> external.merge(k, v, ExternalNames::merge));
    }
    if (placeNames) {
      ExternalNames.places(PlaceIndex.loadDefault()).forEach((k, v) -> external.merge(k, v, ExternalNames::merge));
    }
    if (!external.isEmpty()) {
      clusters = ClusterBuilder.withEntries(clusters, external);
      err.println("external names: " + external.size() + " entries (with prefixes)");
    }
    Gazetteer gazetteer = Gazetteer.loadDefault();
    EntityModelTrainer.Settings settings = new EntityModelTrainer.Settings(epochs, bits, stacked, seeds,
        bidirectional, names, stage2Epochs);
    if (folds > 0) {
      if (cvStages != 1 && cvStages != 2) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cv-stages must be 1 or 2");
      }
      EntityModelTrainer.Settings cvSettings = new EntityModelTrainer.Settings(epochs, bits,
          stacked && cvStages == 2, seeds, bidirectional, names, stage2Epochs);
      EntityCrossValidation.Result cv = new EntityCrossValidation(trainer, progress)
          .run(docs, folds, cvSettings, clusters, gazetteer);
      settings = new EntityModelTrainer.Settings(cv.stage1Epochs(), bits, stacked, seeds, bidirectional, names,
          cv.stage2Epochs());
      spec.commandLine().getOut().printf(Locale.ROOT,
          "cross-validated product-path F1 %.2f (%d folds), epochs %d/%d%n", 100 * cv.f1(), folds,
          cv.stage1Epochs(), cv.stage2Epochs());
      if (cvOnly) {
        return 0;
      }
    }
    EntityModel model = trainer.train(docs, List.of(), settings, clusters, gazetteer);
    model.save(out);
    err.println("wrote " + out);
    if (dev != null) {
      List<List<ConllCorpus.Sentence>> devDocs = ConllCorpus.readDocuments(dev);
      NerEvaluation.Result product = ProductPathEvaluation.evaluate(new PerceptronEntityTagger(model), devDocs);
      spec.commandLine().getOut().printf(Locale.ROOT, "dev product-path F1 %.2f, model only %.2f%n",
          100 * product.overall().f1(), 100 * NerEvaluation.evaluate(model, devDocs).overall().f1());
    }
    return 0;
  }
}
