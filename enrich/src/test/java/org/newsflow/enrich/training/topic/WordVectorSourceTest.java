package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;
import org.newsflow.enrich.tagging.topic.WordVectors;

class WordVectorSourceTest {

  private static final TextFeaturizer FEATURIZER = new TextFeaturizer(12, 10);
  private static final PrintWriter QUIET = new PrintWriter(new StringWriter());
  private static final EmbeddingBuilder PPMI = new EmbeddingBuilder(4, 1000, 3, 100, 3, 1e-3, 7L);

  private static long hash(String word) {
    return FEATURIZER.tokenHashes(word)[0];
  }

  /**
   * Distilled vectors: "shares" along the first axis, "striker" along the second, "unseen" along the third, and the
   * general word "gadget" between the first and the third.
   */
  private static DistilledTable table() {
    float d = (float) Math.sqrt(0.5);
    return new DistilledTable(new long[] {hash("shares"), hash("striker"), hash("unseen"), hash("gadget")},
        new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, d, 0, d}, 3, new boolean[] {true, false, false, true});
  }

  private static List<String> texts() {
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < 50; d++) {
      docs.add(d % 2 == 0 ? "shares bonds investors traders" : "striker goalkeeper referee penalty");
    }
    return docs;
  }

  private static float[] vector(WordVectors v, String word) {
    float[] acc = new float[v.dim()];
    return v.addTo(hash(word), acc) ? acc : null;
  }

  @Test
  void shouldGiveTrainingWordsTheirDistilledVectorAndOtherWordsNone() {
    WordVectors v = new WordVectorSource(PPMI, table(), false).build(texts(), FEATURIZER, QUIET);
    assertThat(v.dim()).isEqualTo(3);
    assertThat(vector(v, "shares")[0]).isGreaterThan(0);
    assertThat(vector(v, "shares")[1]).isZero();
    assertThat(vector(v, "striker")[1]).isGreaterThan(0);
    // in the table but not in the training text: a held-out corpus's own words get no vector
    assertThat(vector(v, "unseen")).isNull();
    // in the training text but not in the table: zeros
    assertThat(vector(v, "referee")).containsOnly(0f);
  }

  @Test
  void shouldKeepGeneralWordsNoTrainingTextUsesWeightedAsTheRarestTrainingWord() {
    WordVectors v = new WordVectorSource(PPMI, table(), false).build(texts(), FEATURIZER, QUIET);
    float[] gadget = vector(v, "gadget");
    assertThat(gadget).isNotNull();
    assertThat(gadget[0]).isGreaterThan(0).isEqualTo(gadget[2]);
    assertThat(gadget[1]).isZero();
    // every training word is used 25 times, so the rarest training word's weight is theirs
    float shares = vector(v, "shares")[0];
    assertThat(Math.hypot(gadget[0], gadget[2]) / shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void shouldReadTablesWrittenBeforeGeneralWordsAsHavingNone() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table().write(bytes);
    byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray())).readAllBytes();
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(old)) {
      gz.write(raw, 0, raw.length - 4 - table().keys().length);
    }
    DistilledTable back = DistilledTable.read(new ByteArrayInputStream(old.toByteArray()));
    assertThat(back.keys()).containsExactly(table().keys());
    assertThat(back.general()).containsOnly(false);
  }

  @Test
  void shouldPutPpmiAndDistilledVectorsSideBySide() {
    WordVectors both = new WordVectorSource(PPMI, table(), true).build(texts(), FEATURIZER, QUIET);
    WordVectors ppmi = WordVectorSource.ppmiOnly(PPMI).build(texts(), FEATURIZER, QUIET);
    assertThat(both.dim()).isEqualTo(ppmi.dim() + 3);
    float[] shares = vector(both, "shares");
    assertThat(shares[ppmi.dim()]).isGreaterThan(0);
    assertThat(shares[ppmi.dim() + 1]).isZero();
  }

  @Test
  void shouldReadBackTheTableItWrote() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table().write(bytes);
    DistilledTable back = DistilledTable.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(back.keys()).containsExactly(table().keys());
    assertThat(back.vectors()).usingComparatorWithPrecision(0.01f).containsExactly(table().vectors());
    assertThat(back.general()).containsExactly(table().general());
  }
}
