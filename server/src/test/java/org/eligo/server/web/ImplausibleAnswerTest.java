package org.eligo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A measurement typed into the check that no person can have is refused with the range, in the unit chosen. */
class ImplausibleAnswerTest {

  @Test
  void haemoglobinOf500GramsPerDecilitreIsRefusedAndAnOrdinaryValueIsNot() {
    assertThat(WebRoutes.implausible("hemoglobin", 500, "g/dL")).isNotNull().endsWith("g/dL");
    assertThat(WebRoutes.implausible("hemoglobin", 8.5, "g/dL")).isNull();
    assertThat(WebRoutes.implausible("hemoglobin", 85, "g/L")).isNull();
    assertThat(WebRoutes.implausible("no-such-measure", 1e9, "g/L")).as("unknown measures are not judged").isNull();
  }

  /** A platelet count of 0 typed in is taken (severe ITP, aplastic anaemia); 0.15 × 10⁹/L is refused (DECISIONS 93). */
  @Test
  void aPlateletCountOfZeroIsTakenAndOneBelowOneIsNot() {
    assertThat(WebRoutes.implausible("platelets", 0, "10*9/L")).isNull();
    assertThat(WebRoutes.implausible("platelets", 12, "10*9/L")).isNull();
    assertThat(WebRoutes.implausible("platelets", 0.15, "10*9/L")).isNotNull();
    assertThat(WebRoutes.implausible("hemoglobin", 0, "g/dL")).isNotNull();
  }
}
