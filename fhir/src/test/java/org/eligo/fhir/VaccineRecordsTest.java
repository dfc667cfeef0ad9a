package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.cvx;
import static org.eligo.fhir.testkit.Code.text;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/** Vaccination records as hospitals write them, against "live vaccine within 30 days" and its non-live sibling. */
class VaccineRecordsTest {
  static final ImmunizationRule LIVE_WITHIN_30_DAYS = new ImmunizationRule(Set.of("live-vaccine"),
      new TimeWindow.WithinDays(30, false), "live vaccine");
  static final ImmunizationRule NON_LIVE_WITHIN_30_DAYS = new ImmunizationRule(Set.of("non-live-vaccine"),
      new TimeWindow.WithinDays(30, false), "non-live vaccine");

  private static Truth verdict(ImmunizationRule rule, Code vaccine) {
    var record = FhirPatientBuilder.patient("p1").born("1960-04-12").female().immunization(vaccine, "2026-02-15");
    return RuleEvaluator.evaluate(rule, PatientIndex.of(Readers.read(record.bundleJson()).facts()),
        new EvaluationContext(Readers.AS_OF)).truth();
  }

  @Test
  void aRecombinantZosterVaccineTwoWeeksAgoIsNotLiveHoweverTheRecordNamesIt() {
    // CVX 187 alone was an unknown code (the live-vaccine criterion asked); its CVX names named nothing known
    for (Code shingrix : java.util.List.of(cvx("187"), text("Zoster vaccine recombinant, adjuvanted"),
        text("zoster recombinant"), text("Recombinant shingles vaccine"))) {
      assertThat(verdict(LIVE_WITHIN_30_DAYS, shingrix)).as(shingrix + ": not live").isEqualTo(Truth.NOT_MET);
      assertThat(verdict(NON_LIVE_WITHIN_30_DAYS, shingrix)).as(shingrix + ": a non-live vaccine")
          .isEqualTo(Truth.MET);
    }
    assertThat(verdict(LIVE_WITHIN_30_DAYS, cvx("188"))).as("zoster, unspecified formulation: may be live")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(LIVE_WITHIN_30_DAYS, text("Zostavax"))).isEqualTo(Truth.MET);
  }

  @Test
  void aLiveVaccineNamedByItsCvxDescriptionWithCommasIsLive() {
    // a name written with commas never matched ("Zoster vaccine, live" was a synonym yet named nothing): the
    // live-vaccine exclusion let the patient through
    for (String name : java.util.List.of("influenza, live, intranasal", "Influenza, live, intranasal, quadrivalent",
        "Influenza virus vaccine, live", "Zoster vaccine, live", "Oral cholera vaccine, live")) {
      assertThat(verdict(LIVE_WITHIN_30_DAYS, text(name))).as(name).isEqualTo(Truth.MET);
    }
    assertThat(verdict(LIVE_WITHIN_30_DAYS, cvx("141"))).as("inactivated influenza, injectable: not live")
        .isEqualTo(Truth.NOT_MET);
  }
}
