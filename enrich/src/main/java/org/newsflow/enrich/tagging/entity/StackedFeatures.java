package org.newsflow.enrich.tagging.entity;

import static org.newsflow.enrich.tagging.entity.FeatureTemplate.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features of the stacked second stage: a document's static features plus the first stages' labels (own and
 * neighbours', and how the same word and name were labelled elsewhere in the document), so the second stage can make
 * mentions agree. Also the token-order helpers of the right-to-left stage. Thread-safe: holds only the features.
 */
public final class StackedFeatures {

  private final Features features;

  /** @param features the static features of the same model */
  public StackedFeatures(Features features) {
    this.features = features;
  }

  /**
   * Computes static features for a whole document, with the first-stage labels as extra evidence when given
   * (stacking): the label the first stage gave each token and its neighbours, and how the first stage labelled the
   * same word and the same name elsewhere in the document, so the second stage can make mentions agree.
   *
   * @param doc    sentences of (already normalised) token texts
   * @param base   the document's first-stage features from {@link #extract(List)}
   * @param stage1 first-stage BILOU labels per sentence
   * @return per-sentence features
   */
  public List<Features.SentenceFeatures> stack(List<String[]> doc, List<Features.SentenceFeatures> base, List<int[]> stage1) {
    List<String[]> lowers = new ArrayList<>(doc.size());
    for (String[] words : doc) {
      String[] lw = new String[words.length];
      for (int i = 0; i < words.length; i++) {
        lw[i] = Features.lowerDigits(words[i]);
      }
      lowers.add(lw);
    }
    Map<String, int[]> tokenTypes = new HashMap<>();
    Map<String, int[]> nameTypes = new HashMap<>();
    Map<String, int[]> insideTypes = new HashMap<>();
    {
      for (int s = 0; s < doc.size(); s++) {
        String[] words = doc.get(s);
        String[] lw = lowers.get(s);
        int[] labels = stage1.get(s);
        for (int i = 0; i < words.length; i++) {
          if (Features.isCapitalised(words[i])) {
            int t = Labels.type(labels[i]);
            tokenTypes.computeIfAbsent(lw[i], k -> new int[5])[t < 0 ? 4 : t]++;
          }
        }
        for (Span span : Labels.decode(labels)) {
          int t = Labels.typeIndex(span.type());
          nameTypes.computeIfAbsent(nameKey(lw, span.start(), span.end()), k -> new int[5])[t]++;
          if (span.end() - span.start() > 1) {
            for (int i = span.start(); i < span.end(); i++) {
              insideTypes.computeIfAbsent(lw[i], k -> new int[5])[t]++;
            }
          }
        }
      }
    }
    List<Features.SentenceFeatures> out = new ArrayList<>(doc.size());
    for (int s = 0; s < doc.size(); s++) {
      out.add(stacked(base.get(s), doc.get(s), lowers.get(s), stage1.get(s), tokenTypes, nameTypes, insideTypes));
    }
    return out;
  }

  /**
   * Adds the labels of a right-to-left first stage to stacked features, so the second stage sees a decision
   * made with the right context already fixed, and where the two directions disagree.
   */
  public List<Features.SentenceFeatures> addReverse(List<Features.SentenceFeatures> stacked, List<int[]> forward, List<int[]> reverse) {
    // Document-level votes of both directions for each capitalised word: two differently-biased taggers agreeing
    // elsewhere in the document is stronger evidence for a consistent type than either alone.
    Map<Long, int[]> votes = new HashMap<>();
    for (int s = 0; s < stacked.size(); s++) {
      Features.SentenceFeatures sf = stacked.get(s);
      for (int i = 0; i < sf.lower().length; i++) {
        if (sf.capitalised()[i]) {
          int[] c = votes.computeIfAbsent(sf.lower()[i], k -> new int[5]);
          int tf = Labels.type(forward.get(s)[i]);
          int tr = Labels.type(reverse.get(s)[i]);
          c[tf < 0 ? 4 : tf]++;
          c[tr < 0 ? 4 : tr]++;
        }
      }
    }
    List<Features.SentenceFeatures> out = new ArrayList<>(stacked.size());
    for (int s = 0; s < stacked.size(); s++) {
      Features.SentenceFeatures sf = stacked.get(s);
      int[] f = forward.get(s);
      int[] r = reverse.get(s);
      int n = r.length;
      int[][] rows = new int[n][];
      for (int i = 0; i < n; i++) {
        int[] base = sf.rows()[i];
        int[] c = sf.capitalised()[i] ? votes.get(sf.lower()[i]) : null;
        int[] all = java.util.Arrays.copyOf(base, base.length + (c == null ? 4 : 6));
        all[base.length] = features.row(REVERSE_LABEL, r[i]);
        all[base.length + 1] = features.row(REVERSE_BIGRAM_PREV, i > 0 ? r[i - 1] : -1, r[i]);
        all[base.length + 2] = features.row(REVERSE_BIGRAM_NEXT, r[i], i + 1 < n ? r[i + 1] : -1);
        all[base.length + 3] = features.row(REVERSE_AGREEMENT, f[i], r[i]);
        if (c != null) {
          int total = 0;
          for (int v : c) {
            total += v;
          }
          int maj = majority(c);
          int share = 10 * c[maj] / total;
          all[base.length + 4] = features.row(REVERSE_VOTES, maj, share >= 9 ? 2 : share >= 6 ? 1 : 0, Math.min(total, 6));
          all[base.length + 5] = features.row(REVERSE_VOTES_LABELS, maj, f[i], r[i]);
        }
        rows[i] = all;
      }
      out.add(new Features.SentenceFeatures(rows, sf.lower(), sf.shape(), sf.capitalised()));
    }
    return out;
  }

  /** The document with every sentence's tokens in reverse order, for the right-to-left stage. */
  public static List<String[]> reversed(List<String[]> doc) {
    List<String[]> out = new ArrayList<>(doc.size());
    for (String[] w : doc) {
      String[] r = new String[w.length];
      for (int i = 0; i < w.length; i++) {
        r[i] = w[w.length - 1 - i];
      }
      out.add(r);
    }
    return out;
  }

  /** BILOU labels of a reversed sentence mapped back to left-to-right order. */
  static int[] unreverse(int[] reversedLabels) {
    int n = reversedLabels.length;
    List<Span> spans = new ArrayList<>();
    for (Span sp : Labels.decode(reversedLabels)) {
      spans.add(new Span(n - sp.end(), n - sp.start(), sp.type()));
    }
    return Labels.encode(n, spans);
  }

  /** BILOU labels of a sentence for its reversed token order. */
  public static int[] reverseGold(int[] labels) {
    return unreverse(labels);
  }

  private static String nameKey(String[] lw, int from, int to) {
    return String.join(" ", java.util.Arrays.asList(lw).subList(from, to));
  }

  private static int majority(int[] counts) {
    int best = 0;
    for (int t = 1; t < counts.length; t++) {
      if (counts[t] > counts[best]) {
        best = t;
      }
    }
    return best;
  }

  private Features.SentenceFeatures stacked(Features.SentenceFeatures sf, String[] w, String[] lw, int[] labels,
      Map<String, int[]> tokenTypes, Map<String, int[]> nameTypes, Map<String, int[]> insideTypes) {
    int n = w.length;
    int[][] rows = new int[n][];
    // Name spans of the first stage, to look up how the same name was typed elsewhere.
    int[] spanMajority = new int[n];
    java.util.Arrays.fill(spanMajority, -1);
    for (Span span : Labels.decode(labels)) {
      int[] c = nameTypes.get(nameKey(lw, span.start(), span.end()));
      if (c != null) {
        for (int i = span.start(); i < span.end(); i++) {
          spanMajority[i] = majority(c);
        }
      }
    }
    int[] buf = new int[32];
    for (int i = 0; i < n; i++) {
      int k = 0;
      buf[k++] = features.row(STAGE1_LABEL, labels[i]);
      buf[k++] = features.row(STAGE1_BIGRAM_PREV, i > 0 ? labels[i - 1] : -1, labels[i]);
      buf[k++] = features.row(STAGE1_BIGRAM_NEXT, labels[i], i + 1 < n ? labels[i + 1] : -1);
      buf[k++] = features.row(STAGE1_LABEL_SHAPE, labels[i], sf.shape()[i]);
      if (sf.capitalised()[i]) {
        int[] c = tokenTypes.get(lw[i]);
        if (c != null) {
          for (int t = 0; t < 5; t++) {
            if (c[t] > 0) {
              buf[k++] = features.row(STAGE1_DOC_TYPE, t);
            }
          }
          buf[k++] = features.row(STAGE1_DOC_MAJORITY, majority(c), labels[i]);
        }
        int[] inside = insideTypes.get(lw[i]);
        if (inside != null) {
          buf[k++] = features.row(STAGE1_DOC_INSIDE, majority(inside));
        }
      }
      if (spanMajority[i] >= 0) {
        buf[k++] = features.row(STAGE1_DOC_NAME, spanMajority[i]);
      }
      int[] base = sf.rows()[i];
      int[] all = java.util.Arrays.copyOf(base, base.length + k);
      System.arraycopy(buf, 0, all, base.length, k);
      rows[i] = all;
    }
    return new Features.SentenceFeatures(rows, sf.lower(), sf.shape(), sf.capitalised());
  }
}
