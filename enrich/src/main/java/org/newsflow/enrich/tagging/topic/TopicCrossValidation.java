package org.newsflow.enrich.tagging.topic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stratified k-fold cross-validation of the topic model on the BBC set. For each fold a model is trained on the
 * other folds (synthetic articles are built from training-fold articles only), written and read back (so the
 * quantised weights are what is measured), and each held-out article is predicted as the most probable of the
 * five BBC-mapped level-1 topics. Reports per-class precision, recall, F1 and the macro-F1, plus how often the
 * multi-label output (threshold) contains the gold topic and how many topics outside the five it adds.
 *
 * <pre>TopicCrossValidation --bbc DIR --iptc FILE [--folds 5]</pre>
 */
public final class TopicCrossValidation {

  private static final String USAGE = "TopicCrossValidation --bbc DIR --iptc FILE [--folds 5]";

  private TopicCrossValidation() {
  }

  /**
   * @param args {@code --bbc DIR --iptc FILE [--folds 5]}
   * @throws IOException when the data cannot be read
   */
  public static void main(String[] args) throws IOException {
    TrainerArgs a = new TrainerArgs(args, Set.of("bbc", "iptc"), Set.of("folds"), USAGE);
    int folds = a.integer("folds", 5);
    IptcVocabulary vocabulary = IptcVocabulary.read(a.path("iptc"));
    List<BbcArticle> bbc = BbcArticle.readAll(a.path("bbc"));
    TopicTraining.Options options = TopicTraining.Options.defaults().withoutLevel2();
    TopicTraining training = new TopicTraining(vocabulary, options);
    StringWriter table = new StringWriter();
    vocabulary.writeLabelTable(table);
    TopicLabels labels = TopicLabels.read(new ByteArrayInputStream(table.toString().getBytes(StandardCharsets.UTF_8)));

    // stratified folds: shuffle each category with a fixed seed, deal its articles round-robin
    int[] fold = new int[bbc.size()];
    Map<String, List<Integer>> byCategory = new TreeMap<>();
    for (int i = 0; i < bbc.size(); i++) {
      byCategory.computeIfAbsent(bbc.get(i).category(), c -> new ArrayList<>()).add(i);
    }
    Random rnd = new Random(options.seed());
    for (List<Integer> members : byCategory.values()) {
      Collections.shuffle(members, rnd);
      for (int j = 0; j < members.size(); j++) {
        fold[members.get(j)] = j % folds;
      }
    }
    List<String> categories = List.copyOf(byCategory.keySet());
    Map<String, Integer> classIndex = training.bbcClassIndex();
    int c = categories.size();
    int[][] confusion = new int[c][c];
    int goldAssigned = 0;
    int extraTopics = 0;
    int extraBbcTopics = 0;
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (int f = 0; f < folds; f++) {
      List<BbcArticle> train = new ArrayList<>();
      List<BbcArticle> test = new ArrayList<>();
      for (int i = 0; i < bbc.size(); i++) {
        (fold[i] == f ? test : train).add(bbc.get(i));
      }
      long t0 = System.nanoTime();
      TopicModel trained = training.train(train, labels, quiet);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      trained.write(bytes);
      TopicModel model = TopicModel.read(new ByteArrayInputStream(bytes.toByteArray()), labels);
      int correct = 0;
      for (BbcArticle article : test) {
        double[] p = model.level1Probabilities(model.featurizer().featurize(article.title(), article.text()));
        int gold = categories.indexOf(article.category());
        int best = 0;
        for (int j = 1; j < c; j++) {
          if (p[classIndex.get(categories.get(j))] > p[classIndex.get(categories.get(best))]) {
            best = j;
          }
        }
        confusion[gold][best]++;
        correct += gold == best ? 1 : 0;
        goldAssigned += p[classIndex.get(article.category())] >= model.threshold1() ? 1 : 0;
        for (int k = 0; k < p.length; k++) {
          if (p[k] >= model.threshold1() && k != classIndex.get(article.category())) {
            if (classIndex.containsValue(k)) {
              extraBbcTopics++;
            } else {
              extraTopics++;
            }
          }
        }
      }
      System.err.printf(Locale.ROOT, "fold %d/%d: accuracy %.4f on %d articles (%.1f s)%n", f + 1, folds,
          correct / (double) test.size(), test.size(), (System.nanoTime() - t0) / 1e9);
    }
    double macro = 0;
    System.out.printf(Locale.ROOT, "%d-fold cross-validation on %d BBC articles (argmax over the five mapped "
        + "topics)%n", folds, bbc.size());
    System.out.printf(Locale.ROOT, "%-14s %-16s %9s %9s %9s%n", "category", "topic", "precision", "recall", "F1");
    for (int j = 0; j < c; j++) {
      int tp = confusion[j][j];
      int predicted = 0;
      int actual = 0;
      for (int i = 0; i < c; i++) {
        predicted += confusion[i][j];
        actual += confusion[j][i];
      }
      double precision = predicted == 0 ? 0 : tp / (double) predicted;
      double recall = actual == 0 ? 0 : tp / (double) actual;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      macro += f1 / c;
      System.out.printf(Locale.ROOT, "%-14s %-16s %9.4f %9.4f %9.4f%n", categories.get(j),
          BbcArticle.CATEGORY_TO_TOPIC.get(categories.get(j)), precision, recall, f1);
    }
    System.out.printf(Locale.ROOT, "macro-F1 %.4f%n", macro);
    System.out.printf(Locale.ROOT, "multi-label (p >= %.2f): gold topic assigned to %.2f%% of articles; "
        + "%.3f other BBC-mapped and %.3f non-BBC topics per article%n", options.threshold1(),
        100.0 * goldAssigned / bbc.size(), extraBbcTopics / (double) bbc.size(), extraTopics / (double) bbc.size());
  }
}
