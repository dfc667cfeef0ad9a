package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A procedure or vaccine Eligo cannot identify may be the one asked about only when its date can fall in the
 * criterion's window, as for unidentified diagnoses and drugs. As of 2026-06-15.
 */
class UnidentifiedHistoryWindowTest {
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-06-15"));
  // within 90 days: the window starts on 2026-03-17
  final ProcedureRule surgeryWithin3Months = new ProcedureRule(Set.of("splenectomy"), TimeWindow.within(90),
      "splenectomy");
  final ImmunizationRule liveVaccineWithin4Weeks = new ImmunizationRule(Set.of("live-vaccine"), TimeWindow.within(28),
      "live vaccine");

  static Truth truth(Rule rule, Facts facts) {
    PatientIndex patient = PatientIndex.of(facts.build());
    Truth explained = RuleEvaluator.evaluate(rule, patient, AS_OF).truth();
    Truth decided = RuleEvaluator.evaluate(rule, patient, AS_OF.decideOnly()).truth();
    assertThat(decided).as("deciding and explaining agree").isEqualTo(explained);
    return explained;
  }

  @Test
  void anUnidentifiedProcedureLongBeforeTheWindowSettlesNothing() {
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2015-03-01",
        Unidentified.CONCEPT))).isEqualTo(NOT_MET);
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2026-03-16",
        Unidentified.CONCEPT))).isEqualTo(NOT_MET);
    // after the as-of date: not yet done
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2026-06-16",
        Unidentified.CONCEPT))).isEqualTo(NOT_MET);
  }

  @Test
  void anUnidentifiedProcedureThatMayFallInTheWindowLeavesItOpen() {
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2026-03-17",
        Unidentified.CONCEPT))).isEqualTo(UNKNOWN);
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2026-03",
        Unidentified.CONCEPT))).isEqualTo(UNKNOWN);
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", null,
        Unidentified.CONCEPT))).isEqualTo(UNKNOWN);
    assertThat(truth(surgeryWithin3Months, Facts.patient("p").procedure("SNOMED CT 999999003", "2026-06",
        Unidentified.CONCEPT))).isEqualTo(UNKNOWN);
  }

  @Test
  void anUnidentifiedVaccineIsReadTheSameWay() {
    assertThat(truth(liveVaccineWithin4Weeks, Facts.patient("p").immunization("CVX 999", "2020-05-01",
        Unidentified.CONCEPT))).isEqualTo(NOT_MET);
    assertThat(truth(liveVaccineWithin4Weeks, Facts.patient("p").immunization("CVX 999", "2026-05",
        Unidentified.CONCEPT))).isEqualTo(UNKNOWN);
  }
}
