package org.newsflow.enrich.tagging.entity;

import static org.newsflow.enrich.tagging.entity.FeatureTemplate.*;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained named-entity model: hashed averaged-perceptron weights over BILOU labels, the word clusters it was
 * trained with, and the bundled gazetteer. Each stage decodes greedily, with the previous two labels and the
 * labels already given to the same word earlier in the document as features; a left-to-right and an optional
 * right-to-left first stage feed a stacked second stage. Immutable and thread-safe.
 */
public final class EntityModel {

  /** Classpath location of the bundled model. */
  public static final String DEFAULT_RESOURCE = "models/entities.bin";

  private static final int MAGIC = 0x4e464e45; // "NFNE"
  // 4: feature templates hashed by name (FeatureTemplate) instead of numbered
  private static final int VERSION = 4;

  private final int bits;
  // 16-bit weights of the used rows only (the saved model is quantised anyway). Each stage has its own scale,
  // which argmax within a stage ignores.
  private final Weights weights;
  private final Weights stage2;
  private final Weights reverse;
  private final WordClusters clusters;
  private final Gazetteer gazetteer;
  private final Features features;
  private final StackedFeatures stacking;

  public EntityModel(int bits, float[] weights, float[] stage2, WordClusters clusters, Gazetteer gazetteer) {
    this(bits, weights, stage2, null, clusters, gazetteer);
  }

  public EntityModel(int bits, float[] weights, float[] stage2, float[] reverse, WordClusters clusters,
      Gazetteer gazetteer) {
    this(bits, Weights.quantise(weights, bits), stage2 == null ? null : Weights.quantise(stage2, bits),
        reverse == null ? null : Weights.quantise(reverse, bits), clusters, gazetteer);
  }

  private EntityModel(int bits, Weights weights, Weights stage2, Weights reverse, WordClusters clusters,
      Gazetteer gazetteer) {
    this.bits = bits;
    this.weights = weights;
    this.stage2 = stage2;
    this.reverse = reverse;
    this.clusters = clusters;
    this.gazetteer = gazetteer;
    this.features = new Features(bits, gazetteer, clusters);
    this.stacking = new StackedFeatures(features);
  }

  /** Loads the model bundled with newsflow ({@value #DEFAULT_RESOURCE} on the classpath). */
  public static EntityModel loadDefault() {
    try (InputStream in = EntityModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no entity model on the classpath at " + DEFAULT_RESOURCE);
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a model file written by {@link #save(Path)}.
   *
   * @param file the model file
   * @return the model
   * @throws IOException if it cannot be read
   */
  public static EntityModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    }
  }

  /**
   * Reads a model from a stream (gzip-compressed model format); does not close it.
   *
   * @param raw the stream
   * @return the model
   * @throws IOException if it cannot be read or is not a model
   */
  public static EntityModel load(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a newsflow entity model (or an unsupported version)");
    }
    int bits = in.readInt();
    int labels = in.readInt();
    if (labels != Labels.COUNT || bits < 10 || bits > 26) {
      throw new IOException("model has " + labels + " labels and " + bits + " hash bits; expected " + Labels.COUNT);
    }
    int nc = in.readInt();
    long[] keys = new long[nc];
    int[] values = new int[nc];
    for (int i = 0; i < nc; i++) {
      keys[i] = in.readLong();
      values[i] = in.readInt();
    }
    int stages = in.readInt();
    Weights w = Weights.read(in, bits);
    Weights w2 = stages > 1 ? Weights.read(in, bits) : null;
    Weights wr = stages > 2 ? Weights.read(in, bits) : null;
    return new EntityModel(bits, w, w2, wr, new WordClusters(keys, values), Gazetteer.loadDefault());
  }

  /**
   * Writes the model (gzip; weights quantised to 16 bits, zero rows skipped).
   *
   * @param file where to write
   * @throws IOException if it cannot be written
   */
  public void save(Path file) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file)) {
      save(raw);
    }
  }

  void save(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(bits);
    out.writeInt(Labels.COUNT);
    long[] keys = clusters.keys();
    int[] values = clusters.values();
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.writeLong(keys[i]);
      out.writeInt(values[i]);
    }
    out.writeInt(stage2 == null ? 1 : reverse == null ? 2 : 3);
    weights.write(out);
    if (stage2 != null) {
      stage2.write(out);
      if (reverse != null) {
        reverse.write(out);
      }
    }
    out.flush();
    gz.finish();
    raw.flush();
  }

  /** The gazetteer the model's features use; the tagger links places with it too. */
  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * How often the word is capitalised mid-sentence in the unlabeled text the model saw: 0 (almost never) to 3
   * (almost always), or -1 when unknown.
   */
  int capitalisationPrior(String word) {
    return clusters.get(WordClusters.capKey(Features.lowerDigits(Features.normalise(word))));
  }

  /**
   * Marks the words of a sentence that belong to a name of two or more words the model knows ("Bank of Canada",
   * "State Department": its training names and the open name lists), matched longest first as written.
   */
  boolean[] inKnownName(String[] words) {
    int n = words.length;
    long[] lower = new long[n];
    boolean[] cap = new boolean[n];
    for (int i = 0; i < n; i++) {
      String w = Features.normalise(words[i]);
      lower[i] = Features.hash(Features.lowerDigits(w));
      cap[i] = Features.isCapitalised(w);
    }
    int[] lex = NameLexicon.match(clusters, lower, cap, false, null, NameLexicon::key);
    int[] ext = NameLexicon.match(clusters, lower, cap, false, null, ExternalNames::key);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = isMultiWord(lex[i]) || isMultiWord(ext[i]);
    }
    return out;
  }

  /** A match of {@link NameLexicon#match}: a name (non-zero value) at a position other than a single word's. */
  private static boolean isMultiWord(int match) {
    return (match & 0x0fffffff) != 0 && match >>> 28 != 3;
  }

  Features features() {
    return features;
  }

  int bits() {
    return bits;
  }

  /**
   * Tags a document.
   *
   * @param doc sentences of token texts, in document order
   * @return the names found in each sentence
   */
  public List<List<Span>> tag(List<String[]> doc) {
    List<String[]> norm = new ArrayList<>(doc.size());
    for (String[] s : doc) {
      String[] n = new String[s.length];
      for (int i = 0; i < s.length; i++) {
        n[i] = Features.normalise(s[i]);
      }
      norm.add(n);
    }
    List<Features.SentenceFeatures> feats = features.extract(norm);
    List<int[]> labels = decodeDocument(features, weights, feats);
    if (stage2 != null) {
      List<Features.SentenceFeatures> stacked = stacking.stack(norm, feats, labels);
      if (reverse != null) {
        stacked = stacking.addReverse(stacked, labels, reverseLabels(features, null, reverse, norm));
      }
      labels = decodeDocument(features, stage2, stacked);
    }
    List<List<Span>> out = new ArrayList<>(doc.size());
    for (int[] l : labels) {
      out.add(Labels.decode(l));
    }
    return out;
  }

  /** Labels of a right-to-left first stage, in left-to-right order. */
  static List<int[]> reverseLabels(Features f, float[] wf, Weights w, List<String[]> norm) {
    return reverseLabels(f, wf, w, norm, null);
  }

  /** Labels of a right-to-left first stage; {@code exclude} leaves a training document's names out. */
  public static List<int[]> reverseLabels(Features f, float[] wf, Weights w, List<String[]> norm,
      Map<Long, Integer> exclude) {
    List<int[]> rev = decodeDocument(f, wf, w, f.extract(StackedFeatures.reversed(norm), true, exclude));
    List<int[]> out = new ArrayList<>(rev.size());
    for (int[] r : rev) {
      out.add(StackedFeatures.unreverse(r));
    }
    return out;
  }

  /** Stage-one labels of a document; the trainer uses this to build stacked features. */
  static List<int[]> decodeDocument(Features f, Weights w, List<Features.SentenceFeatures> feats) {
    return decodeDocument(f, null, w, feats);
  }

  /** Labels of a document under float (training) or 16-bit (runtime) weights; exactly one is non-null. */
  public static List<int[]> decodeDocument(Features f, float[] wf, Weights w, List<Features.SentenceFeatures> feats) {
    Map<Long, int[]> history = new HashMap<>();
    float[] scores = new float[Labels.COUNT];
    List<int[]> out = new ArrayList<>(feats.size());
    for (Features.SentenceFeatures sf : feats) {
      int[] labels = decode(f, wf, w, sf, history, null, null, scores);
      remember(history, sf, labels);
      out.add(labels);
    }
    return out;
  }

  // ---- shared by decoding and training ----

  /** Receives perceptron updates during training. */
  public interface Updater {
    /** One wrong decision: the rows that fired, the gold and the predicted label. */
    void update(int[] rows, int nStatic, int[] dynamic, int nDynamic, int gold, int predicted);
  }

  /**
   * Greedy decoding of one sentence. When {@code gold} and {@code updater} are given, every wrong decision is
   * reported for a perceptron update, and decoding continues from the model's own (possibly wrong) prediction so
   * training sees the histories decoding will see.
   */
  public static int[] decode(Features f, float[] w, Weights ws, Features.SentenceFeatures sf, Map<Long, int[]> history, int[] gold,
      Updater updater, float[] scores) {
    int n = sf.rows().length;
    int[] labels = new int[n];
    int[] dyn = new int[16];
    int[] bases = new int[64];
    final int lc = Labels.COUNT;
    for (int i = 0; i < n; i++) {
      int p1 = i > 0 ? labels[i - 1] : -1;
      int p2 = i > 1 ? labels[i - 2] : -1;
      int nd = 0;
      dyn[nd++] = f.row(HISTORY_PREV, p1);
      dyn[nd++] = f.row(HISTORY_PREV2, p2, p1);
      dyn[nd++] = f.row(HISTORY_PREV_LOWER, p1, sf.lower()[i]);
      dyn[nd++] = f.row(HISTORY_PREV_SHAPE, p1, sf.shape()[i]);
      int[] seen = sf.capitalised()[i] ? history.get(sf.lower()[i]) : null;
      if (seen != null) {
        int best = 0;
        for (int t = 0; t < seen.length; t++) {
          if (seen[t] > 0) {
            dyn[nd++] = f.row(HISTORY_SEEN_TYPE, t);
          }
          if (seen[t] > seen[best]) {
            best = t;
          }
        }
        dyn[nd++] = f.row(HISTORY_SEEN_MAJORITY, best, sf.shape()[i]);
      }
      java.util.Arrays.fill(scores, 0f);
      int[] rows = sf.rows()[i];
      if (ws != null) {
        if (bases.length < rows.length + nd) {
          bases = new int[rows.length + nd + 16];
        }
        int nb = gather(ws.index(), rows, rows.length, bases, 0);
        nb = gather(ws.index(), dyn, nd, bases, nb);
        add(ws.rows(), bases, nb, scores);
      } else {
        for (int r : rows) {
          int base = r * lc;
          for (int l = 0; l < lc; l++) {
            scores[l] += w[base + l];
          }
        }
        for (int k = 0; k < nd; k++) {
          int base = dyn[k] * lc;
          for (int l = 0; l < lc; l++) {
            scores[l] += w[base + l];
          }
        }
      }
      int best = -1;
      for (int l = 0; l < lc; l++) {
        if (Labels.allowed(p1, l) && (best < 0 || scores[l] > scores[best])) {
          best = l;
        }
      }
      if (updater != null && gold[i] != best) {
        updater.update(rows, rows.length, dyn, nd, gold[i], best);
      }
      labels[i] = best;
    }
    return labels;
  }

  /** Looks up where the weights of {@code n} hashed rows start, appending the offsets to {@code bases} at {@code at}. */
  private static int gather(int[] index, int[] rows, int n, int[] bases, int at) {
    for (int k = 0; k < n; k++) {
      bases[at + k] = index[rows[k]];
    }
    return at + n;
  }

  /**
   * Adds up the weight rows at {@code bases}. Nearly every row is a cache miss, and a loop that adds one whole row
   * after another keeps only a few misses in flight. So a first loop adds just the first and the last label of every
   * row: its loads do not depend on each other and bring in all the rows' cache lines at once (a row of 34 bytes
   * spans at most two lines, holding its first and last label). Then the other labels are added from cache.
   */
  private static void add(short[] weights, int[] bases, int n, float[] scores) {
    final int last = Labels.COUNT - 1;
    for (int k = 0; k < n; k++) {
      int base = bases[k];
      scores[0] += weights[base];
      scores[last] += weights[base + last];
    }
    for (int k = 0; k < n; k++) {
      int base = bases[k];
      for (int l = 1; l < last; l++) {
        scores[l] += weights[base + l];
      }
    }
  }

  /** Records the types given to capitalised words so later mentions in the document can agree with them. */
  public static void remember(Map<Long, int[]> history, Features.SentenceFeatures sf, int[] labels) {
    for (int i = 0; i < labels.length; i++) {
      if (!sf.capitalised()[i]) {
        continue;
      }
      int t = Labels.type(labels[i]);
      int slot = t < 0 ? Labels.TYPES.size() : t;
      history.computeIfAbsent(sf.lower()[i], k -> new int[Labels.TYPES.size() + 1])[slot]++;
    }
  }
}
