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
import org.newsflow.enrich.tagging.topic.BbcArticle;
import org.newsflow.enrich.tagging.topic.LinearTopicTagger;
import org.newsflow.enrich.tagging.topic.TopicModel;

/**
 * Single-thread throughput of topic tagging and per-article time of language detection. Articles are synthetic
 * (~500 words drawn from a news word list, with sentence punctuation) unless {@code --bbc DIR} points at the BBC
 * set. Runs several timed rounds after a warm-up and prints the median.
 *
 * <pre>TopicTaggerBenchmark [--articles 2000] [--rounds 7] [--words 500] [--bbc DIR]</pre>
 */
public final class TopicTaggerBenchmark {

  private static final String[] WORDS = ("government minister said president election vote party parliament "
      + "police court judge trial prison murder arrested charged company shares profit market bank economy "
      + "inflation prices investors growth trade exports oil dollar rates jobs workers union strike pay wages "
      + "match goal team player season league cup coach win victory defeat fans stadium film music album actor "
      + "festival award show director series star technology software internet phone computer users data online "
      + "research scientists study university school pupils teachers exam students health hospital patients "
      + "doctors virus vaccine disease treatment war troops military attack army forces killed ceasefire peace "
      + "talks rebels border city region country people family children women men home week month day year "
      + "morning night Monday Tuesday Wednesday Thursday Friday weekend report officials spokesman statement "
      + "public plan policy service money cost million billion percent number group members local national "
      + "international world Europe America Britain China Russia France Germany London Washington storm rain "
      + "snow weather forecast flood earthquake fire rescue church religious climate emissions energy water "
      + "food travel the of and to in a for on that with was is it by as at from has have are be would will "
      + "but not this which after more than its about their also new first last over two three could").split(" ");

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
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--words" -> words = Integer.parseInt(args[i + 1]);
        case "--bbc" -> bbc = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String[]> docs = bbc == null ? synthetic(articles, words) : fromBbc(bbc, articles);
    double meanWords = docs.stream().mapToInt(d -> d[1].split("\\s+").length).average().orElse(0);
    System.out.printf(Locale.ROOT, "%d %s articles, %.0f words on average; java %s, %d cores%n", docs.size(),
        bbc == null ? "synthetic" : "BBC", meanWords, Runtime.version(), Runtime.getRuntime().availableProcessors());

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

  private static List<String[]> synthetic(int n, int words) {
    Random rnd = new Random(42);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder title = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        title.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
      }
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        text.append(WORDS[rnd.nextInt(WORDS.length)]);
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
