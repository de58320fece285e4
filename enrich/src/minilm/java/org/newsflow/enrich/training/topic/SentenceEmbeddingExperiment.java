package org.newsflow.enrich.training.topic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.newsflow.enrich.tagging.topic.TopicLabels;
import org.newsflow.enrich.tagging.topic.TopicModel;
import org.newsflow.enrich.tagging.topic.WordVectors;

/**
 * Issue 13's measurement of sentence embeddings (all-MiniLM-L6-v2, quantised, on ONNX Runtime) as the topic
 * representation, side by side with the shipped model in the cross-corpus protocol of {@link TopicEvaluation}. A
 * plain main, not a test: it needs the corpora in {@code shared/} and takes minutes.
 *
 * <p>Per held-out corpus: the shipped model trained on the other corpora; a softmax-regression head over the
 * embedding of title + lead (at most {@value #MAX_WORDS} words) trained on the other corpora's texts (the IPTC
 * labels and definitions as extra examples, or not); the IPTC concepts' embeddings as zero-shot prototypes; and the
 * shipped model's probabilities times the head's (equal weights, no tuning). Embeddings are cached in a file.
 *
 * <pre>
 * java -Xmx6g -cp "$CP" org.newsflow.enrich.training.topic.SentenceEmbeddingExperiment ../shared/data /tmp/emb.bin
 * java -cp "$CP" org.newsflow.enrich.training.topic.SentenceEmbeddingExperiment --time ../shared/data/topics/bbc
 * </pre>
 */
public final class SentenceEmbeddingExperiment {

  static final int MAX_WORDS = 48;
  private static final int DIM = 384;

  private SentenceEmbeddingExperiment() {
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--time")) {
      time(Path.of(args[1]));
      return;
    }
    Path data = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    PrintWriter log = new PrintWriter(System.err, true);
    Corpora corpora = Corpora.read(data.resolve("topics/bbc"),
        data.resolve("topics/huffpost/news-category-2018-2022.jsonl"), data.resolve("text/reuters21578.jsonl"),
        SourceMapping.loadDefault());
    IptcVocabulary vocabulary = IptcVocabulary.read(data.resolve("topics/iptc-mediatopics.json"));
    List<LabelledText> texts = corpora.labelled();
    List<IptcConcept> concepts = vocabulary.concepts();
    List<String> inputs = new ArrayList<>();
    for (LabelledText t : texts) {
      inputs.add(cap(t.title() + "\n" + t.text()));
      inputs.add(cap(t.title() + "\n" + t.lead().text()));
    }
    for (IptcConcept c : concepts) {
      inputs.add(cap(c.label() + ": " + c.definition()));
    }
    float[][] emb = embedAll(inputs, cache, log);
    TrainingOptions options = TrainingOptions.defaults().withoutLevel2();
    TopicLabels labels = TopicLabels.loadDefault();
    List<String> ids = new TopicTraining(vocabulary, WordVectors.NONE, options).level1Ids();
    int k = ids.size();
    int[] conceptClass = new int[concepts.size()];
    float[][] conceptEmb = new float[concepts.size()][];
    for (int i = 0; i < concepts.size(); i++) {
      conceptClass[i] = ids.indexOf(concepts.get(i).level1Id());
      conceptEmb[i] = emb[2 * texts.size() + i];
    }
    float[][] prototypes = prototypes(conceptEmb, conceptClass, k);
    PrintWriter out = new PrintWriter(System.out, true);
    out.println("| held-out | text | shipped model | MiniLM + head | MiniLM + head, with IPTC concepts "
        + "| IPTC prototypes (zero-shot) | shipped × head |");
    out.println("|---|---|---:|---:|---:|---:|---:|");
    for (String h : Corpora.NAMES) {
      long t0 = System.nanoTime();
      Corpora train = corpora.without(h);
      EmbeddingBuilder eb = EmbeddingBuilder.defaults();
      TopicTraining probe = new TopicTraining(vocabulary, WordVectors.NONE, options.withFeatureWeights(1f, 0f));
      WordVectors vectors = eb.build(train.unlabeled().stream().map(Corpora.Unlabeled::text).toList(),
          probe.featurizer(), log);
      TopicModel shipped = new TopicTraining(vocabulary, vectors, options).train(train.labelled(), labels, log);
      List<float[]> trainX = new ArrayList<>();
      List<int[]> trainY = new ArrayList<>();
      List<Float> trainW = new ArrayList<>();
      Map<String, Integer> setCount = new HashMap<>();
      for (LabelledText t : texts) {
        if (!t.corpus().equals(h)) {
          setCount.merge(t.topics() + "" + t.anyOf(), 1, Integer::sum);
        }
      }
      List<LabelledText> test = new ArrayList<>();
      List<Integer> testIndex = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        LabelledText t = texts.get(i);
        if (t.corpus().equals(h)) {
          test.add(t);
          testIndex.add(i);
          continue;
        }
        // as the shipped trainer: a label set weighs at most categoryCap in all, the two forms half each
        float w = Math.min(1f, options.categoryCap() / (float) setCount.get(t.topics() + "" + t.anyOf())) / 2;
        int[] y = t.topics().stream().mapToInt(ids::indexOf).toArray();
        for (int form = 0; form < 2; form++) {
          trainX.add(emb[2 * i + form]);
          trainY.add(y);
          trainW.add(w);
        }
      }
      float[][] headCorpora = softmaxRegression(trainX, trainY, trainW, k, options.seed());
      for (int i = 0; i < concepts.size(); i++) {
        trainX.add(conceptEmb[i]);
        trainY.add(new int[] {conceptClass[i]});
        trainW.add(1f);
      }
      float[][] headConcepts = softmaxRegression(trainX, trainY, trainW, k, options.seed());
      for (int form = 0; form < 2; form++) {
        List<List<double[]>> probs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>());
        for (int j = 0; j < test.size(); j++) {
          LabelledText x = form == 0 ? test.get(j) : test.get(j).lead();
          float[] e = emb[2 * testIndex.get(j) + form];
          double[] p0 = shipped.level1Probabilities(shipped.featurizer().featurize(x.title(), x.text()));
          double[] p1 = softmax(headCorpora, e);
          double[] p2 = softmax(headConcepts, e);
          double[] p3 = cosine(prototypes, e);
          double[] p4 = new double[k];
          double s0 = Arrays.stream(p0).sum();
          double z = 0;
          for (int c = 0; c < k; c++) {
            p4[c] = p0[c] / s0 * p2[c];
            z += p4[c];
          }
          for (int c = 0; c < k; c++) {
            p4[c] /= z;
          }
          probs.get(0).add(p0);
          probs.get(1).add(p1);
          probs.get(2).add(p2);
          probs.get(3).add(p3);
          probs.get(4).add(p4);
        }
        StringBuilder line = new StringBuilder("| " + h + " | " + TopicEvaluation.FORMS.get(form) + " |");
        for (List<double[]> p : probs) {
          TopicEvaluation.Row r = TopicEvaluation.metrics(h, "", test, p, ids);
          line.append(String.format(Locale.ROOT, " %.3f (F1 %.3f, ECE %.3f) |", r.top1(), r.macroF1(), r.ece()));
        }
        out.println(line);
        if (form == 1) {
          TopicEvaluation.print("per category, MiniLM + head with concepts, " + h + " lead",
              List.of(TopicEvaluation.metrics(h, "lead", test, probs.get(2), ids)), out);
        }
      }
      log.printf(Locale.ROOT, "held out %s (%.1f s)%n", h, (System.nanoTime() - t0) / 1e9);
    }
  }

  static String cap(String s) {
    String[] words = s.strip().split("\\s+");
    return String.join(" ", Arrays.copyOf(words, Math.min(MAX_WORDS, words.length)));
  }

  private static float[][] embedAll(List<String> inputs, Path cache, PrintWriter log) throws IOException {
    float[][] out = new float[inputs.size()][];
    if (Files.exists(cache)) {
      try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
        if (in.readInt() == inputs.size()) {
          for (int i = 0; i < out.length; i++) {
            out[i] = new float[DIM];
            for (int d = 0; d < DIM; d++) {
              out[i][d] = in.readFloat();
            }
          }
          return out;
        }
      }
    }
    EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    Map<String, float[]> seen = new HashMap<>();
    long cpu0 = processCpu();
    long t0 = System.nanoTime();
    int embedded = 0;
    for (int i = 0; i < out.length; i++) {
      float[] v = seen.get(inputs.get(i));
      if (v == null) {
        v = model.embed(inputs.get(i)).content().vector();
        seen.put(inputs.get(i), v);
        embedded++;
        if (embedded % 2000 == 0) {
          log.printf(Locale.ROOT, "embedded %d (%.2f ms CPU each, %.0f s)%n", embedded,
              (processCpu() - cpu0) / 1e6 / embedded, (System.nanoTime() - t0) / 1e9);
        }
      }
      out[i] = v;
    }
    try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
      o.writeInt(out.length);
      for (float[] v : out) {
        for (float x : v) {
          o.writeFloat(x);
        }
      }
    }
    return out;
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Mean embedding of each level-1 topic's concepts, normalised. */
  private static float[][] prototypes(float[][] emb, int[] cls, int k) {
    float[][] p = new float[k][DIM];
    for (int i = 0; i < emb.length; i++) {
      for (int d = 0; d < DIM; d++) {
        p[cls[i]][d] += emb[i][d];
      }
    }
    for (float[] v : p) {
      double n = 0;
      for (float x : v) {
        n += x * x;
      }
      for (int d = 0; d < DIM; d++) {
        v[d] /= (float) Math.sqrt(Math.max(n, 1e-12));
      }
    }
    return p;
  }

  private static double[] cosine(float[][] prototypes, float[] e) {
    double[] z = new double[prototypes.length];
    for (int c = 0; c < z.length; c++) {
      for (int d = 0; d < DIM; d++) {
        z[c] += prototypes[c][d] * e[d];
      }
      z[c] *= 20; // a temperature, so the ECE column means something; the top-1 does not depend on it
    }
    return normalise(z);
  }

  private static double[] softmax(float[][] w, float[] e) {
    double[] z = new double[w.length];
    for (int c = 0; c < z.length; c++) {
      z[c] = w[c][DIM];
      for (int d = 0; d < DIM; d++) {
        z[c] += w[c][d] * e[d];
      }
    }
    return normalise(z);
  }

  private static double[] normalise(double[] z) {
    double max = Arrays.stream(z).max().orElse(0);
    double s = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      s += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= s;
    }
    return z;
  }

  /**
   * Softmax regression by SGD maximising the probability of the text's topic set (any one of them right, as the
   * evaluation counts), L2-penalised.
   */
  static float[][] softmaxRegression(List<float[]> x, List<int[]> y, List<Float> weight, int k, long seed) {
    float[][] w = new float[k][DIM + 1];
    int n = x.size();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random rnd = new Random(seed);
    double[] p = new double[k];
    for (int epoch = 0; epoch < 30; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lr = 0.5 / (1 + 0.3 * epoch);
      for (int e : order) {
        float[] v = x.get(e);
        double[] z = softmax(w, v);
        System.arraycopy(z, 0, p, 0, k);
        double inSet = 0;
        for (int c : y.get(e)) {
          inSet += p[c];
        }
        double[] g = new double[k];
        for (int c = 0; c < k; c++) {
          g[c] = p[c];
        }
        for (int c : y.get(e)) {
          g[c] -= p[c] / inSet;
        }
        double step = lr * weight.get(e);
        for (int c = 0; c < k; c++) {
          float[] wc = w[c];
          float gc = (float) (step * g[c]);
          for (int d = 0; d < DIM; d++) {
            wc[d] -= gc * v[d] + (float) (lr * 1e-5) * wc[d];
          }
          wc[DIM] -= gc;
        }
      }
    }
    return w;
  }

  /** Embedding cost per article on this thread, by number of words kept (title and lead of BBC articles). */
  private static void time(Path bbc) throws IOException {
    List<BbcArticle> articles = BbcArticle.readAll(bbc).subList(0, 300);
    long rss0 = rssKb();
    long l0 = System.nanoTime();
    EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    model.embed("warm up");
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "model load %.2f s, heap after load %d MB, resident memory +%d MB%n",
        (System.nanoTime() - l0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20, (rssKb() - rss0) >> 10);
    for (int words : new int[] {16, 32, 48, 64, 128}) {
      List<String> in = new ArrayList<>();
      for (BbcArticle a : articles) {
        String[] w = (a.title() + " " + a.text()).strip().split("\\s+");
        in.add(String.join(" ", Arrays.copyOf(w, Math.min(words, w.length))));
      }
      double[] perRound = new double[5];
      for (int round = 0; round < perRound.length; round++) {
        long c0 = processCpu();
        for (String s : in.subList(60 * round, 60 * round + 60)) {
          model.embed(s);
        }
        perRound[round] = (processCpu() - c0) / 1e6 / 60;
      }
      Arrays.sort(perRound);
      System.out.printf(Locale.ROOT, "%d words: median %.2f ms of process CPU per article (rounds %s)%n", words,
          perRound[2], Arrays.toString(perRound));
    }
  }
}
