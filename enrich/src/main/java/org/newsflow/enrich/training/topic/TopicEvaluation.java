package org.newsflow.enrich.training.topic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newsflow.enrich.tagging.topic.TopicLabels;
import org.newsflow.enrich.tagging.topic.TopicModel;
import org.newsflow.enrich.tagging.topic.WordVectors;
import org.newsflow.enrich.training.topic.TrainingOptions.CalibrationSplit;

/**
 * Measures the topic model where it matters: on a corpus it was not trained on. Cross-corpus: for each corpus in
 * turn, word vectors are learned from the text of the other corpora only, a calibrated model is trained on their
 * labelled texts (plus the IPTC vocabulary and lexicon; calibrated as the options say, by default on each training
 * corpus scored by a model trained on the others), written and read back (so the quantised weights are
 * measured), and every mapped text of the held-out corpus is predicted, as full text and as title plus first
 * sentence. In-corpus: k-fold cross-validation over all corpora pooled, calibration fit on the same held-out
 * scores. The top-1 answer is the most probable of all 17 level-1 topics; it is right when it is one of the text's
 * mapped topics. Macro-F1 averages the F1 of the topics the held-out texts are labelled with (a wrong answer counts
 * against the text's first mapped topic).
 */
public final class TopicEvaluation {

  /** The two text forms measured. */
  public static final List<String> FORMS = List.of("full text", "title + first sentence");

  /**
   * One line of the result.
   *
   * @param corpus   the held-out corpus
   * @param form     full text, or title plus first sentence
   * @param texts    texts measured
   * @param top1     share of right top-1 answers
   * @param macroF1  mean F1 over the labelled topics
   * @param ece      expected calibration error of the top-1 probability
   * @param precisionAtHalf share of right ones among the topics assigned at probability 0.5 or more (topics the
   *                 held-out corpus labels; "any of" topics of a text left out)
   * @param assignedPerText topics the corpus labels assigned at 0.5 or more, per text
   * @param byCategory per source category: top-1 accuracy, count, the most frequent answer (level-1 number)
   * @param bestGuess share of texts whose most probable topic is below 0.5, which the tagger assigns as its best
   *                 guess with that probability (no topic is more likely than not)
   * @param top1BestGuess top-1 accuracy among those texts
   */
  public record Row(String corpus, String form, int texts, double top1, double macroF1, double ece,
      double precisionAtHalf, double assignedPerText, Map<String, double[]> byCategory, double bestGuess,
      double top1BestGuess) {
  }

  private final IptcVocabulary vocabulary;
  private final TopicLabels labels;
  private final TrainingOptions options;
  private final WordVectorSource embeddings;
  private final PrintWriter log;

  /**
   * @param vocabulary the IPTC vocabulary
   * @param labels     label table
   * @param options    training settings (level 2 is skipped)
   * @param embeddings where the word vectors come from
   * @param log        progress
   */
  public TopicEvaluation(IptcVocabulary vocabulary, TopicLabels labels, TrainingOptions options,
      WordVectorSource embeddings, PrintWriter log) {
    this.vocabulary = vocabulary;
    this.labels = labels;
    this.options = options.withoutLevel2();
    this.embeddings = embeddings;
    this.log = log;
  }

  private WordVectors vectors(Corpora corpora) {
    if (options.denseWeight() == 0) {
      return WordVectors.NONE;
    }
    TopicTraining probe = new TopicTraining(vocabulary, WordVectors.NONE, options.withFeatureWeights(1f, 0f));
    return embeddings.build(corpora.unlabeled().stream().map(Corpora.Unlabeled::text).toList(),
        probe.featurizer(), log);
  }

  /**
   * @param corpora all corpora
   * @param heldOut the corpora to hold out, in turn
   * @return two rows (full text, lead) per held-out corpus, calibrated in-corpus only
   */
  public List<Row> crossCorpus(Corpora corpora, List<String> heldOut) {
    return crossCorpusCalibrations(corpora, heldOut).get(0);
  }

  /**
   * The cross-corpus measurement under three calibrations of the same classifiers: in-corpus (per-topic Platt
   * scaling on random folds of the training corpora); that followed by a shared out-of-corpus shift
   * {@code sigmoid(t * logit + u)} learnt from leave-one-corpus-out predictions (measured, not shipped); and by
   * the temperature alone ({@code u = 0}) that {@code --calibration corpora} ships. For a held-out corpus the shift is fit on the other
   * held-out corpora's predictions (cross-fit: never on the corpus it is measured on), so it needs at least two
   * held-out corpora; with one, the later lists repeat the first.
   *
   * @param corpora all corpora
   * @param heldOut the corpora to hold out, in turn
   * @return in-corpus rows, rows with the shift, rows with the temperature: two rows (full text, lead) per
   *     held-out corpus each
   */
  public List<List<Row>> crossCorpusCalibrations(Corpora corpora, List<String> heldOut) {
    List<Row> before = new ArrayList<>();
    List<LabelledText> all = corpora.labelled();
    TopicTraining probe = new TopicTraining(vocabulary, WordVectors.NONE, options.withFeatureWeights(1f, 0f));
    Map<String, Set<Integer>> covered = probe.builder().coverage(all);
    Map<LabelledText, Float> weight = new java.util.IdentityHashMap<>();
    float[] w = probe.builder().weights(all);
    for (int i = 0; i < all.size(); i++) {
      weight.put(all.get(i), w[i]);
    }
    Map<String, List<double[]>> points = new TreeMap<>();
    Map<String, List<List<double[]>>> probabilities = new TreeMap<>();
    List<String> ids = probe.level1Ids();
    for (String h : heldOut) {
      long t0 = System.nanoTime();
      log.printf(Locale.ROOT, "holding out %s%n", h);
      Corpora train = corpora.without(h);
      TopicTraining training = new TopicTraining(vocabulary, vectors(train),
          options.withCalibrationSplit(CalibrationSplit.FOLDS));
      TopicModel model = roundTrip(training.train(train.labelled(), labels, log));
      Set<Integer> elsewhere = new HashSet<>();
      training.builder().coverage(train.labelled()).values().forEach(elsewhere::addAll);
      List<LabelledText> test = corpora.labelled(h);
      List<double[]> own = new ArrayList<>();
      probabilities.put(h, new ArrayList<>());
      for (int form = 0; form < 2; form++) {
        List<double[]> probs = new ArrayList<>();
        for (LabelledText t : test) {
          LabelledText x = form == 0 ? t : t.lead();
          double[] p = model.level1Probabilities(model.featurizer().featurize(x.title(), x.text()));
          probs.add(p);
          Calibration.addShiftPoints(own, t, logits(p), weight.get(t), covered.get(h), elsewhere, ids);
        }
        probabilities.get(h).add(probs);
        before.add(metrics(h, FORMS.get(form), test, probs, model.level1Ids(), covered.get(h)));
      }
      points.put(h, own);
      log.printf(Locale.ROOT, "held out %s: %d texts (%.1f s)%n", h, test.size(), (System.nanoTime() - t0) / 1e9);
    }
    List<Row> after = shifted(corpora, heldOut, points, probabilities, covered, ids, false);
    List<Row> tempered = shifted(corpora, heldOut, points, probabilities, covered, ids, true);
    List<double[]> pooled = new ArrayList<>();
    points.values().forEach(pooled::addAll);
    double[] tu = Calibration.fitShift(pooled);
    double[] t = Calibration.fitTemperature(pooled);
    log.printf(Locale.ROOT, "fit on all held-out corpora: shift t = %.3f, u = %.3f; temperature t = %.3f%n", tu[0],
        tu[1], t[0]);
    return List.of(before, after, tempered);
  }

  private List<Row> shifted(Corpora corpora, List<String> heldOut, Map<String, List<double[]>> points,
      Map<String, List<List<double[]>>> probabilities, Map<String, Set<Integer>> covered, List<String> ids,
      boolean temperatureOnly) {
    List<Row> after = new ArrayList<>();
    for (String h : heldOut) {
      List<double[]> others = new ArrayList<>();
      points.forEach((c, p) -> {
        if (!c.equals(h)) {
          others.addAll(p);
        }
      });
      double[] tu = others.isEmpty() ? new double[] {1, 0}
          : temperatureOnly ? Calibration.fitTemperature(others) : Calibration.fitShift(others);
      log.printf(Locale.ROOT, "shift for %s, fit on the other held-out corpora: t = %.3f, u = %.3f%n", h, tu[0],
          tu[1]);
      for (int form = 0; form < 2; form++) {
        List<double[]> shifted = new ArrayList<>();
        for (double[] p : probabilities.get(h).get(form)) {
          double[] z = logits(p);
          for (int c = 0; c < z.length; c++) {
            z[c] = 1 / (1 + Math.exp(-(tu[0] * z[c] + tu[1])));
          }
          shifted.add(z);
        }
        after.add(metrics(h, FORMS.get(form), corpora.labelled(h), shifted, ids, covered.get(h)));
      }
    }
    return after;
  }

  private static double[] logits(double[] p) {
    double[] z = new double[p.length];
    for (int c = 0; c < p.length; c++) {
      double q = Math.min(1 - 1e-7, Math.max(1e-7, p[c]));
      z[c] = Math.log(q / (1 - q));
    }
    return z;
  }

  /**
   * @param corpora all corpora
   * @param folds   number of folds
   * @return two rows (full text, lead) per corpus
   */
  public List<Row> crossValidation(Corpora corpora, int folds) {
    TopicTraining training = new TopicTraining(vocabulary, vectors(corpora), options);
    List<LabelledText> texts = corpora.labelled();
    double[][][] scores = training.outOfFoldScores(texts, folds, log);
    Calibration cal = Calibration.fit(texts, scores, training.level1Ids(), training.builder(),
        options.calibrateOnLeads());
    List<Row> rows = new ArrayList<>();
    for (String corpus : Corpora.NAMES) {
      List<LabelledText> own = new ArrayList<>();
      List<List<double[]>> probs = List.of(new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < texts.size(); i++) {
        if (texts.get(i).corpus().equals(corpus)) {
          own.add(texts.get(i));
          for (int form = 0; form < 2; form++) {
            double[] z = scores[i][form].clone();
            for (int c = 0; c < z.length; c++) {
              z[c] = 1 / (1 + Math.exp(-(cal.slope()[c] * z[c] + cal.intercept()[c])));
            }
            probs.get(form).add(z);
          }
        }
      }
      if (!own.isEmpty()) {
        for (int form = 0; form < 2; form++) {
          rows.add(metrics(corpus, FORMS.get(form), own, probs.get(form), training.level1Ids(),
              training.builder().coverage(texts).get(corpus)));
        }
      }
    }
    return rows;
  }

  private TopicModel roundTrip(TopicModel model) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      model.write(bytes);
      return TopicModel.read(new ByteArrayInputStream(bytes.toByteArray()), labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Row metrics(String corpus, String form, List<LabelledText> texts, List<double[]> probs,
      List<String> level1Ids) {
    Set<Integer> covered = new HashSet<>();
    texts.forEach(t -> t.topics().forEach(topic -> covered.add(level1Ids.indexOf(topic))));
    return metrics(corpus, form, texts, probs, level1Ids, covered);
  }

  static Row metrics(String corpus, String form, List<LabelledText> texts, List<double[]> probs,
      List<String> level1Ids, Set<Integer> covered) {
    int k = level1Ids.size();
    int[] tp = new int[k];
    int[] predicted = new int[k];
    int[] actual = new int[k];
    double[] confidence = new double[texts.size()];
    boolean[] correct = new boolean[texts.size()];
    Map<String, double[]> byCategory = new TreeMap<>();
    int right = 0;
    int below = 0;
    int belowRight = 0;
    int assigned = 0;
    int assignedRight = 0;
    for (int i = 0; i < texts.size(); i++) {
      double[] p = probs.get(i);
      for (int c : covered) {
        boolean gold = texts.get(i).topics().contains(level1Ids.get(c));
        if (p[c] >= 0.5 && !(gold && texts.get(i).anyOf())) {
          assigned++;
          assignedRight += gold ? 1 : 0;
        }
      }
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      LabelledText t = texts.get(i);
      boolean ok = t.topics().contains(level1Ids.get(best));
      int gold = ok ? best : level1Ids.indexOf(t.topics().get(0));
      actual[gold]++;
      predicted[best]++;
      tp[best] += ok ? 1 : 0;
      right += ok ? 1 : 0;
      if (p[best] < 0.5) {
        below++;
        belowRight += ok ? 1 : 0;
      }
      confidence[i] = p[best];
      correct[i] = ok;
      String category = t.corpus().equals("reuters") ? String.join("+", t.topics()) : t.category();
      double[] cell = byCategory.computeIfAbsent(category, x -> new double[3 + k]);
      cell[0] += ok ? 1 : 0;
      cell[1]++;
      cell[3 + best]++;
    }
    double macro = 0;
    int classes = 0;
    for (int c = 0; c < k; c++) {
      if (actual[c] == 0) {
        continue;
      }
      double precision = predicted[c] == 0 ? 0 : tp[c] / (double) predicted[c];
      double recall = tp[c] / (double) actual[c];
      macro += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      classes++;
    }
    for (double[] cell : byCategory.values()) {
      cell[0] /= cell[1];
      int mode = 0;
      for (int c = 1; c < k; c++) {
        mode = cell[3 + c] > cell[3 + mode] ? c : mode;
      }
      cell[2] = mode + 1; // the most frequent answer, as a level-1 qcode's two digits
    }
    return new Row(corpus, form, texts.size(), right / (double) Math.max(1, texts.size()),
        classes == 0 ? 0 : macro / classes, Calibration.expectedCalibrationError(confidence, correct),
        assigned == 0 ? 0 : assignedRight / (double) assigned, assigned / (double) Math.max(1, texts.size()),
        byCategory, below / (double) Math.max(1, texts.size()), below == 0 ? 0 : belowRight / (double) below);
  }

  /** The answers given to a category's texts, most frequent first, down to 3 % of them. */
  private static String answers(double[] cell) {
    StringBuilder out = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c + 3 < cell.length; c++) {
      order.add(c);
    }
    order.sort((a, b) -> Double.compare(cell[3 + b], cell[3 + a]));
    for (int c : order) {
      double share = cell[3 + c] / cell[1];
      if (share >= 0.03) {
        out.append(String.format(Locale.ROOT, " %02d %.2f", c + 1, share));
      }
    }
    return out.toString();
  }

  /**
   * Prints rows as a Markdown table, then top-1 accuracy per source category.
   *
   * @param title   the table's heading
   * @param rows    the rows
   * @param out     where to print
   */
  public static void print(String title, List<Row> rows, PrintWriter out) {
    out.println(title);
    out.println();
    out.println("| corpus | text | texts | top-1 accuracy | macro-F1 | ECE (top-1) | right when p >= 0.5 | "
        + "assigned per text | top-1 below 0.5: share, top-1 |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.2f | %.3f, %.3f |%n", r.corpus(),
          r.form(), r.texts(), r.top1(), r.macroF1(), r.ece(), r.precisionAtHalf(), r.assignedPerText(),
          r.bestGuess(), r.top1BestGuess());
    }
    out.println();
    out.println("top-1 accuracy per source category (texts):");
    for (Row r : rows) {
      StringBuilder line = new StringBuilder("  " + r.corpus() + ", " + r.form() + ":");
      r.byCategory().forEach((c, cell) -> line.append(String.format(Locale.ROOT, " %s %.2f (%d, mostly %02d);", c,
          cell[0], (int) cell[1], (int) cell[2])));
      out.println(line);
    }
    out.println();
    out.println("top-1 answers per source category (level-1 number: share of the category's texts), the confusion:");
    for (Row r : rows) {
      r.byCategory().forEach((c, cell) -> out.println("  " + r.corpus() + ", " + r.form() + ", " + c + ":"
          + answers(cell)));
    }
    out.println();
    out.flush();
  }
}
