package org.eligo.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactBinomialIntervalTest {

  /** Reference bounds: the beta quantiles Beta(alpha/2; k, n-k+1) and Beta(1-alpha/2; k+1, n-k), to 4 decimals. */
  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({
      // Bride et al. 2016 cohorts
      "12, 12, 0.7354, 1.0000",
      " 8, 12, 0.3489, 0.9008",
      " 2,  6, 0.0433, 0.7772",
      // textbook values
      " 5, 10, 0.1871, 0.8129",
      " 1, 10, 0.0025, 0.4450",
      " 0, 10, 0.0000, 0.3085",
      "10, 10, 0.6915, 1.0000",
      " 0,  1, 0.0000, 0.9750",
      " 1,  1, 0.0250, 1.0000",
  })
  void matchesReferenceBounds(int events, int trials, double lower, double upper) {
    ExactBinomialInterval ci = ExactBinomialInterval.of(events, trials);

    assertThat(ci.lower()).isCloseTo(lower, within(1e-4));
    assertThat(ci.upper()).isCloseTo(upper, within(1e-4));
    assertThat(ci.contains(ci.proportion())).isTrue();
    assertThat(ci.confidence()).isEqualTo(0.95);
  }

  @ParameterizedTest(name = "n = {0}")
  @CsvSource({"1", "2", "6", "12", "30", "1000"})
  void allOrNoneHaveClosedForms(int n) {
    double tailRoot = Math.pow(0.025, 1.0 / n);

    ExactBinomialInterval none = ExactBinomialInterval.of(0, n);
    ExactBinomialInterval all = ExactBinomialInterval.of(n, n);

    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(1 - tailRoot, within(1e-9));
    assertThat(all.lower()).isCloseTo(tailRoot, within(1e-9));
    assertThat(all.upper()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"3, 7", "8, 12", "0, 5", "40, 100", "1, 2"})
  void swappingEventsAndNonEventsMirrorsTheInterval(int events, int trials) {
    ExactBinomialInterval ci = ExactBinomialInterval.of(events, trials);
    ExactBinomialInterval mirror = ExactBinomialInterval.of(trials - events, trials);

    assertThat(ci.lower()).isCloseTo(1 - mirror.upper(), within(1e-10));
    assertThat(ci.upper()).isCloseTo(1 - mirror.lower(), within(1e-10));
  }

  @Test
  void tailsAtTheBoundsEqualHalfTheErrorRate() {
    ExactBinomialInterval ci = ExactBinomialInterval.of(8, 12);

    assertThat(1 - ExactBinomialInterval.cdf(7, 12, ci.lower())).isCloseTo(0.025, within(1e-10));
    assertThat(ExactBinomialInterval.cdf(8, 12, ci.upper())).isCloseTo(0.025, within(1e-10));
  }

  @Test
  void higherConfidenceGivesAWiderInterval() {
    ExactBinomialInterval ninety = ExactBinomialInterval.of(8, 12, 0.90);
    ExactBinomialInterval ninetyNine = ExactBinomialInterval.of(8, 12, 0.99);

    assertThat(ninetyNine.lower()).isLessThan(ninety.lower());
    assertThat(ninetyNine.upper()).isGreaterThan(ninety.upper());
  }

  @Test
  void largeCountsStayFiniteAndNarrow() {
    ExactBinomialInterval ci = ExactBinomialInterval.of(50_000, 100_000);

    assertThat(ci.lower()).isCloseTo(0.4969, within(1e-4));
    assertThat(ci.upper()).isCloseTo(0.5031, within(1e-4));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"-1, 5", "6, 5", "0, 0", "1, -3"})
  void rejectsImpossibleCounts(int events, int trials) {
    assertThatThrownBy(() -> ExactBinomialInterval.of(events, trials))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "confidence {0}")
  @CsvSource({"0", "1", "-0.5", "1.5", "NaN"})
  void rejectsConfidenceOutsideTheOpenUnitInterval(double confidence) {
    assertThatThrownBy(() -> ExactBinomialInterval.of(1, 2, confidence))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
  }

  @Test
  void rejectsBoundsOutOfOrder() {
    assertThatThrownBy(() -> new ExactBinomialInterval(1, 2, 0.95, 0.8, 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
