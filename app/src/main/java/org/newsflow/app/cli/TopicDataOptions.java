package org.newsflow.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsflow.enrich.training.topic.Corpora;
import org.newsflow.enrich.training.topic.DistilledTable;
import org.newsflow.enrich.training.topic.EmbeddingBuilder;
import org.newsflow.enrich.training.topic.IptcVocabulary;
import org.newsflow.enrich.training.topic.SourceMapping;
import org.newsflow.enrich.training.topic.TrainingOptions;
import org.newsflow.enrich.training.topic.TrainingOptions.CalibrationSplit;
import org.newsflow.enrich.training.topic.WordVectorSource;
import picocli.CommandLine.Option;

/** The data and settings `train topics` and `evaluate topics` share (a picocli mixin). */
public final class TopicDataOptions {

  @Option(names = "--bbc", paramLabel = "DIR", defaultValue = "../shared/data/topics/bbc",
      description = "BBC news folder of category folders (default: ${DEFAULT-VALUE}).")
  Path bbc;

  @Option(names = "--huffpost", paramLabel = "FILE",
      defaultValue = "../shared/data/topics/huffpost/news-category-2018-2022.jsonl",
      description = "HuffPost News Category JSON lines (default: ${DEFAULT-VALUE}).")
  Path huffpost;

  @Option(names = "--reuters", paramLabel = "FILE", defaultValue = "../shared/data/text/reuters21578.jsonl",
      description = "Reuters-21578 JSON lines (default: ${DEFAULT-VALUE}).")
  Path reuters;

  @Option(names = "--iptc", paramLabel = "FILE", defaultValue = "../shared/data/topics/iptc-mediatopics.json",
      description = "IPTC Media Topics JSON export (default: ${DEFAULT-VALUE}).")
  Path iptc;

  @Option(names = "--sparse-weight", paramLabel = "W", defaultValue = "1.0",
      description = "Weight of the hashed word/bigram features, 0 for none (default: ${DEFAULT-VALUE}).")
  float sparseWeight;

  @Option(names = "--dense-weight", paramLabel = "W", defaultValue = "0.5",
      description = "Weight of the mean word vector, 0 for none (default: ${DEFAULT-VALUE}).")
  float denseWeight;

  @Option(names = "--title-repeats", paramLabel = "N", defaultValue = "1",
      description = "How many times a title's words count, 1..4 (the model before 2026-12-01, night: 2; "
          + "default: ${DEFAULT-VALUE}).")
  int titleRepeats;

  @Option(names = "--vector-dim", paramLabel = "N", defaultValue = "96",
      description = "Dimension of PPMI word vectors (--word-vectors ppmi or both); distilled vectors have the "
          + "dimension their --distilled table was built with (default: ${DEFAULT-VALUE}).")
  int vectorDim;

  @Option(names = "--level1-bits", paramLabel = "B", defaultValue = "17",
      description = "Level-1 n-gram features are hashed into 2^B buckets, 10..24 (default: ${DEFAULT-VALUE}).")
  int level1Bits;

  @Option(names = "--injections", paramLabel = "N", defaultValue = "400",
      description = "Synthetic articles per level-1 topic (default: ${DEFAULT-VALUE}).")
  int injections;

  @Option(names = "--short-injections", paramLabel = "N", defaultValue = "400",
      description = "Synthetic feed items per level-1 topic: a real title and first sentence followed by a "
          + "sentence of the topic's words (default: ${DEFAULT-VALUE}).")
  int shortInjections;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "20240314",
      description = "Random seed of training (synthetic articles, folds, example order); other seeds show how much "
          + "a figure varies by chance (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--calibration-folds", paramLabel = "N", defaultValue = "3",
      description = "Held-out folds the probability calibration is fit on, 0 for none (default: ${DEFAULT-VALUE}).")
  int calibrationFolds;

  @Option(names = "--calibration", paramLabel = "SPLIT", defaultValue = "corpora",
      description = "Calibration: folds (per-topic Platt scaling on random held-out folds, in-corpus) or corpora "
          + "(that, then one temperature fit on each training corpus scored by a model of the others) "
          + "(default: ${DEFAULT-VALUE}).")
  String calibration;

  @Option(names = "--calibrate-on", paramLabel = "FORMS", defaultValue = "leads",
      description = "Fit the per-topic calibration on full articles' title + first sentence only (leads) or on "
          + "their full text too (both; the model before 2026-12-01, night) (default: ${DEFAULT-VALUE}).")
  String calibrateOn;

  @Option(names = "--definition-weight", paramLabel = "W", defaultValue = "0.3",
      description = "Loss weight of each IPTC concept's label-and-definition example (default: ${DEFAULT-VALUE}).")
  float definitionWeight;

  @Option(names = "--l2", paramLabel = "L", defaultValue = "5e-5",
      description = "L2 shrinkage per example per epoch (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--positive-weight", paramLabel = "W", defaultValue = "3.0",
      description = "Loss weight of a positive example (default: ${DEFAULT-VALUE}).")
  double positiveWeight;

  @Option(names = "--category-cap", paramLabel = "N", defaultValue = "600",
      description = "The texts of one label set weigh at most this many examples (default: ${DEFAULT-VALUE}).")
  int categoryCap;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "12",
      description = "Passes of stochastic gradient descent over level 1 (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--word-vectors", paramLabel = "SOURCE", defaultValue = "minilm",
      description = "Word vectors: ppmi (learned from the corpora's text), minilm (distilled from all-MiniLM-L6-v2: "
          + "the --distilled table) or both side by side (default: ${DEFAULT-VALUE}).")
  String wordVectors;

  @Option(names = "--distilled", paramLabel = "FILE", defaultValue = "enrich/target/minilm-word-vectors.bin.gz",
      description = "Word vectors distilled from all-MiniLM-L6-v2, built by MiniLmWordTable (Maven profile "
          + "minilm) "
          + "(see docs/iptc-topics.md); read only with --word-vectors minilm or both (default: ${DEFAULT-VALUE}).")
  Path distilled;

  Corpora corpora() throws IOException {
    return Corpora.read(bbc, huffpost, reuters, SourceMapping.loadDefault());
  }

  IptcVocabulary vocabulary() throws IOException {
    return IptcVocabulary.read(iptc);
  }

  TrainingOptions options() {
    TrainingOptions d = TrainingOptions.defaults();
    if (!"leads".equals(calibrateOn) && !"both".equals(calibrateOn)) {
      throw new IllegalArgumentException("--calibrate-on must be leads or both, not '" + calibrateOn + "'");
    }
    return new TrainingOptions(level1Bits, d.level2Bits(), sparseWeight, denseWeight, titleRepeats,
        injections, shortInjections, categoryCap, epochs, d.learningRate(), l2, positiveWeight, calibrationFolds,
        calibrationSplit(), "leads".equals(calibrateOn), definitionWeight, seed, d.threshold1(),
        d.threshold2(), d.trainLevel2());
  }

  CalibrationSplit calibrationSplit() {
    return switch (calibration) {
      case "corpora" -> CalibrationSplit.CORPORA;
      case "folds" -> CalibrationSplit.FOLDS;
      default -> throw new IllegalArgumentException("--calibration must be corpora or folds, not '" + calibration
          + "'");
    };
  }

  WordVectorSource embeddings() throws IOException {
    EmbeddingBuilder d = EmbeddingBuilder.defaults();
    EmbeddingBuilder ppmi = new EmbeddingBuilder(vectorDim, d.maxWords(), d.minCount(), d.contexts(), d.window(),
        d.sifA(), d.seed());
    return switch (wordVectors) {
      case "ppmi" -> WordVectorSource.ppmiOnly(ppmi);
      case "minilm" -> new WordVectorSource(ppmi, distilledTable(), false);
      case "both" -> new WordVectorSource(ppmi, distilledTable(), true);
      default -> throw new IllegalArgumentException("--word-vectors must be ppmi, minilm or both, not '"
          + wordVectors + "'");
    };
  }

  private DistilledTable distilledTable() throws IOException {
    if (!Files.isReadable(distilled)) {
      throw new IllegalArgumentException("no distilled word vectors at " + distilled + ": build them with "
          + "MiniLmWordTable (docs/iptc-topics.md, \"Rebuild\") or pass --word-vectors ppmi");
    }
    try (InputStream in = Files.newInputStream(distilled)) {
      return DistilledTable.read(in);
    }
  }
}
