package org.newsflow.enrich.bench;

import org.newsflow.enrich.service.EnrichSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsflow.enrich.cluster.ClusterParams;
import org.newsflow.enrich.cluster.StoryAssignment;
import org.newsflow.enrich.cluster.StoryClusterer;
import org.newsflow.enrich.cluster.SyntheticText;

/**
 * Cost of clustering one 500-word article after 10 000, 100 000 and 1 000 000 articles have been seen. Between the
 * checkpoints the index is filled with short synthetic articles through the same clusterer (real signatures and
 * buckets, cheaper to generate); at each checkpoint, batches of 500-word articles (a third of them near-copies or
 * rewrites of earlier ones, so candidates are found and verified) are timed. Prints the median µs per article, in
 * wall-clock time and in CPU time of the benchmark thread (the latter barely moves on a machine shared with others).
 *
 * <p>Args: {@code [maxSeen=1000000] [batch=2000] [batches=5]}.
 */
public final class ClusteringBench {

  private ClusteringBench() {
  }

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int maxSeen = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    ClusterParams params = EnrichSettings.defaultClusterParams();
    StoryClusterer clusterer = new StoryClusterer(params);
    CompactStoryIndex index = new CompactStoryIndex((maxSeen + 10 * batch * batches) * params.bands());
    SyntheticText gen = new SyntheticText(99);
    List<List<String>> recent = new ArrayList<>();

    // warm-up on a throwaway index, so the first checkpoint does not measure the JIT compiler
    CompactStoryIndex scratch = new CompactStoryIndex(3 * batch * params.bands());
    for (int i = 0; i < 3 * batch; i++) {
      clusterer.assign("warm-" + i, SyntheticText.text(gen.words(500)), i, scratch);
    }
    long seen = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%-12s %-18s %-18s %-16s %s%n", "seen", "median wall µs/art", "median CPU µs/art", "min CPU µs/art",
        "stories joined / near-copies");
    for (long checkpoint : new long[] {10_000, 100_000, 1_000_000}) {
      if (checkpoint > maxSeen) {
        break;
      }
      while (seen < checkpoint) {
        clusterer.assign("fill-" + seen, SyntheticText.text(gen.words(80)), seen, index);
        seen++;
      }
      double[] perArticle = new double[batches];
      double[] cpuPerArticle = new double[batches];
      int joined = 0;
      int copies = 0;
      for (int b = 0; b < batches; b++) {
        // generated before the clock starts, and fresh per batch so batches are not copies of each other
        List<List<String>> timed = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          timed.add(gen.words(500));
        }
        List<String> texts = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          List<String> words = timed.get(i);
          // every third article is a near-copy, every third+1 a light rewrite of the one three before
          if (i % 3 == 1 && i >= 3) {
            words = gen.replaceTail(timed.get(i - 1), 0.15);
          } else if (i % 3 == 2 && i >= 3) {
            words = gen.rewriteEvery(timed.get(i - 2), 15);
          }
          texts.add(SyntheticText.text(words));
        }
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
          StoryAssignment a = clusterer.assign("cp" + checkpoint + "-b" + b + "-" + i, texts.get(i), seen, index);
          if (!a.storyId().equals("cp" + checkpoint + "-b" + b + "-" + i)) {
            joined++;
          }
          if (a.duplicateOf() != null) {
            copies++;
          }
        }
        perArticle[b] = (System.nanoTime() - start) / 1e3 / batch;
        cpuPerArticle[b] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / batch;
        seen += batch;
      }
      Arrays.sort(perArticle);
      Arrays.sort(cpuPerArticle);
      System.out.printf("%-12d %-18.1f %-18.1f %-16.1f %d / %d%n", checkpoint, perArticle[batches / 2],
          cpuPerArticle[batches / 2], cpuPerArticle[0], joined, copies);
    }
  }
}
