package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;
import org.newsflow.enrich.tagging.topic.WordVectors;

class EmbeddingBuilderTest {

  private static final TextFeaturizer FEATURIZER = new TextFeaturizer(12, 10);

  /** Two made-up subjects whose words never meet: each word's neighbours are words of its own subject. */
  private static List<String> corpus() {
    String[] market = "shares bonds investors traders stocks dividend brokers futures".split(" ");
    String[] match = "striker goalkeeper referee penalty stadium midfielder fans league".split(" ");
    Random rnd = new Random(3);
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < 400; d++) {
      String[] words = d % 2 == 0 ? market : match;
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 60; i++) {
        s.append(words[rnd.nextInt(words.length)]).append(' ');
      }
      docs.add(s.toString());
    }
    return docs;
  }

  private static float[] vector(WordVectors v, String word) {
    float[] acc = new float[v.dim()];
    assertThat(v.addTo(FEATURIZER.tokenHashes(word)[0], acc)).as(word).isTrue();
    return acc;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void shouldPlaceWordsOfOneSubjectNearerEachOtherThanWordsOfAnother() {
    EmbeddingBuilder builder = new EmbeddingBuilder(4, 1000, 3, 100, 3, 1e-3, 7L);
    WordVectors v = builder.build(corpus(), FEATURIZER, new PrintWriter(new StringWriter()));
    assertThat(v.size()).isEqualTo(16);
    assertThat(cosine(vector(v, "bonds"), vector(v, "dividend")))
        .isGreaterThan(cosine(vector(v, "bonds"), vector(v, "referee")) + 0.5);
    assertThat(cosine(vector(v, "penalty"), vector(v, "stadium")))
        .isGreaterThan(cosine(vector(v, "penalty"), vector(v, "investors")) + 0.5);
  }

  @Test
  void shouldBuildTheSameVectorsTwice() {
    EmbeddingBuilder builder = new EmbeddingBuilder(4, 1000, 3, 100, 3, 1e-3, 7L);
    PrintWriter quiet = new PrintWriter(new StringWriter());
    WordVectors a = builder.build(corpus(), FEATURIZER, quiet);
    WordVectors b = builder.build(corpus(), FEATURIZER, quiet);
    assertThat(vector(a, "striker")).containsExactly(vector(b, "striker"));
  }
}
