package org.newsflow.enrich.training.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.newsflow.enrich.tagging.topic.TopicLabels;
import org.newsflow.enrich.tagging.topic.TopicModel;
import org.newsflow.enrich.tagging.topic.WordVectors;

/**
 * Trains the shipped topic model from the corpora and the IPTC vocabulary and writes it, with the label table
 * beside it ({@code iptc-mediatopics-l1l2.tsv} in the model's folder).
 */
public final class TopicTrainer {

  private final TrainingOptions options;
  private final WordVectorSource embeddings;
  private final PrintWriter log;

  /**
   * @param options    training settings
   * @param embeddings where the word vectors come from
   * @param log        progress
   */
  public TopicTrainer(TrainingOptions options, WordVectorSource embeddings, PrintWriter log) {
    this.options = options;
    this.embeddings = embeddings;
    this.log = log;
  }

  /**
   * @param corpora    the labelled and unlabeled texts
   * @param vocabulary the IPTC vocabulary
   * @param out        where to write the model
   * @return the model written
   * @throws IOException when writing fails
   */
  public TopicModel trainAndWrite(Corpora corpora, IptcVocabulary vocabulary, Path out) throws IOException {
    long t0 = System.nanoTime();
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path labelFile = target.resolveSibling(Path.of(TopicLabels.RESOURCE).getFileName());
    try (Writer w = Files.newBufferedWriter(labelFile, StandardCharsets.UTF_8)) {
      vocabulary.writeLabelTable(w);
    }
    TopicLabels labels;
    try (InputStream in = Files.newInputStream(labelFile)) {
      labels = TopicLabels.read(in);
    }
    WordVectors vectors = WordVectors.NONE;
    if (options.denseWeight() > 0) {
      TopicTraining probe = new TopicTraining(vocabulary, WordVectors.NONE, options.withFeatureWeights(1f, 0f));
      vectors = embeddings.build(corpora.unlabeled().stream().map(Corpora.Unlabeled::text).toList(),
          probe.featurizer(), log);
    }
    TopicModel model = new TopicTraining(vocabulary, vectors, options).train(corpora.labelled(), labels, log);
    try (OutputStream o = Files.newOutputStream(target)) {
      model.write(o);
    }
    log.printf(Locale.ROOT, "wrote %s (%d bytes) and %s in %.1f s: %s%n", target, Files.size(target), labelFile,
        (System.nanoTime() - t0) / 1e9, model);
    return model;
  }
}
