package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.text;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * A year or month given without the day ("2025", "2025-12") is read as its first and last possible day for every
 * dated fact but results: condition onset and abatement, medication periods, request and dispense dates,
 * procedures and vaccines. As of 2026-06-15.
 */
class PartialDatesMappingTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female();
  }

  private static PatientReadResult read(FhirPatientBuilder b) {
    return Readers.READER.read(b.bundleJson(), AS_OF);
  }

  private static LocalDate day(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void conditionOnsetAndAbatementKeepTheirLastPossibleDay() {
    PatientReadResult r = read(adult().condition(icd10("D61.9"), "Aplastic anemia", "2025-12").id("c1")
        .clinicalStatus("resolved").abated("2026"));
    ConditionFact c = r.facts().conditions().getFirst();
    assertThat(c.onset()).isEqualTo(day("2025-12-01"));
    assertThat(c.onsetLatest()).isEqualTo(day("2025-12-31"));
    assertThat(c.abatement()).isEqualTo(day("2026-01-01"));
    assertThat(c.abatementLatest()).isEqualTo(day("2026-12-31"));
    assertThat(r.diagnostics()).filteredOn(d -> d.path().equals("onsetDateTime")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.INFO);
          assertThat(d.message()).contains("only a year or month").contains("stays open");
        });
  }

  @Test
  void anOnsetPeriodOrStringGivesTheRangeOfItsStart() {
    PatientReadResult r = read(adult().condition(icd10("D61.9"), "Aplastic anemia", null)
        .with(c -> c.putObject("onsetPeriod").put("start", "2025-11").put("end", "2026-01-10"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).with(c -> c.put("onsetString", "2024")));
    assertThat(r.facts().conditions()).extracting(ConditionFact::onset, ConditionFact::onsetLatest)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(day("2025-11-01"), day("2025-11-30")),
            org.assertj.core.groups.Tuple.tuple(day("2024-01-01"), day("2024-12-31")));
  }

  @Test
  void anExactDateHasBothEndsTheSame() {
    ConditionFact c = read(adult().condition(icd10("D61.9"), "Aplastic anemia", "2025-12-03")).facts().conditions()
        .getFirst();
    assertThat(c.onsetLatest()).isEqualTo(c.onset()).isEqualTo(day("2025-12-03"));
  }

  @Test
  void medicationPeriodsRequestsAdministrationsAndDispensesKeepTheirRange() {
    PatientFacts f = read(adult()
        .medication(text("Rituximab"), "Rituximab", "2025-09", "2025-12", "completed")
        .medicationRequest(text("Rituximab"), "Rituximab", "2025", null, "active")
        .medicationAdministration(text("Rituximab"), "Rituximab", "2025-10", "completed")
        .rawResource("{\"resourceType\":\"MedicationDispense\",\"id\":\"d1\",\"status\":\"completed\","
            + "\"medicationCodeableConcept\":{\"text\":\"Rituximab\"},\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"whenHandedOver\":\"2026-06\",\"daysSupply\":{\"value\":10,\"code\":\"d\"}}")).facts();
    assertThat(f.medications()).extracting(MedicationExposure::start, MedicationExposure::startLatest,
        MedicationExposure::end, MedicationExposure::endLatest).containsExactly(
        org.assertj.core.groups.Tuple.tuple(day("2025-09-01"), day("2025-09-30"), day("2025-12-01"),
            day("2025-12-31")),
        org.assertj.core.groups.Tuple.tuple(day("2025-01-01"), day("2025-12-31"), null, null),
        // completed on one day of October: it started and ended then
        org.assertj.core.groups.Tuple.tuple(day("2025-10-01"), day("2025-10-31"), day("2025-10-01"),
            day("2025-10-31")),
        // handed over some day of June with 10 days' supply: it lasts to some day from June 10 to July 9
        org.assertj.core.groups.Tuple.tuple(null, null, day("2026-06-10"), day("2026-07-09")));
  }

  @Test
  void proceduresAndVaccinesKeepTheirRange() {
    PatientFacts f = read(adult().procedure(text("Splenectomy"), "Splenectomy", "2026-03")
        .procedure(text("Splenectomy"), "Splenectomy", null)
        .with(p -> p.putObject("performedPeriod").put("start", "2025-01-10").put("end", "2025-02"))
        .immunization(text("MMR vaccine"), "2026")).facts();
    assertThat(f.procedures()).extracting(ProcedureFact::date, ProcedureFact::dateLatest).containsExactly(
        org.assertj.core.groups.Tuple.tuple(day("2026-03-01"), day("2026-03-31")),
        org.assertj.core.groups.Tuple.tuple(day("2025-02-01"), day("2025-02-28")));
    assertThat(f.immunizations()).extracting(ImmunizationFact::date, ImmunizationFact::dateLatest)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(day("2026-01-01"), day("2026-12-31")));
  }

  @Test
  void endToEndAMonthStraddlingTheWindowStartLeavesTheCriterionOpen() {
    EvaluationContext context = new EvaluationContext(AS_OF);
    // resolved in December 2025; "within the last 6 months" starts on 2025-12-15
    PatientFacts resolved = read(adult().condition(icd10("D61.9"), "Aplastic anemia", "2025-12")
        .clinicalStatus("resolved").abated("2025-12")).facts();
    assertThat(resolved.conditions().getFirst().status()).isEqualTo(ClinicalStatus.RESOLVED);
    ConditionRule within = new ConditionRule(resolved.conditions().getFirst().concepts(), Set.of(),
        TimeWindow.within(182), "aplastic anemia");
    assertThat(RuleEvaluator.evaluate(within, PatientIndex.of(resolved), context).truth()).isEqualTo(Truth.UNKNOWN);

    // "splenectomy within 3 months" (from 2026-03-17), performed in March 2026
    PatientFacts spleen = read(adult().procedure(text("Splenectomy"), "Splenectomy", "2026-03")).facts();
    ProcedureRule splenectomy = new ProcedureRule(spleen.procedures().getFirst().concepts(), TimeWindow.within(90),
        "splenectomy");
    assertThat(splenectomy.concepts()).isNotEmpty();
    assertThat(RuleEvaluator.evaluate(splenectomy, PatientIndex.of(spleen), context).truth())
        .isEqualTo(Truth.UNKNOWN);

    // "no rituximab within 6 months" (from 2025-12-17), stopped in December 2025
    PatientFacts ritux = read(adult().medication(text("Rituximab"), "Rituximab", "2025-09", "2025-12",
        "completed")).facts();
    MedicationRule washout = new MedicationRule(ritux.medications().getFirst().concepts(),
        new MedicationTiming.WithinDays(180), "rituximab");
    assertThat(washout.concepts()).isNotEmpty();
    assertThat(RuleEvaluator.evaluate(washout, PatientIndex.of(ritux), context).truth()).isEqualTo(Truth.UNKNOWN);
  }
}
