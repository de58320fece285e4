package org.newsflow.ingest.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.ExtractionEvaluation;

/**
 * Single-thread throughput of main-text extraction (charset decision, HTML parse, metadata, content scoring,
 * sanitising) on the pages of an extraction data folder, read into memory first. Args:
 * {@code DATA_DIR [rounds] [secondsPerRound]}; prints the median pages/s and MB/s of the rounds, of
 * CPU time and of wall time, beside a bare jsoup parse of the same pages.
 */
public final class ExtractBenchmark {

  private ExtractBenchmark() {
  }

  /** Runs the rounds after a warm-up and prints medians. */
  public static void main(String[] args) throws Exception {
    List<ExtractionEvaluation.Page> pages = ExtractionEvaluation.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
    long bytes = pages.stream().mapToLong(p -> p.html().length).sum();
    ArticleExtractor extractor = new ArticleExtractor();
    Variant parse = p -> Jsoup.parse(new ByteArrayInputStream(p.html()), null, p.url()).childNodeSize();
    Variant extract = p -> extractor.extract(p.html(), null, p.url()).text().length();
    String[] names = {"jsoup parse only", "extract (parse + metadata + content + sanitise)"};
    Variant[] variants = {parse, extract};
    for (Variant v : variants) {
      run(v, pages, 3 * seconds); // warm-up: the JIT needs a while on a busy shared machine
    }
    List<List<double[]>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < variants.length; i++) {
        rates.get(i).add(run(variants[i], pages, seconds));
      }
    }
    System.out.printf(Locale.ROOT, "%d pages, %.2f MB per pass, %d rounds of %.0f s; medians%n", pages.size(),
        bytes / 1e6, rounds, seconds);
    for (int i = 0; i < variants.length; i++) {
      double wall = median(rates.get(i), 0);
      double cpu = median(rates.get(i), 1);
      System.out.printf(Locale.ROOT, "%-48s %6.0f pages/s of CPU time (%5.1f MB/s), %6.0f pages/s of wall time%n",
          names[i], cpu * pages.size(), cpu * bytes / 1e6, wall * pages.size());
    }
  }

  private static double median(List<double[]> l, int k) {
    List<Double> s = new ArrayList<>();
    l.forEach(d -> s.add(d[k]));
    s.sort(null);
    return s.get(s.size() / 2);
  }

  /**
   * Passes per second of wall time and per second of this thread's CPU time (which a shared, busy machine does not
   * dilute).
   */
  private static double[] run(Variant v, List<ExtractionEvaluation.Page> pages, double seconds) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long end = start + (long) (seconds * 1e9);
    int passes = 0;
    long sink = 0;
    while (System.nanoTime() < end) {
      for (ExtractionEvaluation.Page p : pages) {
        sink += v.run(p);
      }
      passes++;
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive for the JIT
    }
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new double[] {passes / ((System.nanoTime() - start) / 1e9), passes / cpu};
  }

  @FunctionalInterface
  private interface Variant {
    long run(ExtractionEvaluation.Page page) throws Exception;
  }
}
