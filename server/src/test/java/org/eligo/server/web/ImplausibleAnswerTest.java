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
}
