package org.eligo.core.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kleene's strong three-valued logic, the full truth table. */
class TruthTest {

  @ParameterizedTest(name = "{0} and {1} = {2}; {0} or {1} = {3}")
  @CsvSource({
      "MET, MET, MET, MET",
      "MET, UNKNOWN, UNKNOWN, MET",
      "MET, NOT_MET, NOT_MET, MET",
      "UNKNOWN, MET, UNKNOWN, MET",
      "UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN",
      "UNKNOWN, NOT_MET, NOT_MET, UNKNOWN",
      "NOT_MET, MET, NOT_MET, MET",
      "NOT_MET, UNKNOWN, NOT_MET, UNKNOWN",
      "NOT_MET, NOT_MET, NOT_MET, NOT_MET"})
  void andOr(Truth a, Truth b, Truth and, Truth or) {
    assertThat(a.and(b)).isEqualTo(and);
    assertThat(a.or(b)).isEqualTo(or);
    assertThat(a.andThen(() -> b)).isEqualTo(and);
  }

  @ParameterizedTest
  @CsvSource({"MET, NOT_MET", "NOT_MET, MET", "UNKNOWN, UNKNOWN"})
  void not(Truth a, Truth negated) {
    assertThat(a.not()).isEqualTo(negated);
    assertThat(a.not().not()).isEqualTo(a);
  }

  @org.junit.jupiter.api.Test
  void deMorganHoldsForEveryPair() {
    for (Truth a : Truth.values()) {
      for (Truth b : Truth.values()) {
        assertThat(a.and(b).not()).as("not(%s and %s)", a, b).isEqualTo(a.not().or(b.not()));
        assertThat(a.or(b).not()).as("not(%s or %s)", a, b).isEqualTo(a.not().and(b.not()));
      }
    }
  }
}
