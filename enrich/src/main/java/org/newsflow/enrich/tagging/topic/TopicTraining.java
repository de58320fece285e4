package org.newsflow.enrich.tagging.topic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the training set and fits the topic model. Deterministic for a given seed and input order.
 *
 * <p>Training examples, one-vs-rest with a per-class target of yes, no or "don't know" (left out of that class's
 * loss):
 * <ul>
 *   <li>every BBC article: yes for its mapped topic, no for the other four BBC topics; for the twelve topics the BBC
 *       set lacks, the curated {@link TopicLexicon} decides — yes with strong evidence, don't know with some, no
 *       with none — so a politics story about the Iraq war is not taught to be "not conflict";</li>
 *   <li>per level-1 topic, synthetic articles: a random BBC article (or none) with text about the topic spliced in
 *       (IPTC label and definition of concepts of its subtree, plus lexicon keywords). Yes for the topic and for the
 *       background article's topic. This is how topics the BBC lacks become reachable inside realistic news text,
 *       and how the BBC topics learn the IPTC vocabulary's breadth (every sport, every art);</li>
 *   <li>level-2 classifiers learn, per parent, to tell its children apart on the synthetic articles of that
 *       parent.</li>
 * </ul>
 */
final class TopicTraining {

  /**
   * Training settings.
   *
   * @param level1Bits        log2 of the level-1 feature space
   * @param level2Bits        log2 of the level-2 feature space
   * @param injectionsPerTopic synthetic articles per level-1 topic
   * @param epochs            passes of stochastic gradient descent
   * @param learningRate      initial step size (features are L2-normalised)
   * @param l2                L2 penalty per example
   * @param seed              random seed
   * @param threshold1        level-1 assignment probability
   * @param threshold2        level-2 assignment probability
   * @param trainLevel2       false to skip level-2 classifiers (cross-validation measures level 1 only)
   * @param positiveWeight    loss weight of a positive example: every topic is rare among the examples, and
   *                          unweighted it would need overwhelming evidence before it is assigned
   */
  record Options(int level1Bits, int level2Bits, int injectionsPerTopic, int epochs, double learningRate, double l2,
      long seed, float threshold1, float threshold2, boolean trainLevel2, double positiveWeight) {

    static Options defaults() {
      return new Options(17, 14, 800, 15, 1.0, 1e-6, 20240314L, 0.5f, 0.5f, true, 5.0);
    }

    Options withoutLevel2() {
      return new Options(level1Bits, level2Bits, injectionsPerTopic, epochs, learningRate, l2, seed, threshold1,
          threshold2, false, positiveWeight);
    }
  }

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int STRONG_EVIDENCE = 6;
  private static final int SOME_EVIDENCE = 2;
  private static final int LEVEL2_EPOCH_FACTOR = 4;

  private final IptcVocabulary vocabulary;
  private final Options options;
  private final TextFeaturizer featurizer;
  private final List<String> level1Ids;
  private final List<List<IptcConcept>> children;
  private final List<List<String>> lexicon;
  private final Map<String, IptcConcept> conceptsById;

  TopicTraining(IptcVocabulary vocabulary, Options options) {
    this.vocabulary = vocabulary;
    this.options = options;
    this.featurizer = new TextFeaturizer(options.level1Bits(), options.level2Bits());
    this.level1Ids = vocabulary.atLevel(1).stream().map(IptcConcept::id).toList();
    List<List<IptcConcept>> ch = new ArrayList<>();
    List<List<String>> lex = new ArrayList<>();
    for (String id : level1Ids) {
      ch.add(vocabulary.atLevel(2).stream().filter(c -> id.equals(c.level1Id())).toList());
      lex.add(TopicLexicon.keywords(id).stream().map(TopicTraining::normalise).distinct().toList());
    }
    this.children = ch;
    this.lexicon = lex;
    this.conceptsById = vocabulary.byId();
  }

  List<String> level1Ids() {
    return level1Ids;
  }

  /** One training example: features, level-1 targets (1 yes, 0 no, -1 don't know), level-2 slot. */
  private record Example(TextFeatures features, byte[] targets, int parent, int child) {
  }

  TopicModel train(List<BbcArticle> bbc, TopicLabels labels, PrintStream log) {
    long t0 = System.nanoTime();
    List<Example> examples = examples(bbc, log);
    log.printf(Locale.ROOT, "built %d examples in %.1f s%n", examples.size(), (System.nanoTime() - t0) / 1e9);
    int k1 = level1Ids.size();
    int dim1 = 1 << options.level1Bits();
    float[] w1 = new float[dim1 * k1];
    float[] b1 = new float[k1];
    int[][] idx = new int[examples.size()][];
    float[][] val = new float[examples.size()][];
    byte[][] y = new byte[examples.size()][];
    for (int i = 0; i < examples.size(); i++) {
      idx[i] = examples.get(i).features().level1Index();
      val[i] = examples.get(i).features().level1Value();
      y[i] = examples.get(i).targets();
    }
    double loss = sgd(idx, val, y, k1, w1, b1, options.seed(), options.epochs());
    log.printf(Locale.ROOT, "trained %d level-1 classifiers in %.1f s (final epoch loss %.4f)%n", k1,
        (System.nanoTime() - t0) / 1e9, loss);

    List<List<String>> childIds = new ArrayList<>();
    float[][] w2 = new float[k1][];
    float[][] b2 = new float[k1][];
    int dim2 = 1 << options.level2Bits();
    for (int p = 0; p < k1; p++) {
      List<String> ids = options.trainLevel2() ? children.get(p).stream().map(IptcConcept::id).toList() : List.of();
      childIds.add(ids);
      int kc = ids.size();
      w2[p] = new float[dim2 * kc];
      b2[p] = new float[kc];
      if (kc == 0) {
        continue;
      }
      final int parent = p;
      List<Example> own = examples.stream().filter(e -> e.parent() == parent).toList();
      int[][] i2 = new int[own.size()][];
      float[][] v2 = new float[own.size()][];
      byte[][] y2 = new byte[own.size()][];
      for (int i = 0; i < own.size(); i++) {
        Example e = own.get(i);
        i2[i] = e.features().level2Index();
        v2[i] = e.features().level2Value();
        y2[i] = new byte[kc];
        y2[i][e.child()] = 1;
      }
      // a parent's few hundred synthetic articles are a small set: more passes make up for it
      sgd(i2, v2, y2, kc, w2[p], b2[p], options.seed() + p + 1, LEVEL2_EPOCH_FACTOR * options.epochs());
    }
    if (options.trainLevel2()) {
      log.printf(Locale.ROOT, "trained %d level-2 classifiers in %.1f s%n",
          childIds.stream().mapToInt(List::size).sum(), (System.nanoTime() - t0) / 1e9);
    }
    return TopicModel.quantise(featurizer, level1Ids, w1, b1, childIds, w2, b2, options.threshold1(),
        options.threshold2(), labels);
  }

  private List<Example> examples(List<BbcArticle> bbc, PrintStream log) {
    Random rnd = new Random(options.seed());
    int k1 = level1Ids.size();
    Set<Integer> bbcClasses = BbcArticle.CATEGORY_TO_TOPIC.values().stream().map(level1Ids::indexOf)
        .collect(Collectors.toSet());
    List<Example> out = new ArrayList<>();
    List<byte[]> bbcTargets = new ArrayList<>();
    int[] weakYes = new int[k1];
    for (BbcArticle a : bbc) {
      byte[] y = new byte[k1];
      int[] evidence = evidence(a.title() + "\n" + a.text());
      for (int k = 0; k < k1; k++) {
        if (bbcClasses.contains(k)) {
          y[k] = (byte) (level1Ids.get(k).equals(a.topicId()) ? 1 : 0);
        } else if (evidence[k] >= STRONG_EVIDENCE) {
          y[k] = 1;
          weakYes[k]++;
        } else {
          y[k] = (byte) (evidence[k] >= SOME_EVIDENCE ? -1 : 0);
        }
      }
      bbcTargets.add(y);
      out.add(new Example(featurizer.featurize(a.title(), a.text()), y, -1, -1));
    }
    StringBuilder weak = new StringBuilder("lexicon-labelled BBC articles:");
    for (int k = 0; k < k1; k++) {
      if (!bbcClasses.contains(k)) {
        weak.append(' ').append(level1Ids.get(k).substring(7, 9)).append('=').append(weakYes[k]);
      }
    }
    log.println(weak);

    for (int k = 0; k < k1; k++) {
      List<IptcConcept> kids = children.get(k);
      for (int n = 0; n < options.injectionsPerTopic(); n++) {
        int child = kids.isEmpty() || rnd.nextDouble() < 0.2 ? -1 : rnd.nextInt(kids.size());
        List<IptcConcept> pool = child < 0 ? List.of(conceptsById.get(level1Ids.get(k)))
            : vocabulary.subtree(kids.get(child).id());
        StringBuilder inject = new StringBuilder();
        List<String> level2Words = child < 0 ? List.of() : TopicLexicon.level2Keywords(kids.get(child).id());
        // real articles never quote IPTC definitions: where a child has curated keywords, half of its articles
        // carry only those, so the classifier cannot lean on definition wording alone
        boolean keywordsOnly = !level2Words.isEmpty() && rnd.nextBoolean();
        int concepts = keywordsOnly ? 0 : 1 + rnd.nextInt(3);
        IptcConcept first = pool.get(rnd.nextInt(pool.size()));
        for (int c = 0; c < concepts; c++) {
          IptcConcept concept = c == 0 ? first : pool.get(rnd.nextInt(pool.size()));
          inject.append(concept.label()).append(". ").append(concept.definition()).append(" ");
        }
        // a child's own keywords, where curated, stand in for the parent's: they are what tells siblings apart
        List<String> words = level2Words.isEmpty() || !keywordsOnly && rnd.nextBoolean() ? lexicon.get(k)
            : level2Words;
        if (!words.isEmpty()) {
          int m = 5 + rnd.nextInt(11);
          for (int i = 0; i < m; i++) {
            inject.append(words.get(rnd.nextInt(words.size()))).append(i + 1 < m ? ", " : ". ");
          }
        }
        // topics co-occur (a teachers' strike is labour and education): a second topic's words must not count
        // against the first, so some synthetic articles carry two
        int second = rnd.nextDouble() < 0.3 ? rnd.nextInt(k1) : -1;
        if (second == k) {
          second = -1;
        }
        if (second >= 0) {
          List<IptcConcept> other = vocabulary.subtree(level1Ids.get(second));
          IptcConcept concept = other.get(rnd.nextInt(other.size()));
          inject.append(concept.label()).append(". ").append(concept.definition()).append(" ");
          List<String> otherWords = lexicon.get(second);
          for (int i = 0, m = otherWords.isEmpty() ? 0 : 3 + rnd.nextInt(6); i < m; i++) {
            inject.append(otherWords.get(rnd.nextInt(otherWords.size()))).append(i + 1 < m ? ", " : ". ");
          }
        }
        byte[] y = new byte[k1];
        String title;
        String text;
        if (bbc.isEmpty() || rnd.nextDouble() < 0.15) {
          title = first.label();
          text = inject.toString();
          for (int j = 0; j < k1; j++) {
            y[j] = (byte) (bbcClasses.contains(j) ? 0 : -1);
          }
        } else {
          int b = rnd.nextInt(bbc.size());
          BbcArticle bg = bbc.get(b);
          System.arraycopy(bbcTargets.get(b), 0, y, 0, k1);
          String[] paragraphs = bg.text().split("\n+");
          int keep = 1 + rnd.nextInt(paragraphs.length);
          int at = rnd.nextInt(keep + 1);
          StringBuilder body = new StringBuilder();
          for (int i = 0; i < keep; i++) {
            if (i == at) {
              body.append(inject).append('\n');
            }
            body.append(paragraphs[i]);
            // real articles on a topic mention it throughout, not in one block
            if (!words.isEmpty() && rnd.nextBoolean()) {
              int m = 1 + rnd.nextInt(3);
              for (int j = 0; j < m; j++) {
                body.append(' ').append(words.get(rnd.nextInt(words.size())));
              }
            }
            body.append('\n');
          }
          if (at == keep) {
            body.append(inject);
          }
          title = !keywordsOnly && rnd.nextBoolean() ? first.label() : bg.title();
          text = body.toString();
        }
        y[k] = 1;
        if (second >= 0) {
          y[second] = 1;
        }
        // articles about the topic in general teach its children nothing: real articles about one child read like
        // them (a war report is full of the parent's words), so as "no child" examples they would veto every child
        out.add(new Example(featurizer.featurize(title, text), y, child < 0 ? -1 : k, child));
      }
    }
    return out;
  }

  /** Counts, per level-1 topic, the distinct lexicon entries that occur in the text. */
  private int[] evidence(String text) {
    String[] tokens = NON_WORD.split(text.toLowerCase(Locale.ROOT));
    Set<String> grams = new HashSet<>();
    for (int i = 0; i < tokens.length; i++) {
      grams.add(tokens[i]);
      if (i + 1 < tokens.length) {
        grams.add(tokens[i] + " " + tokens[i + 1]);
      }
      if (i + 2 < tokens.length) {
        grams.add(tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]);
      }
    }
    int[] hits = new int[level1Ids.size()];
    for (int k = 0; k < hits.length; k++) {
      for (String w : lexicon.get(k)) {
        if (grams.contains(w)) {
          hits[k]++;
        }
      }
    }
    return hits;
  }

  private static String normalise(String phrase) {
    return String.join(" ", NON_WORD.split(phrase.toLowerCase(Locale.ROOT).strip()));
  }

  /**
   * One-vs-rest logistic regression by stochastic gradient descent, all classes sharing one pass over the data.
   * Targets of -1 leave the example out of that class's loss.
   *
   * @return mean weighted log-loss per example in the last epoch, for progress output
   */
  private double sgd(int[][] idx, float[][] val, byte[][] y, int k, float[] w, float[] b, long seed, int epochs) {
    int n = idx.length;
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random rnd = new Random(seed);
    double[] g = new double[k];
    double loss = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      loss = 0;
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lr = options.learningRate() / (1 + 0.3 * epoch);
      for (int e : order) {
        int[] fi = idx[e];
        float[] fv = val[e];
        byte[] ye = y[e];
        for (int c = 0; c < k; c++) {
          g[c] = b[c];
        }
        for (int f = 0; f < fi.length; f++) {
          int base = fi[f] * k;
          float v = fv[f];
          for (int c = 0; c < k; c++) {
            g[c] += v * w[base + c];
          }
        }
        for (int c = 0; c < k; c++) {
          if (ye[c] < 0) {
            g[c] = 0;
            continue;
          }
          double p = 1.0 / (1.0 + Math.exp(-g[c]));
          double weight = ye[c] == 1 ? options.positiveWeight() : 1.0;
          loss -= weight * Math.log(Math.max(1e-12, ye[c] == 1 ? p : 1 - p));
          g[c] = lr * weight * (p - ye[c]);
          b[c] -= (float) g[c];
        }
        for (int f = 0; f < fi.length; f++) {
          int base = fi[f] * k;
          float v = fv[f];
          for (int c = 0; c < k; c++) {
            w[base + c] -= (float) (g[c] * v);
          }
        }
      }
      // L2 shrinkage once per epoch: the per-step equivalent would touch every weight on every example
      float shrink = (float) Math.max(0, 1 - lr * options.l2() * n);
      for (int i = 0; i < w.length; i++) {
        w[i] *= shrink;
      }
    }
    return loss / n;
  }

  /** @return level-1 qcodes mapped from BBC categories, as class indices */
  Map<String, Integer> bbcClassIndex() {
    return BbcArticle.CATEGORY_TO_TOPIC.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> level1Ids.indexOf(e.getValue())));
  }
}
