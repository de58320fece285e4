package org.newsflow.enrich.training.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void shouldRecoverTheSlopeAndInterceptOfScoresDrawnFromALogisticModel() {
    Random rnd = new Random(1);
    List<double[]> points = new ArrayList<>();
    double positives = 0;
    for (int i = 0; i < 20_000; i++) {
      double z = rnd.nextGaussian() * 3;
      boolean y = rnd.nextDouble() < 1 / (1 + Math.exp(-(0.5 * z - 1)));
      points.add(new double[] {z, y ? 1 : 0, 1});
      positives += y ? 1 : 0;
    }
    double[] ab = Calibration.platt(points, positives, points.size() - positives);
    assertThat(ab[0]).isCloseTo(0.5, offset(0.05));
    assertThat(ab[1]).isCloseTo(-1, offset(0.1));
  }

  @Test
  void shouldReportNoErrorForCalibratedAnswersAndTheGapForOverconfidentOnes() {
    double[] confidence = new double[1000];
    boolean[] correct = new boolean[1000];
    for (int i = 0; i < 1000; i++) {
      confidence[i] = 0.75;
      correct[i] = i % 4 != 0;
    }
    assertThat(Calibration.expectedCalibrationError(confidence, correct)).isCloseTo(0, offset(1e-9));
    java.util.Arrays.fill(confidence, 0.95);
    assertThat(Calibration.expectedCalibrationError(confidence, correct)).isCloseTo(0.2, offset(1e-9));
  }

  @Test
  void shouldLearnASharedShiftThatTempersOverconfidentLogOdds() {
    Random rnd = new Random(2);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double z = rnd.nextGaussian() * 4;
      // the calibrated log-odds claim twice the confidence the outcomes support
      boolean y = rnd.nextDouble() < 1 / (1 + Math.exp(-0.5 * z));
      points.add(new double[] {z, y ? 1 : 0, 1});
    }
    double[] tu = Calibration.fitShift(points);
    assertThat(tu[0]).isCloseTo(0.5, offset(0.05));
    assertThat(tu[1]).isCloseTo(0, offset(0.1));
    Calibration shifted = new Calibration(new float[] {2f}, new float[] {1f}).shifted(tu[0], tu[1]);
    assertThat(shifted.slope()[0]).isCloseTo((float) (2 * tu[0]), offset(1e-5f));
    assertThat(shifted.intercept()[0]).isCloseTo((float) (tu[0] + tu[1]), offset(1e-5f));
  }

  @Test
  void shouldFitATemperatureThatTempersOverconfidentLogOddsAndKeepsHalfWhereItWas() {
    Random rnd = new Random(3);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double z = rnd.nextGaussian() * 4;
      boolean y = rnd.nextDouble() < 1 / (1 + Math.exp(-0.6 * z));
      points.add(new double[] {z, y ? 1 : 0, 1});
    }
    double[] t = Calibration.fitTemperature(points);
    assertThat(t[0]).isCloseTo(0.6, offset(0.05));
    assertThat(t[1]).isZero();
    assertThat(Calibration.fitTemperature(List.of(new double[] {1, 1, 1}))).containsExactly(1, 0);
  }

  @Test
  void shouldNotShiftWhenThePointsCannotSupportAFitOrWouldInvertTheScores() {
    List<double[]> few = List.of(new double[] {2, 1, 1}, new double[] {-2, 0, 1});
    assertThat(Calibration.fitShift(few)).containsExactly(1, 0);
    List<double[]> inverted = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inverted.add(new double[] {i % 2 == 0 ? 3 : -3, i % 2 == 0 ? 0 : 1, 1});
    }
    assertThat(Calibration.fitShift(inverted)).containsExactly(1, 0);
  }

  @Test
  void shouldTakeShiftPointsOnlyForTopicsBothTheTextsCorpusAndTheScoringModelsCorporaLabel() {
    List<String> ids = List.of("medtop:a", "medtop:b", "medtop:c", "medtop:d");
    LabelledText text = new LabelledText("x", "cat", "title", "text", List.of("medtop:a"), false);
    List<double[]> out = new ArrayList<>();
    // the corpus labels a, b and c; the scoring model's corpora label a, b and d
    Calibration.addShiftPoints(out, text, new double[] {1, 2, 3, 4}, 0.5f, java.util.Set.of(0, 1, 2),
        java.util.Set.of(0, 1, 3), ids);
    assertThat(out).extracting(p -> p[0]).containsExactly(1.0, 2.0);
    assertThat(out).extracting(p -> p[1]).containsExactly(1.0, 0.0);
    assertThat(out).extracting(p -> p[2]).containsOnly(0.5);
    out.clear();
    LabelledText anyOf = new LabelledText("x", "cat", "title", "text", List.of("medtop:a", "medtop:b"), true);
    Calibration.addShiftPoints(out, anyOf, new double[] {1, 2, 3, 4}, 1f, java.util.Set.of(0, 1, 2),
        java.util.Set.of(0, 1, 2, 3), ids);
    assertThat(out).extracting(p -> p[0]).containsExactly(3.0);
  }
}
