package org.newsflow.enrich.evaluation.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.Mention;
import org.newsflow.enrich.tagging.EntityTagger;
import org.newsflow.enrich.tagging.entity.Labels;
import org.newsflow.enrich.tagging.entity.Span;

/**
 * Measures the entity tagger as a user gets it: each CoNLL document becomes an article body (tokens joined by
 * spaces, sentences by line breaks), goes through the whole {@link EntityTagger#tag(String, String)} call (sentence
 * splitting, tokenizing, model, mention clean-up, folding, linking), and every mention is scored as a strict span
 * against the gold names. A mention whose offsets do not fall on gold token boundaries is a false positive.
 *
 * <p>Types map to CoNLL as person → PER, organization → ORG, location → LOC, other → MISC, and a mention of
 * form {@code demonym} ("Israeli", linked to Israel) → MISC, which is how CoNLL annotates nationality words.
 */
public final class ProductPathEvaluation {

  private ProductPathEvaluation() {}

  /** A document laid out as an article body, with each token's offsets and each sentence's gold names. */
  record Layout(String text, int[] tokenStart, int[] tokenEnd, List<Span> gold) {}

  /** Lays a document out as text: tokens joined by single spaces, sentences by line breaks. */
  static Layout layout(List<ConllCorpus.Sentence> doc) {
    StringBuilder sb = new StringBuilder();
    int tokens = 0;
    for (ConllCorpus.Sentence s : doc) {
      tokens += s.words().length;
    }
    int[] start = new int[tokens];
    int[] end = new int[tokens];
    List<Span> gold = new ArrayList<>();
    int t = 0;
    for (ConllCorpus.Sentence s : doc) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      int first = t;
      for (int i = 0; i < s.words().length; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        start[t] = sb.length();
        sb.append(s.words()[i]);
        end[t] = sb.length();
        t++;
      }
      for (Span g : Labels.fromBio(s.tags())) {
        gold.add(new Span(first + g.start(), first + g.end(), g.type()));
      }
    }
    return new Layout(sb.toString(), start, end, gold);
  }

  /** The CoNLL type a mention of an entity is scored as. */
  static String conllType(Entity e, Mention m) {
    if ("demonym".equals(m.form())) {
      return "MISC";
    }
    return switch (e.type()) {
      case PERSON -> "PER";
      case ORGANIZATION -> "ORG";
      case LOCATION -> "LOC";
      case OTHER -> "MISC";
    };
  }

  /** Predicted spans (in document token indices) of one tagged document; unaligned mentions get spans of their own. */
  static List<Span> predicted(Layout layout, List<Entity> entities) {
    return predicted(layout, entities, "text");
  }

  /** Predicted spans of the mentions found in one field ({@code text} or {@code title}) laid out as {@code layout}. */
  static List<Span> predicted(Layout layout, List<Entity> entities, String field) {
    Map<Integer, Integer> byStart = new HashMap<>();
    Map<Integer, Integer> byEnd = new HashMap<>();
    for (int i = 0; i < layout.tokenStart().length; i++) {
      byStart.put(layout.tokenStart()[i], i);
      byEnd.put(layout.tokenEnd()[i], i + 1);
    }
    List<Span> out = new ArrayList<>();
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        if (!field.equals(m.field())) {
          continue;
        }
        Integer a = byStart.get(m.start());
        Integer b = byEnd.get(m.end());
        // negative indices never equal a gold span: a misaligned mention is a false positive
        out.add(a != null && b != null ? new Span(a, b, conllType(e, m))
            : new Span(-1 - m.start(), -1 - m.end(), conllType(e, m)));
      }
    }
    return out;
  }

  /**
   * Tags every document through the tagger and scores the mentions.
   *
   * @param tagger the tagger, as the topology uses it
   * @param docs   CoNLL documents
   * @return strict span scores per CoNLL type
   */
  public static NerEvaluation.Result evaluate(EntityTagger tagger, List<List<ConllCorpus.Sentence>> docs) {
    List<List<Span>> gold = new ArrayList<>(docs.size());
    List<List<Span>> pred = new ArrayList<>(docs.size());
    for (List<ConllCorpus.Sentence> doc : docs) {
      Layout layout = layout(doc);
      gold.add(layout.gold());
      pred.add(predicted(layout, tagger.tag("", layout.text())));
    }
    return NerEvaluation.score(gold, pred);
  }
}
