package org.newsflow.enrich.evaluation.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.Labels;
import org.newsflow.enrich.tagging.entity.Span;

/**
 * Strict span-match evaluation with conlleval semantics: a predicted name counts only when its first token, last
 * token and type all equal a gold name's. Reports precision, recall and F1 per type and overall (micro-averaged).
 */
public final class NerEvaluation {

  /**
   * Scores for one type or overall.
   *
   * @param tp true positives
   * @param fp false positives
   * @param fn false negatives
   */
  public record Score(int tp, int fp, int fn) {

    /** Precision in 0..1. */
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    /** Recall in 0..1. */
    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    /** F1 in 0..1. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  /**
   * A whole evaluation.
   *
   * @param perType scores keyed PER, ORG, LOC, MISC
   * @param overall micro-averaged scores
   */
  public record Result(Map<String, Score> perType, Score overall) {

    /** A conlleval-like table. */
    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-8s %7s %7s %7s%n", "type", "P", "R", "F1"));
      for (Map.Entry<String, Score> e : perType.entrySet()) {
        line(sb, e.getKey(), e.getValue());
      }
      line(sb, "overall", overall);
      return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Score s) {
      sb.append(String.format(Locale.ROOT, "%-8s %7.2f %7.2f %7.2f%n", name, 100 * s.precision(), 100 * s.recall(),
          100 * s.f1()));
    }
  }

  private NerEvaluation() {}

  /**
   * Scores predictions against gold spans.
   *
   * @param gold      gold spans per sentence
   * @param predicted predicted spans per sentence (same sentence order)
   * @return the scores
   */
  public static Result score(List<List<Span>> gold, List<List<Span>> predicted) {
    Map<String, Score> per = new LinkedHashMap<>();
    for (String t : Labels.TYPES) {
      per.put(t, new Score(0, 0, 0));
    }
    for (int s = 0; s < gold.size(); s++) {
      Set<Span> g = new HashSet<>(gold.get(s));
      Set<Span> p = new HashSet<>(predicted.get(s));
      for (Span span : p) {
        per.merge(span.type(), g.contains(span) ? new Score(1, 0, 0) : new Score(0, 1, 0), Score::plus);
      }
      for (Span span : g) {
        if (!p.contains(span)) {
          per.merge(span.type(), new Score(0, 0, 1), Score::plus);
        }
      }
    }
    Score all = new Score(0, 0, 0);
    for (Score sc : per.values()) {
      all = all.plus(sc);
    }
    return new Result(per, all);
  }

  /** Tags a CoNLL file document by document and scores it. */
  public static Result evaluate(EntityModel model, List<List<ConllCorpus.Sentence>> docs) {
    List<List<Span>> gold = new ArrayList<>();
    List<List<Span>> pred = new ArrayList<>();
    for (List<ConllCorpus.Sentence> doc : docs) {
      List<String[]> words = new ArrayList<>(doc.size());
      for (ConllCorpus.Sentence s : doc) {
        words.add(s.words());
        gold.add(Labels.fromBio(s.tags()));
      }
      pred.addAll(model.tag(words));
    }
    return score(gold, pred);
  }
}
