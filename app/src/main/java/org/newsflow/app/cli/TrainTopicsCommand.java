package org.newsflow.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsflow.enrich.training.topic.Corpora;
import org.newsflow.enrich.training.topic.IptcVocabulary;
import org.newsflow.enrich.training.topic.TopicTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow train topics}: trains the IPTC topic model (see docs/iptc-topics.md). Progress goes to stderr. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Train the IPTC topic model from BBC, HuffPost, Reuters-21578 and the IPTC vocabulary; writes the "
        + "model and the label table beside it.")
public final class TrainTopicsCommand implements Callable<Integer> {

  @Mixin
  TopicDataOptions data;

  @Option(names = "--out", paramLabel = "MODEL", defaultValue = "enrich/src/main/resources/models/topics.bin",
      description = "Where to write the model (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // the data first: a missing corpus is the likelier mistake and should be the error reported
    Corpora corpora = data.corpora();
    IptcVocabulary vocabulary = data.vocabulary();
    new TopicTrainer(data.options(), data.embeddings(), spec.commandLine().getErr())
        .trainAndWrite(corpora, vocabulary, out);
    return 0;
  }
}
