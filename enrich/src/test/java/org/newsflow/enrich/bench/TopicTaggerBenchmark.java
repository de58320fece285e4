package org.newsflow.enrich.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.newsflow.enrich.tagging.language.OpenNlpLanguageDetector;
import org.newsflow.enrich.training.topic.BbcArticle;
import org.newsflow.enrich.tagging.topic.LinearTopicTagger;
import org.newsflow.enrich.tagging.topic.TopicModel;

/**
 * Single-thread throughput of topic tagging and per-article time of language detection. Articles are synthetic
 * (~500 words drawn from a news word list, with sentence punctuation; {@code --salad} mixes all topics in every
 * article) unless {@code --bbc DIR} points at the BBC set. Runs several timed rounds after a warm-up and prints the
 * median.
 *
 * <pre>TopicTaggerBenchmark [--articles 2000] [--rounds 7] [--words 500] [--salad] [--bbc DIR]</pre>
 */
public final class TopicTaggerBenchmark {

  /** Function words and general news words every article uses. */
  private static final String[] COMMON = ("the of and to in a for on that with was is it by as at from has have are "
      + "be would will but not this which after more than its about their also new first last over two three could "
      + "said people year week month day morning night Monday Tuesday Wednesday Thursday weekend report officials "
      + "spokesman statement public plan money million billion percent number group members local national world "
      + "Europe America Britain China London Washington city region country family children women men home").split(" ");

  /** Topical word groups: a synthetic article draws its content words mostly from one, as real articles do. */
  private static final String[][] TOPICAL = {
      "government minister president election vote party parliament policy campaign opposition leader".split(" "),
      "police court judge trial prison murder arrested charged jury detectives sentenced guilty".split(" "),
      "company shares profit market bank economy inflation prices investors growth trade exports oil".split(" "),
      "jobs workers union strike pay wages employers staff pensions walkout dispute".split(" "),
      "match goal team player season league cup coach win victory defeat fans stadium".split(" "),
      "film music album actor festival award show director series star theatre singer".split(" "),
      "technology software internet phone computer users data online research scientists study".split(" "),
      "university school pupils teachers exam students classroom degree".split(" "),
      "health hospital patients doctors virus vaccine disease treatment nurses".split(" "),
      "war troops military attack army forces killed ceasefire peace talks rebels border".split(" "),
      "storm rain snow weather forecast flood temperatures wind earthquake fire rescue".split(" "),
      "church religious climate emissions energy water food travel".split(" ")};

  private TopicTaggerBenchmark() {
  }

  /**
   * @param args see the class comment
   * @throws IOException when the BBC directory cannot be read
   */
  public static void main(String[] args) throws IOException {
    int articles = 2000;
    int rounds = 7;
    int words = 500;
    Path bbc = null;
    boolean salad = false;
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--salad")) {
        salad = true;
        i--;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--words" -> words = Integer.parseInt(args[i + 1]);
        case "--bbc" -> bbc = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String[]> docs = bbc == null ? synthetic(articles, words, salad) : fromBbc(bbc, articles);
    double meanWords = docs.stream().mapToInt(d -> d[1].split("\\s+").length).average().orElse(0);
    System.out.printf(Locale.ROOT, "%d %s articles, %.0f words on average; java %s, %d cores%n", docs.size(),
        bbc != null ? "BBC" : salad ? "synthetic word-salad" : "synthetic", meanWords, Runtime.version(), Runtime.getRuntime().availableProcessors());

    long t0 = System.nanoTime();
    LinearTopicTagger tagger = new LinearTopicTagger(TopicModel.loadDefault());
    System.out.printf(Locale.ROOT, "topic model load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    OpenNlpLanguageDetector detector = OpenNlpLanguageDetector.loadDefault();
    System.out.printf(Locale.ROOT, "language model load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);

    long sink = 0;
    double[] tagRate = new double[rounds];
    double[] langMicros = new double[rounds];
    // warm-up: let the JIT compile the hot loops before anything is timed
    for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) {
      for (String[] d : docs) {
        sink += tagger.tag(d[0], d[1]).size();
        sink += detector.detect(d[1]).length();
      }
    }
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (String[] d : docs) {
        sink += tagger.tag(d[0], d[1]).size();
      }
      tagRate[r] = docs.size() / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      for (String[] d : docs) {
        sink += detector.detect(d[1]).length();
      }
      langMicros[r] = (System.nanoTime() - start) / 1e3 / docs.size();
      System.out.printf(Locale.ROOT, "round %d: topics %.0f articles/s, language %.0f us/article%n", r + 1,
          tagRate[r], langMicros[r]);
    }
    System.out.printf(Locale.ROOT, "median: topic tagging %.0f articles/s on one thread; language detection "
        + "%.0f us/article (%.0f articles/s)%n", median(tagRate), median(langMicros), 1e6 / median(langMicros));
    double topics = docs.stream().mapToInt(d -> tagger.tag(d[0], d[1]).size()).average().orElse(0);
    System.out.printf(Locale.ROOT, "%.2f topics per article; load average %s%n", topics, loadAverage());
    System.out.println("(checksum " + sink + ")");
  }

  /**
   * Articles of {@code words} words: with {@code salad}, every word drawn from all groups alike (a worst case that
   * touches many topics at once); otherwise half the words from one topical group, a tenth from a second, the rest
   * common words.
   */
  private static List<String[]> synthetic(int n, int words, boolean salad) {
    Random rnd = new Random(42);
    List<String> all = new ArrayList<>(List.of(COMMON));
    for (String[] group : TOPICAL) {
      all.addAll(List.of(group));
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] main = TOPICAL[rnd.nextInt(TOPICAL.length)];
      String[] second = TOPICAL[rnd.nextInt(TOPICAL.length)];
      StringBuilder title = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        title.append(salad ? all.get(rnd.nextInt(all.size())) : main[rnd.nextInt(main.length)]).append(' ');
      }
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        double r = rnd.nextDouble();
        text.append(salad ? all.get(rnd.nextInt(all.size()))
            : r < 0.5 ? main[rnd.nextInt(main.length)]
            : r < 0.6 ? second[rnd.nextInt(second.length)]
            : COMMON[rnd.nextInt(COMMON.length)]);
        text.append(rnd.nextInt(15) == 0 ? ". " : rnd.nextInt(12) == 0 ? ", " : " ");
      }
      out.add(new String[] {title.toString().strip(), text.toString()});
    }
    return out;
  }

  private static List<String[]> fromBbc(Path dir, int n) throws IOException {
    List<BbcArticle> all = BbcArticle.readAll(dir);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BbcArticle a = all.get(i % all.size());
      out.add(new String[] {a.title(), a.text()});
    }
    return out;
  }

  /** Other processes on a shared machine skew the numbers: print how busy it was. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
