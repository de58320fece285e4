package org.newsflow.enrich.training.topic;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;
import org.newsflow.enrich.tagging.topic.WordVectors;

/**
 * Where the model's word vectors come from: PPMI/SVD vectors learned from the training text ({@link
 * EmbeddingBuilder}), vectors distilled from a sentence-embedding model ({@link DistilledTable}), or both side by
 * side. Distilled vectors are kept for the words the training text uses at least {@code minCount} times (as the
 * PPMI vocabulary) and weighted by the same smooth inverse frequency, and for the table's general words (the
 * embedding model's own vocabulary) that the training text does not use, weighted as the rarest training word: an
 * outlet's words our corpora never used still count by what they mean. A held-out corpus's own words get a vector
 * in an evaluation only when they are general words, as any new outlet's would. Side by side, each half is scaled by
 * 1/√2 so a word's vector keeps unit length before weighting; a word missing from one half has zeros there.
 *
 * @param ppmi      the PPMI settings (vocabulary size, minimum count and SIF constant apply to the distilled
 *                  vectors too)
 * @param distilled distilled vectors, or null for PPMI only
 * @param withPpmi  with distilled vectors: whether the PPMI vectors stay beside them
 */
public record WordVectorSource(EmbeddingBuilder ppmi, DistilledTable distilled, boolean withPpmi) {

  /**
   * @param ppmi PPMI settings
   * @return PPMI vectors only
   */
  public static WordVectorSource ppmiOnly(EmbeddingBuilder ppmi) {
    return new WordVectorSource(ppmi, null, true);
  }

  /**
   * @param texts      unlabeled training text
   * @param featurizer tokenises and hashes as the run-time featurizer will
   * @param log        progress
   * @return the vectors
   */
  public WordVectors build(List<String> texts, TextFeaturizer featurizer, PrintWriter log) {
    if (distilled == null) {
      return ppmi.build(texts, featurizer, log);
    }
    EmbeddingBuilder.Table base = withPpmi ? ppmi.table(texts, featurizer, log)
        : ppmi.counts(texts, featurizer);
    Map<Long, Integer> row = new HashMap<>();
    for (int i = 0; i < distilled.keys().length; i++) {
      row.put(distilled.keys()[i], i);
    }
    int dd = distilled.dim();
    int dp = withPpmi ? base.dim() : 0;
    int dim = dp + dd;
    Set<Long> used = new HashSet<>();
    double rarest = 0;
    for (int i = 0; i < base.keys().length; i++) {
      used.add(base.keys()[i]);
      rarest = Math.max(rarest, base.sif()[i]);
    }
    List<Long> unused = new ArrayList<>();
    for (int r = 0; r < distilled.keys().length; r++) {
      if (distilled.general()[r] && !used.contains(distilled.keys()[r])) {
        unused.add(distilled.keys()[r]);
      }
    }
    int general = unused.size();
    long[] keys = Arrays.copyOf(base.keys(), base.keys().length + general);
    double[] sif = Arrays.copyOf(base.sif(), keys.length);
    for (int g = 0; g < general; g++) {
      keys[base.keys().length + g] = unused.get(g);
      sif[base.keys().length + g] = rarest;
    }
    float[] out = new float[keys.length * dim];
    float half = withPpmi ? (float) Math.sqrt(0.5) : 1f;
    int found = 0;
    for (int i = 0; i < keys.length; i++) {
      for (int k = 0; k < dp && i < base.keys().length; k++) {
        out[i * dim + k] = base.vectors()[i * dp + k] * half;
      }
      Integer r = row.get(keys[i]);
      if (r == null) {
        continue;
      }
      found++;
      float w = (float) sif[i] * half;
      for (int k = 0; k < dd; k++) {
        out[i * dim + dp + k] = distilled.vectors()[r * dd + k] * w;
      }
    }
    log.printf(Locale.ROOT, "distilled vectors for %d of %d words, %d of them general words no training text uses "
        + "(%d dimensions in all)%n", found, keys.length, general, dim);
    return WordVectors.quantise(keys, out, dim);
  }
}
