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
}
