package org.newsflow.enrich.training.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;

/**
 * Turns labelled texts, the IPTC vocabulary and the curated lexicon into training examples.
 *
 * <ul>
 *   <li>a labelled text (and, for full articles, its title plus first sentence as a second example): yes for its
 *       mapped topics (don't know for each topic of an "any of" category, except yes for the one its lexicon entries
 *       point to: a WORLD NEWS item about shelling is a conflict example); no for the other topics its corpus has
 *       labels for (don't know with some lexicon evidence); for topics its corpus never labels, the
 *       {@link TopicLexicon} decides (yes with strong evidence, don't know with some, no with none), so a politics
 *       story about a war is not taught to be "not conflict". A feed item's few words are weighed as such: fewer
 *       lexicon entries make evidence in it than in a full article. Each source category weighs at most
 *       {@code categoryCap} examples in all;</li>
 *   <li>every live IPTC concept's label and definition, yes for its level-1 ancestor;</li>
 *   <li>per level-1 topic, synthetic articles: a random training article (or none) with text about the topic
 *       spliced in (labels and definitions of concepts of its subtree, lexicon keywords), which is how topics no
 *       corpus labels (conflict, disaster, weather, labour...) become reachable inside realistic news text. They
 *       also teach the level-2 classifiers, per parent, to tell its children apart;</li>
 *   <li>per level-1 topic, synthetic feed items: a real text's title and first sentence followed by a sentence of
 *       the topic's words, so that a few words of a short text can carry a topic no corpus labels in short form.</li>
 * </ul>
 */
final class ExampleBuilder {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  // distinct lexicon entries that make strong or some evidence of a topic, in a full article and in a feed item
  // (a headline and a sentence or two, where a single topic word is as telling as two in 400 words)
  private static final int STRONG_EVIDENCE = 6;
  private static final int STRONG_EVIDENCE_SHORT = 3;
  private static final int SOME_EVIDENCE = 2;
  private static final int SOME_EVIDENCE_SHORT = 1;
  private static final int MIN_BACKGROUND_CHARS = 400;

  private final IptcVocabulary vocabulary;
  private final TextFeaturizer featurizer;
  private final TrainingOptions options;
  private final List<String> level1Ids;
  private final List<List<IptcConcept>> children;
  private final List<List<String>> lexicon;

  ExampleBuilder(IptcVocabulary vocabulary, TextFeaturizer featurizer, TrainingOptions options) {
    this.vocabulary = vocabulary;
    this.featurizer = featurizer;
    this.options = options;
    this.level1Ids = vocabulary.atLevel(1).stream().map(IptcConcept::id).toList();
    List<List<IptcConcept>> ch = new ArrayList<>();
    List<List<String>> lex = new ArrayList<>();
    for (String id : level1Ids) {
      ch.add(vocabulary.atLevel(2).stream().filter(c -> id.equals(c.level1Id())).toList());
      lex.add(TopicLexicon.keywords(id).stream().map(ExampleBuilder::normalise).distinct().toList());
    }
    this.children = ch;
    this.lexicon = lex;
  }

  List<String> level1Ids() {
    return level1Ids;
  }

  List<List<IptcConcept>> children() {
    return children;
  }

  /** Per corpus, the level-1 classes it has labels for. */
  Map<String, Set<Integer>> coverage(List<LabelledText> texts) {
    Map<String, Set<Integer>> covered = new HashMap<>();
    for (LabelledText t : texts) {
      for (String topic : t.topics()) {
        covered.computeIfAbsent(t.corpus(), c -> new HashSet<>()).add(level1Ids.indexOf(topic));
      }
    }
    return covered;
  }

  /**
   * Per corpus, the level-1 classes it labels firmly: by a category that says its texts are about the topic, not
   * by an "any of" category. Only these make a text's silence on a topic mean "no": a section that spans politics,
   * crime and disaster says nothing about whether its other texts are about disaster.
   */
  Map<String, Set<Integer>> firmCoverage(List<LabelledText> texts) {
    Map<String, Set<Integer>> covered = new HashMap<>();
    for (LabelledText t : texts) {
      Set<Integer> own = covered.computeIfAbsent(t.corpus(), c -> new HashSet<>());
      if (!t.anyOf()) {
        t.topics().forEach(topic -> own.add(level1Ids.indexOf(topic)));
      }
    }
    return covered;
  }

  /**
   * @param t       a labelled text
   * @param covered the classes its corpus has labels for
   * @return its level-1 targets
   */
  byte[] targets(LabelledText t, Set<Integer> covered) {
    int k1 = level1Ids.size();
    byte[] y = new byte[k1];
    int[] evidence = evidence(t.title() + "\n" + t.text());
    int strong = isArticle(t) ? STRONG_EVIDENCE : STRONG_EVIDENCE_SHORT;
    int some = isArticle(t) ? SOME_EVIDENCE : SOME_EVIDENCE_SHORT;
    int pointedTo = t.anyOf() ? pointedTo(t, evidence) : -1;
    for (int k = 0; k < k1; k++) {
      if (t.topics().contains(level1Ids.get(k))) {
        y[k] = (byte) (!t.anyOf() || k == pointedTo ? 1 : -1);
      } else if (covered.contains(k)) {
        y[k] = (byte) (evidence[k] >= some ? -1 : 0);
      } else if (evidence[k] >= strong) {
        y[k] = 1;
      } else {
        y[k] = (byte) (evidence[k] >= some ? -1 : 0);
      }
    }
    return y;
  }

  /**
   * The one topic of an "any of" category that the text's lexicon entries point to: the topic with the most distinct
   * entries, at least {@code SOME_EVIDENCE}, when no other of the category's topics has as many; else -1.
   */
  private int pointedTo(LabelledText t, int[] evidence) {
    int best = -1;
    boolean tie = false;
    for (String topic : t.topics()) {
      int k = level1Ids.indexOf(topic);
      if (best < 0 || evidence[k] > evidence[best]) {
        best = k;
        tie = false;
      } else if (evidence[k] == evidence[best]) {
        tie = true;
      }
    }
    return best >= 0 && !tie && evidence[best] >= SOME_EVIDENCE ? best : -1;
  }

  /** @return whether the text is a full article (and so also trained and calibrated as title plus first sentence) */
  static boolean isArticle(LabelledText t) {
    return t.text().length() > MIN_BACKGROUND_CHARS;
  }

  /** Examples from labelled texts, plus title-and-first-sentence copies of full articles. */
  List<Example> labelled(List<LabelledText> texts) {
    Map<String, Set<Integer>> covered = firmCoverage(texts);
    float[] weights = weights(texts);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      LabelledText t = texts.get(i);
      byte[] y = targets(t, covered.get(t.corpus()));
      boolean full = isArticle(t);
      float w = weights[i];
      out.add(new Example(featurizer.featurize(t.title(), t.text()), y, full ? w / 2 : w, -1, -1));
      if (full) {
        LabelledText lead = t.lead();
        out.add(new Example(featurizer.featurize(lead.title(), lead.text()), y, w / 2, -1, -1));
      }
    }
    return out;
  }

  /**
   * Loss weights that cap the texts of one label set, over all corpora (Reuters' 10,000 economy reports, HuffPost's
   * 3,361 politics headlines), at {@code categoryCap} examples in all, so no corpus's mix of subjects becomes the
   * model's prior.
   */
  float[] weights(List<LabelledText> texts) {
    Map<String, Integer> perLabel = new HashMap<>();
    for (LabelledText t : texts) {
      perLabel.merge(labelKey(t), 1, Integer::sum);
    }
    float[] w = new float[texts.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.min(1f, options.categoryCap() / (float) perLabel.get(labelKey(texts.get(i))));
    }
    return w;
  }

  private static String labelKey(LabelledText t) {
    return t.topics() + "\t" + t.anyOf();
  }

  /** One example per live IPTC concept: its label and definition, yes for its level-1 ancestor. */
  List<Example> definitions() {
    List<Example> out = new ArrayList<>();
    for (IptcConcept c : vocabulary.concepts()) {
      byte[] y = new byte[level1Ids.size()];
      int k = level1Ids.indexOf(c.level1Id());
      y[k] = 1;
      int child = c.level2Id() == null ? -1 : children.get(k).stream().map(IptcConcept::id).toList()
          .indexOf(c.level2Id());
      out.add(new Example(featurizer.featurize(c.label(), c.definition()), y, options.definitionWeight(),
          child < 0 ? -1 : k, child));
    }
    return out;
  }

  /** Synthetic articles about each level-1 topic inside random training articles (see the class comment). */
  List<Example> synthetic(List<LabelledText> texts, Random rnd) {
    Map<String, Set<Integer>> covered = firmCoverage(texts);
    List<LabelledText> backgrounds = texts.stream().filter(t -> t.text().length() >= MIN_BACKGROUND_CHARS)
        .toList();
    List<byte[]> backgroundTargets = backgrounds.stream().map(t -> targets(t, covered.get(t.corpus()))).toList();
    // backgrounds are drawn label set first, then text: drawn by text, Reuters' economy reports would be the
    // background of most synthetic articles and make "economy" the answer to everything
    List<List<Integer>> groups = byLabelSet(backgrounds);
    Map<String, IptcConcept> byId = vocabulary.byId();
    int k1 = level1Ids.size();
    List<Example> out = new ArrayList<>();
    for (int k = 0; k < k1; k++) {
      List<IptcConcept> kids = children.get(k);
      for (int n = 0; n < options.injectionsPerTopic(); n++) {
        int child = kids.isEmpty() || rnd.nextDouble() < 0.2 ? -1 : rnd.nextInt(kids.size());
        List<IptcConcept> pool = child < 0 ? List.of(byId.get(level1Ids.get(k)))
            : vocabulary.subtree(kids.get(child).id());
        StringBuilder inject = new StringBuilder();
        List<String> level2Words = child < 0 ? List.of() : TopicLexicon.level2Keywords(kids.get(child).id());
        // real articles never quote IPTC definitions: where a child has curated keywords, half of its articles
        // carry only those, so the classifier cannot lean on definition wording alone
        boolean keywordsOnly = !level2Words.isEmpty() && rnd.nextBoolean();
        int concepts = keywordsOnly ? 0 : 1 + rnd.nextInt(3);
        IptcConcept first = pool.get(rnd.nextInt(pool.size()));
        for (int c = 0; c < concepts; c++) {
          IptcConcept concept = c == 0 ? first : pool.get(rnd.nextInt(pool.size()));
          inject.append(concept.label()).append(". ").append(concept.definition()).append(" ");
        }
        List<String> words = level2Words.isEmpty() || !keywordsOnly && rnd.nextBoolean() ? lexicon.get(k)
            : level2Words;
        appendWords(inject, words, words.isEmpty() ? 0 : 5 + rnd.nextInt(11), rnd);
        // topics co-occur (a teachers' strike is labour and education): a second topic's words must not count
        // against the first, so some synthetic articles carry two
        int second = rnd.nextDouble() < 0.3 ? rnd.nextInt(k1) : -1;
        if (second == k) {
          second = -1;
        }
        if (second >= 0) {
          List<IptcConcept> other = vocabulary.subtree(level1Ids.get(second));
          IptcConcept concept = other.get(rnd.nextInt(other.size()));
          inject.append(concept.label()).append(". ").append(concept.definition()).append(" ");
          List<String> otherWords = lexicon.get(second);
          appendWords(inject, otherWords, otherWords.isEmpty() ? 0 : 3 + rnd.nextInt(6), rnd);
        }
        byte[] y = new byte[k1];
        String title;
        String text;
        if (backgrounds.isEmpty() || rnd.nextDouble() < 0.15) {
          title = first.label();
          text = inject.toString();
          for (int j = 0; j < k1; j++) {
            y[j] = -1;
          }
        } else {
          List<Integer> group = groups.get(rnd.nextInt(groups.size()));
          int b = group.get(rnd.nextInt(group.size()));
          LabelledText bg = backgrounds.get(b);
          System.arraycopy(backgroundTargets.get(b), 0, y, 0, k1);
          String[] paragraphs = bg.text().split("\n\\s*\n|\n(?=\\s{3})|\n(?=\\p{Lu})");
          int keep = 1 + rnd.nextInt(paragraphs.length);
          int at = rnd.nextInt(keep + 1);
          StringBuilder body = new StringBuilder();
          for (int i = 0; i < keep; i++) {
            if (i == at) {
              body.append(inject).append('\n');
            }
            body.append(paragraphs[i]);
            // real articles on a topic mention it throughout, not in one block
            if (!words.isEmpty() && rnd.nextBoolean()) {
              appendWords(body.append(' '), words, 1 + rnd.nextInt(3), rnd);
            }
            body.append('\n');
          }
          if (at == keep) {
            body.append(inject);
          }
          title = !keywordsOnly && rnd.nextBoolean() ? first.label() : bg.title();
          text = body.toString();
        }
        y[k] = 1;
        if (second >= 0) {
          y[second] = 1;
        }
        // articles about the topic in general teach its children nothing: real articles about one child read like
        // them, so as "no child" examples they would veto every child
        out.add(new Example(featurizer.featurize(title, text), y, 1f, child < 0 ? -1 : k, child));
      }
    }
    return out;
  }

  /**
   * Synthetic feed items about each level-1 topic: the title and first sentence of a random training text (drawn
   * label set first) followed by a sentence of the topic's words (a concept label of its subtree and lexicon
   * keywords). The long synthetic articles teach a topic inside hundreds of words of other text; a feed item is
   * a headline and a sentence, where a few words must carry the topic.
   */
  List<Example> shortSynthetic(List<LabelledText> texts, int perTopic, Random rnd) {
    if (texts.isEmpty() || perTopic == 0) {
      return List.of();
    }
    Map<String, Set<Integer>> covered = firmCoverage(texts);
    List<List<Integer>> groups = byLabelSet(texts);
    // a text's targets scan all of it for lexicon entries: once per text drawn, not once per draw
    byte[][] targetsOf = new byte[texts.size()][];
    int k1 = level1Ids.size();
    List<Example> out = new ArrayList<>();
    for (int k = 0; k < k1; k++) {
      List<IptcConcept> pool = vocabulary.subtree(level1Ids.get(k));
      for (int n = 0; n < perTopic; n++) {
        List<Integer> group = groups.get(rnd.nextInt(groups.size()));
        int b = group.get(rnd.nextInt(group.size()));
        LabelledText bg = texts.get(b);
        if (targetsOf[b] == null) {
          targetsOf[b] = targets(bg, covered.get(bg.corpus()));
        }
        byte[] y = targetsOf[b].clone();
        LabelledText lead = bg.lead();
        StringBuilder inject = new StringBuilder();
        if (lexicon.get(k).isEmpty() || rnd.nextBoolean()) {
          inject.append(pool.get(rnd.nextInt(pool.size())).label()).append(": ");
        }
        appendWords(inject, lexicon.get(k), lexicon.get(k).isEmpty() ? 0 : 2 + rnd.nextInt(3), rnd);
        y[k] = 1;
        out.add(new Example(featurizer.featurize(lead.title(), lead.text() + " " + inject), y, 1f, -1, -1));
      }
    }
    return out;
  }

  /** The texts' indexes grouped by label set, groups in a fixed order, so a draw is label set first, then text. */
  private static List<List<Integer>> byLabelSet(List<LabelledText> texts) {
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < texts.size(); i++) {
      byLabel.computeIfAbsent(labelKey(texts.get(i)), x -> new ArrayList<>()).add(i);
    }
    return List.copyOf(byLabel.values());
  }

  private static void appendWords(StringBuilder out, List<String> words, int m, Random rnd) {
    for (int i = 0; i < m; i++) {
      out.append(words.get(rnd.nextInt(words.size()))).append(i + 1 < m ? ", " : ". ");
    }
  }

  /** Counts, per level-1 topic, the distinct lexicon entries that occur in the text. */
  private int[] evidence(String text) {
    String[] tokens = NON_WORD.split(text.toLowerCase(Locale.ROOT));
    Set<String> grams = new HashSet<>();
    for (int i = 0; i < tokens.length; i++) {
      grams.add(tokens[i]);
      if (i + 1 < tokens.length) {
        grams.add(tokens[i] + " " + tokens[i + 1]);
      }
      if (i + 2 < tokens.length) {
        grams.add(tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]);
      }
    }
    int[] hits = new int[level1Ids.size()];
    for (int k = 0; k < hits.length; k++) {
      for (String w : lexicon.get(k)) {
        if (grams.contains(w)) {
          hits[k]++;
        }
      }
    }
    return hits;
  }

  private static String normalise(String phrase) {
    return String.join(" ", NON_WORD.split(phrase.toLowerCase(Locale.ROOT).strip()));
  }
}
