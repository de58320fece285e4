package org.newsflow.enrich.tagging.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsflow.common.article.MediaTopic;
import org.newsflow.enrich.tagging.LanguageDetector;
import org.newsflow.enrich.tagging.TopicTagger;

/**
 * {@link TopicTagger} over a {@link TopicModel}. A level-1 topic's score is its calibrated probability; every
 * level-1 topic whose probability reaches the model's threshold (0.5: more likely than not) is assigned (so an
 * article can be both politics and conflict); when none does, the most probable one is still assigned, whatever its
 * probability, because a news article nearly always has a subject and a consumer routing articles by subject needs
 * the best guess, while its score tells a consumer who wants only likely topics to leave it out (on feed items of
 * outlets the model was not trained on, a fifth have no topic at 0.3 or more, and the best guess is right for about
 * 40 % of those: BENCHMARKS.md, "Every article gets its best guess"). Level-2 topics are assigned
 * only under an assigned parent, scored as the parent's probability times the child's probability given the parent,
 * when that reaches the level-2 threshold, at most {@value #MAX_CHILDREN_PER_PARENT} per parent.
 *
 * <p>The model is trained on English text only: callers should tag topics only for articles whose detected
 * language is English, which {@link #tag(String, String, String)} does for them. Thread-safe.
 */
public final class LinearTopicTagger implements TopicTagger {

  /** Level-2 topics kept under one parent at most. */
  public static final int MAX_CHILDREN_PER_PARENT = 2;
  /** Fewer content words than this say too little to classify. */
  private static final int MIN_TOKENS = 3;

  private final TopicModel model;

  /** @param model the trained model, e.g. {@link TopicModel#loadDefault()} */
  public LinearTopicTagger(TopicModel model) {
    this.model = model;
  }

  /** @return a tagger over the model bundled on the classpath */
  public static LinearTopicTagger loadDefault() {
    return new LinearTopicTagger(TopicModel.loadDefault());
  }

  @Override
  public List<MediaTopic> tag(String title, String text) {
    TextFeatures f = model.featurizer().featurize(title, text);
    if (f.tokens() < MIN_TOKENS) {
      return List.of();
    }
    double[] p1 = model.level1Probabilities(f);
    List<Integer> parents = new ArrayList<>();
    int best = 0;
    for (int k = 0; k < p1.length; k++) {
      if (p1[k] >= model.threshold1()) {
        parents.add(k);
      }
      if (p1[k] > p1[best]) {
        best = k;
      }
    }
    if (parents.isEmpty() && p1.length > 0) {
      parents.add(best);
    }
    parents.sort(Comparator.comparingDouble((Integer k) -> p1[k]).reversed());
    List<MediaTopic> level1 = new ArrayList<>();
    List<MediaTopic> level2 = new ArrayList<>();
    for (int k : parents) {
      String id = model.level1Ids().get(k);
      level1.add(new MediaTopic(id, model.labels().label(id), 1, round(p1[k])));
      List<String> children = model.childIds(k);
      if (children.isEmpty()) {
        continue;
      }
      double[] p2 = model.level2Probabilities(f, k);
      List<MediaTopic> kept = new ArrayList<>();
      for (int c = 0; c < p2.length; c++) {
        // a child is as likely as its parent at most: its score is the parent's probability times the child's
        // probability given the parent, and it is kept only when that product reaches the threshold
        p2[c] *= p1[k];
        if (p2[c] >= model.threshold2()) {
          kept.add(new MediaTopic(children.get(c), model.labels().label(children.get(c)), 2, round(p2[c])));
        }
      }
      kept.sort(Comparator.comparingDouble(MediaTopic::score).reversed());
      level2.addAll(kept.subList(0, Math.min(MAX_CHILDREN_PER_PARENT, kept.size())));
    }
    level2.sort(Comparator.comparingDouble(MediaTopic::score).reversed());
    level1.addAll(level2);
    return List.copyOf(level1);
  }

  /**
   * Tags an article only when its language is English, the only language the model knows: for any other
   * language, English word statistics would produce confident nonsense.
   *
   * @param title    plain-text title
   * @param text     plain-text body
   * @param language the article's ISO 639-1 code (e.g. from a {@link LanguageDetector})
   * @return topics as {@link #tag(String, String)}, or none when {@code language} is not {@code en}
   */
  public List<MediaTopic> tag(String title, String text, String language) {
    return "en".equals(language) ? tag(title, text) : List.of();
  }

  private static double round(double p) {
    return Math.round(p * 1000) / 1000.0;
  }
}
