package org.newsflow.enrich.tagging.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicModelTest {

  private static final TopicModel MODEL = TopicModel.loadDefault();

  @Test
  void shouldBundleAModelOverAllSeventeenLevel1TopicsWithLabels() {
    TopicModel model = MODEL;
    assertThat(model.level1Ids()).hasSize(17).contains("medtop:11000000", "medtop:16000000", "medtop:17000000");
    for (int k = 0; k < model.level1Ids().size(); k++) {
      assertThat(model.labels().byId()).containsKey(model.level1Ids().get(k));
      for (String child : model.childIds(k)) {
        assertThat(model.labels().byId().get(child).parentId()).isEqualTo(model.level1Ids().get(k));
      }
    }
    assertThat(model.labels().label("medtop:16000000")).isEqualTo("conflict, war and peace");
  }

  @Test
  void shouldScoreIdenticallyAfterAWriteAndReadRoundTrip() throws IOException {
    TopicModel model = MODEL;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    TopicModel copy = TopicModel.read(new ByteArrayInputStream(out.toByteArray()), model.labels());
    assertThat(copy).isEqualTo(model);
    assertThat(copy.featurizer().titleRepeats()).isEqualTo(model.featurizer().titleRepeats());
    TextFeatures f = model.featurizer().featurize("Storm warning", "Heavy rain and gales are forecast.");
    assertThat(copy.level1Probabilities(f)).containsExactly(model.level1Probabilities(f));
  }

  @Test
  void shouldKeepTheScaleOfEachClassWhenQuantising() {
    TextFeaturizer featurizer = new TextFeaturizer(10, 8);
    int dim = 1 << 10;
    float[] w = new float[dim * 2];
    TextFeatures f = featurizer.featurize("", "ceasefire");
    int feature = f.level1Index()[0];
    w[feature * 2] = 4f;       // class 0 strongly for the word
    w[feature * 2 + 1] = -0.5f; // class 1 mildly against it
    TopicModel model = TopicModel.quantise(featurizer, List.of("medtop:16000000", "medtop:15000000"), w,
        new float[] {0f, 0f}, new float[][] {{1f, 1f}, {0f, 0f}}, List.of(List.of(), List.of()), new float[][] {new float[0], new float[0]},
        new float[][] {new float[0], new float[0]}, 0.5f, 0.5f, TopicLabels.loadDefault());
    double[] p = model.level1Probabilities(f);
    assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-4 * f.level1Value()[0])), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(p[1]).isCloseTo(1 / (1 + Math.exp(0.5 * f.level1Value()[0])), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void shouldRejectAStreamThatIsNotAModel() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> TopicModel.read(new ByteArrayInputStream(out.toByteArray()), TopicLabels.loadDefault()))
        .isInstanceOf(IOException.class);
  }
}
