package org.newsflow.enrich.training.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.newsflow.enrich.tagging.entity.Features;
import org.newsflow.enrich.tagging.entity.WordClusters;
import org.newsflow.enrich.tagging.text.Sentence;
import org.newsflow.enrich.tagging.text.SentenceSplitter;
import org.newsflow.enrich.tagging.text.Token;

/**
 * Learns word clusters from unlabeled text, a cheap stand-in for Brown clusters: each frequent word gets a vector
 * of its left and right neighbours (frequent words, or the shape of rare ones), randomly projected to a few dozen
 * dimensions, and spherical k-means groups the vectors at three granularities (fine clusters, then the fine
 * centroids clustered again). Deterministic for a given input. Only hashes of the words and their cluster ids are
 * kept, never the text.
 */
public final class ClusterBuilder {

  private static final int MIN_COUNT = 3;
  private static final int CONTEXTS = 1500;
  private static final int DIM = 64;
  private static final int FINE = 800;
  private static final int MID = 160;
  private static final int COARSE = 32;
  private static final long SEED = 7L;

  private ClusterBuilder() {}

  /**
   * Reads unlabeled text and tokenizes it into sentences: every {@code *.txt} under a directory (Latin-1, as the BBC
   * files are), or a JSON-lines file whose objects have {@code title} and {@code text} strings (Reuters-21578).
   *
   * @param source a directory or a {@code .jsonl} file
   * @return the sentences, as token texts
   * @throws IOException if it cannot be read
   */
  public static List<String[]> readText(Path source) throws IOException {
    SentenceSplitter splitter = new SentenceSplitter();
    List<String[]> out = new ArrayList<>();
    if (Files.isRegularFile(source) && source.toString().endsWith(".jsonl")) {
      ObjectMapper mapper = new ObjectMapper();
      try (BufferedReader r = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = mapper.readTree(line);
          addSentences(splitter, node.path("title").asText("") + "\n\n" + node.path("text").asText(""), out);
        }
      }
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(source)) {
      files = s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("README"))
          .sorted().toList();
    }
    for (Path f : files) {
      addSentences(splitter, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), out);
    }
    return out;
  }

  /**
   * Writes clusters to a cache file (gzip: count, then 64-bit key and packed value per entry).
   *
   * @param clusters the clusters
   * @param file     where to write
   * @throws IOException if it cannot be written
   */
  public static void save(WordClusters clusters, Path file) throws IOException {
    long[] keys = clusters.keys();
    int[] values = clusters.values();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(file)), 1 << 16))) {
      out.writeInt(keys.length);
      for (int i = 0; i < keys.length; i++) {
        out.writeLong(keys[i]);
        out.writeInt(values[i]);
      }
    }
  }

  /**
   * Reads clusters written by {@link #save}.
   *
   * @param file the cache file
   * @return the clusters
   * @throws IOException if it cannot be read
   */
  public static WordClusters load(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file)), 1 << 16))) {
      int n = in.readInt();
      if (n < 0 || n > 50_000_000) {
        throw new IOException("not a cluster cache: " + file);
      }
      long[] keys = new long[n];
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = in.readLong();
        values[i] = in.readInt();
      }
      return new WordClusters(keys, values);
    }
  }

  /**
   * The clusters with more hashed entries appended (keys sorted, so the model file is deterministic).
   *
   * @param clusters the clusters
   * @param entries  key → packed value of another namespace (e.g. {@link org.newsflow.enrich.tagging.entity.ExternalNames})
   * @return the merged table
   */
  public static WordClusters withEntries(WordClusters clusters, Map<Long, Integer> entries) {
    long[] ck = clusters.keys();
    int[] cv = clusters.values();
    long[] keys = Arrays.copyOf(ck, ck.length + entries.size());
    int[] values = Arrays.copyOf(cv, cv.length + entries.size());
    List<Long> sorted = new ArrayList<>(entries.keySet());
    Collections.sort(sorted);
    for (int j = 0; j < sorted.size(); j++) {
      keys[ck.length + j] = sorted.get(j);
      values[ck.length + j] = entries.get(sorted.get(j));
    }
    return new WordClusters(keys, values);
  }

  private static void addSentences(SentenceSplitter splitter, String text, List<String[]> out) {
    for (Sentence sentence : splitter.split(text)) {
      String[] w = new String[sentence.size()];
      int i = 0;
      for (Token t : sentence.tokens()) {
        w[i++] = t.text();
      }
      out.add(w);
    }
  }

  static WordClusters build(List<String[]> sentences) {
    Map<String, Integer> counts = new HashMap<>();
    for (String[] s : sentences) {
      for (String w : s) {
        counts.merge(Features.normalise(w), 1, Integer::sum);
      }
    }
    List<String> vocab = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocab.size(); i++) {
      index.put(vocab.get(i), i);
    }
    // Random +-1 projection vectors per context id: frequent words left/right, shapes of rare words left/right.
    Random random = new Random(SEED);
    int contextIds = 2 * (CONTEXTS + 64);
    float[][] proj = new float[contextIds][DIM];
    for (float[] p : proj) {
      for (int d = 0; d < DIM; d++) {
        p[d] = random.nextBoolean() ? 1f : -1f;
      }
    }
    float[][] raw = new float[vocab.size()][DIM];
    Map<Long, Integer> ctxCounts = new HashMap<>();
    int[] cooc = new int[contextIds];
    // Gather per-word context counts in one pass by accumulating into a sparse map keyed (word, context).
    for (String[] s : sentences) {
      for (int i = 0; i < s.length; i++) {
        Integer wi = index.get(Features.normalise(s[i]));
        if (wi == null) {
          continue;
        }
        for (int side = 0; side < 2; side++) {
          int j = side == 0 ? i - 1 : i + 1;
          int ctx;
          if (j < 0 || j >= s.length) {
            ctx = CONTEXTS + 63;
          } else {
            Integer ci = index.get(Features.normalise(s[j]));
            ctx = ci != null && ci < CONTEXTS ? ci
                : CONTEXTS + (int) Math.floorMod(Features.hash(Features.shape(s[j], true)), 63L);
          }
          int id = side * (CONTEXTS + 64) + ctx;
          ctxCounts.merge(((long) wi << 20) | id, 1, Integer::sum);
          cooc[id]++;
        }
      }
    }
    for (Map.Entry<Long, Integer> e : ctxCounts.entrySet()) {
      int wi = (int) (e.getKey() >>> 20);
      int id = (int) (e.getKey() & 0xfffff);
      // Down-weight very common contexts (a rough PMI): log count over log context frequency.
      float weight = (float) (Math.log1p(e.getValue()) / Math.log(2 + cooc[id]));
      float[] v = raw[wi];
      float[] p = proj[id];
      for (int d = 0; d < DIM; d++) {
        v[d] += weight * p[d];
      }
    }
    for (float[] v : raw) {
      normalise(v);
    }
    int[] fine = kmeans(raw, null, Math.min(FINE, Math.max(1, raw.length)), 10, random);
    float[][] fineCentroids = centroids(raw, fine, Math.min(FINE, Math.max(1, raw.length)));
    int[] mid = kmeans(fineCentroids, null, Math.min(MID, fineCentroids.length), 12, random);
    float[][] midCentroids = centroids(fineCentroids, mid, Math.min(MID, fineCentroids.length));
    int[] coarse = kmeans(midCentroids, null, Math.min(COARSE, midCentroids.length), 12, random);
    // Capitalisation prior: how often a word is capitalised when not sentence-initial. It tells a sentence-initial
    // or headline "The" from "Peter" where the case of the token itself says nothing.
    Map<String, int[]> caps = new HashMap<>();
    for (String[] s : sentences) {
      for (int i = 1; i < s.length; i++) {
        String w = Features.normalise(s[i]);
        if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
          continue;
        }
        caps.computeIfAbsent(Features.lowerDigits(w), k -> new int[2])[Character.isUpperCase(w.charAt(0)) ? 0 : 1]++;
      }
    }
    List<String> capWords = caps.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] >= MIN_COUNT)
        .map(Map.Entry::getKey).sorted().toList();
    long[] keys = new long[vocab.size() + capWords.size()];
    int[] values = new int[keys.length];
    for (int i = 0; i < vocab.size(); i++) {
      keys[i] = Features.hash(vocab.get(i));
      int f = fine[i];
      int m = mid[f];
      values[i] = f | m << 10 | coarse[m] << 20;
    }
    for (int j = 0; j < capWords.size(); j++) {
      int[] c = caps.get(capWords.get(j));
      double ratio = (double) c[0] / (c[0] + c[1]);
      keys[vocab.size() + j] = WordClusters.capKey(capWords.get(j));
      values[vocab.size() + j] = ratio < 0.05 ? 0 : ratio < 0.5 ? 1 : ratio < 0.95 ? 2 : 3;
    }
    return new WordClusters(keys, values);
  }

  private static void normalise(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    if (n > 0) {
      float inv = (float) (1 / Math.sqrt(n));
      for (int d = 0; d < v.length; d++) {
        v[d] *= inv;
      }
    }
  }

  private static int[] kmeans(float[][] x, float[][] init, int k, int iterations, Random random) {
    int n = x.length;
    float[][] c = new float[k][];
    // Deterministic init: spread over the frequency-sorted items so frequent and rare words both seed clusters.
    for (int j = 0; j < k; j++) {
      c[j] = x[(int) ((long) j * n / k)].clone();
    }
    int[] assign = new int[n];
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < n; i++) {
        float[] xi = x[i];
        int best = 0;
        float bestDot = -Float.MAX_VALUE;
        for (int j = 0; j < k; j++) {
          float[] cj = c[j];
          float dot = 0;
          for (int d = 0; d < xi.length; d++) {
            dot += xi[d] * cj[d];
          }
          if (dot > bestDot) {
            bestDot = dot;
            best = j;
          }
        }
        assign[i] = best;
      }
      float[][] next = centroids(x, assign, k);
      for (int j = 0; j < k; j++) {
        boolean empty = true;
        for (float v : next[j]) {
          if (v != 0) {
            empty = false;
            break;
          }
        }
        c[j] = empty ? x[random.nextInt(n)].clone() : next[j];
      }
    }
    return assign;
  }

  private static float[][] centroids(float[][] x, int[] assign, int k) {
    float[][] c = new float[k][x.length == 0 ? DIM : x[0].length];
    for (int i = 0; i < x.length; i++) {
      float[] ci = c[assign[i]];
      for (int d = 0; d < ci.length; d++) {
        ci[d] += x[i][d];
      }
    }
    for (float[] v : c) {
      normalise(v);
    }
    return c;
  }
}
