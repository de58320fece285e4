package org.newsflow.enrich.tagging.topic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trains the topic model from the BBC news set and the IPTC Media Topics vocabulary and writes it, with the label
 * table beside it ({@code iptc-mediatopics-l1l2.tsv} in the model's folder). Progress goes to stderr.
 *
 * <pre>TopicModelTrainer --bbc DIR --iptc FILE --out MODEL</pre>
 */
public final class TopicModelTrainer {

  private static final String USAGE = "TopicModelTrainer --bbc DIR --iptc FILE --out MODEL";

  private TopicModelTrainer() {
  }

  /**
   * @param args {@code --bbc DIR --iptc FILE --out MODEL}
   * @throws IOException when the data cannot be read or the model written
   */
  public static void main(String[] args) throws IOException {
    TrainerArgs a = new TrainerArgs(args, Set.of("bbc", "iptc", "out"), Set.of(), USAGE);
    long t0 = System.nanoTime();
    IptcVocabulary vocabulary = IptcVocabulary.read(a.path("iptc"));
    List<BbcArticle> bbc = BbcArticle.readAll(a.path("bbc"));
    System.err.printf(Locale.ROOT, "read %d IPTC concepts, %d BBC articles%n", vocabulary.concepts().size(),
        bbc.size());
    Path out = a.path("out").toAbsolutePath();
    Files.createDirectories(out.getParent());
    Path labelFile = out.resolveSibling(Path.of(TopicLabels.RESOURCE).getFileName());
    try (Writer w = Files.newBufferedWriter(labelFile, StandardCharsets.UTF_8)) {
      vocabulary.writeLabelTable(w);
    }
    TopicLabels labels;
    try (var in = Files.newInputStream(labelFile)) {
      labels = TopicLabels.read(in);
    }
    TopicModel model = new TopicTraining(vocabulary, TopicTraining.Options.defaults()).train(bbc, labels,
        System.err);
    try (OutputStream o = Files.newOutputStream(out)) {
      model.write(o);
    }
    System.err.printf(Locale.ROOT, "wrote %s (%d bytes) and %s in %.1f s: %s%n", out, Files.size(out), labelFile,
        (System.nanoTime() - t0) / 1e9, model);
  }
}
