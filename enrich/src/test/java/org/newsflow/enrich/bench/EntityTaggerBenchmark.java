package org.newsflow.enrich.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.PerceptronEntityTagger;
import org.newsflow.enrich.tagging.text.Sentence;
import org.newsflow.enrich.tagging.text.SentenceSplitter;
import org.newsflow.enrich.tagging.text.Token;

/**
 * Single-threaded throughput of the entity tagger: tokens per second for the model alone (pre-tokenized
 * documents) and for the whole {@link PerceptronEntityTagger#tag} call, plus the heap used with the model loaded.
 * Plain main rather than JMH so it runs from test classes with no extra plugin; five timed rounds after warm-up,
 * median reported.
 *
 * <p>{@code java -Xmx300m -cp enrich/target/test-classes:enrich/target/classes:common/target/classes
 * org.newsflow.enrich.bench.EntityTaggerBenchmark [--data DIR_OF_TXT] [--seconds N] [--model FILE]}
 */
public final class EntityTaggerBenchmark {

  private EntityTaggerBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [--data DIR] [--seconds N] [--model FILE]}: a directory of .txt articles (default: invented
   *             text), a model file (default: the bundled model)
   * @throws IOException if the data cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path data = null;
    double seconds = 3;
    Path modelFile = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        case "--model" -> modelFile = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> articles = data == null ? invented(300) : read(data);
    System.gc();
    long before = usedHeap();
    EntityModel model = modelFile == null ? EntityModel.loadDefault() : EntityModel.load(modelFile);
    PerceptronEntityTagger tagger = new PerceptronEntityTagger(model);
    System.gc();
    long modelHeap = usedHeap() - before;

    SentenceSplitter splitter = new SentenceSplitter();
    List<List<String[]>> docs = new ArrayList<>();
    long tokens = 0;
    for (String a : articles) {
      List<String[]> doc = new ArrayList<>();
      for (Sentence s : splitter.split(a)) {
        doc.add(s.tokens().stream().map(Token::text).toArray(String[]::new));
        tokens += s.size();
      }
      docs.add(doc);
    }
    System.out.printf(Locale.ROOT, "corpus: %d articles, %d tokens (%s)%n", articles.size(), tokens,
        data == null ? "invented text" : data);
    double[] modelOnly = new double[5];
    double[] fullTag = new double[5];
    double[] modelCpu = new double[5];
    double[] fullCpu = new double[5];
    for (int round = -2; round < 5; round++) {
      double[] m = rate(seconds, tokens, () -> {
        for (List<String[]> d : docs) {
          model.tag(d);
        }
      });
      double[] f = rate(seconds, tokens, () -> {
        for (String a : articles) {
          tagger.tag("", a);
        }
      });
      if (round >= 0) {
        modelOnly[round] = m[0];
        modelCpu[round] = m[1];
        fullTag[round] = f[0];
        fullCpu[round] = f[1];
      }
    }
    System.gc();
    long used = usedHeap();
    System.out.printf(Locale.ROOT, "model only (tagging pre-tokenized text): median %,.0f tokens/s  rounds %s%n",
        median(modelOnly), fmt(modelOnly));
    System.out.printf(Locale.ROOT, "full tag(title, text) incl. tokenizing, folding, linking: median %,.0f tokens/s"
        + "  rounds %s%n", median(fullTag), fmt(fullTag));
    // Per CPU-second of this thread: robust when other processes compete for the cores.
    System.out.printf(Locale.ROOT, "per thread CPU second: model only median %,.0f tokens/s, full median %,.0f tokens/s%n",
        median(modelCpu), median(fullCpu));
    System.out.printf(Locale.ROOT, "heap: model %.1f MB, used after run %.1f MB, max %.0f MB%n", modelHeap / 1e6,
        used / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
  }

  /** Tokens per wall-clock second and per CPU second of the calling thread. */
  private static double[] rate(double seconds, long tokens, Runnable pass) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long passes = 0;
    long deadline = start + (long) (seconds * 1e9);
    do {
      pass.run();
      passes++;
    } while (System.nanoTime() < deadline);
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new double[] {passes * tokens / wall, passes * tokens / cpu};
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (double d : v) {
      sb.append(String.format(Locale.ROOT, "%,.0f ", d));
    }
    return sb.toString().trim();
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static List<String> read(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      List<String> out = new ArrayList<>();
      for (Path p : files) {
        out.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
      return out;
    }
  }

  /** Invented news-like paragraphs, so the benchmark runs without any shared data. */
  static List<String> invented(int n) {
    String[] people = {"Maria Lindqvist", "John Okafor", "Chen Wei", "Ana Ruiz", "Peter Brandt", "Fatima Haddad"};
    String[] orgs = {"Acme Corp", "the United Nations", "Zelnor Industries", "Northwind Bank", "the Green Party"};
    String[] places = {"Paris", "Nairobi", "Canada", "Lisbon", "Tokyo", "Brazil", "Egypt", "Chicago"};
    String[] verbs = {"said", "announced", "denied", "confirmed", "warned"};
    Random r = new Random(1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < 20; s++) {
        String p = people[r.nextInt(people.length)];
        sb.append(p).append(" of ").append(orgs[r.nextInt(orgs.length)]).append(' ')
            .append(verbs[r.nextInt(verbs.length)]).append(" on Tuesday that talks in ")
            .append(places[r.nextInt(places.length)]).append(" would resume after a 3.5% rise in costs, ")
            .append("according to officials who spoke on condition of anonymity. ");
        if (s % 4 == 3) {
          sb.append("\n\n");
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
