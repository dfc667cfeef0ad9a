package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Dates the record gives only as a year or a month ("2025", "2025-12"): a criterion's time limit falling within one
 * leaves the criterion UNKNOWN (never settled by the first day); one falling outside it is decided. As of 2026-06-15.
 */
class PartialDatesTest {
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-06-15"));

  static Outcome eval(Rule rule, Facts facts) {
    PatientIndex patient = PatientIndex.of(facts.build());
    Outcome explained = RuleEvaluator.evaluate(rule, patient, AS_OF);
    Outcome decided = RuleEvaluator.evaluate(rule, patient, AS_OF.decideOnly());
    assertThat(decided.truth()).as("deciding and explaining agree").isEqualTo(explained.truth());
    return explained;
  }

  static Truth truth(Rule rule, Facts facts) {
    return eval(rule, facts).truth();
  }

  @Nested
  class Conditions {
    // within the last 182 days: the window starts on 2025-12-15
    final ConditionRule within6Months = new ConditionRule(Set.of("aplastic-anemia"), Set.of(),
        TimeWindow.within(182), "aplastic anemia");

    @Test
    void anOnsetMonthAndAbatementMonthStraddlingTheWindowStartAreAQuestion() {
      // resolved in December 2025: on the 1st it is outside the window, on the 31st inside
      Outcome o = eval(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.RESOLVED,
          "2025-12", "2025-12", "aplastic-anemia"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("only the month or year");
      assertThat(o.evidence()).singleElement().extracting(Evidence::description).asString()
          .contains("since 2025-12 (only the month recorded)");
    }

    @Test
    void anOnsetMonthStraddlingTheWindowStartIsAQuestionWhenNothingElseSettlesIt() {
      // inactive, no abatement date: only an onset inside the window would make it MET
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.INACTIVE,
          "2025-12", null, "aplastic-anemia"))).isEqualTo(UNKNOWN);
      // still active: present in the window whatever the day of onset
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.ACTIVE,
          "2025-12", null, "aplastic-anemia"))).isEqualTo(MET);
    }

    @Test
    void anAbatementMonthOrYearWhollyOnOneSideOfTheWindowStartIsDecided() {
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.RESOLVED,
          "2024", "2025-11", "aplastic-anemia"))).isEqualTo(NOT_MET);
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.RESOLVED,
          "2024", "2026-01", "aplastic-anemia"))).isEqualTo(MET);
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.RESOLVED,
          "2025-12", "2026-02", "aplastic-anemia"))).isEqualTo(MET);
      // an onset year wholly inside the window
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.INACTIVE,
          "2026", null, "aplastic-anemia"))).isEqualTo(MET);
      // an abatement year straddling it
      assertThat(truth(within6Months, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.RESOLVED,
          "2020", "2025", "aplastic-anemia"))).isEqualTo(UNKNOWN);
    }

    @Test
    void theMonthOfTheAsOfDateCountsAsHappenedByThen() {
      // onset June 2026 as of 2026-06-15: the record reports it, so it began by then (as a year of birth is read)
      ConditionRule ever = ConditionRule.ever("aplastic anemia", "aplastic-anemia");
      assertThat(truth(ever, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2026-06", null,
          "aplastic-anemia"))).isEqualTo(MET);
      // a month after the as-of date lies after it, as a day would
      assertThat(truth(ever, Facts.patient("p").condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2026-07", null,
          "aplastic-anemia"))).isEqualTo(NOT_MET);
    }
  }

  @Nested
  class Medications {
    // "no rituximab within 6 months": the window starts on 2025-12-17
    final MedicationRule rituximabWithin6Months = new MedicationRule(Set.of("rituximab"),
        new MedicationTiming.WithinDays(180), "rituximab");

    @Test
    void anEndMonthStraddlingTheWashoutIsAQuestion() {
      Outcome o = eval(rituximabWithin6Months, Facts.patient("p").medication("rituximab", "2025-09", "2025-12",
          ExposureStatus.COMPLETED, "rituximab"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("only the month or year");
      assertThat(o.evidence()).singleElement().extracting(Evidence::description).asString()
          .contains("from 2025-09 to 2025-12; the record gives only the month or year");
    }

    @Test
    void anEndMonthWhollyOnOneSideIsDecided() {
      assertThat(truth(rituximabWithin6Months, Facts.patient("p").medication("rituximab", "2025-09", "2025-11",
          ExposureStatus.COMPLETED, "rituximab"))).isEqualTo(NOT_MET);
      assertThat(truth(rituximabWithin6Months, Facts.patient("p").medication("rituximab", "2025-09", "2026-01",
          ExposureStatus.COMPLETED, "rituximab"))).isEqualTo(MET);
      assertThat(truth(rituximabWithin6Months, Facts.patient("p").medication("rituximab", "2025", "2025",
          ExposureStatus.COMPLETED, "rituximab"))).isEqualTo(UNKNOWN);
    }

    @Test
    void aStartMonthAgainstAtLeastDaysBefore() {
      // "administered at least 12 months prior": started on or before 2025-06-15
      MedicationRule atg = new MedicationRule(Set.of("lymphodepleting-therapy"),
          new MedicationTiming.AtLeastDaysBefore(365, false), "lymphodepleting therapy");
      assertThat(truth(atg, Facts.patient("p").medication("ATG", "2025-06", "2025-06",
          ExposureStatus.COMPLETED, "lymphodepleting-therapy"))).isEqualTo(UNKNOWN);
      assertThat(truth(atg, Facts.patient("p").medication("ATG", "2025-05", "2025-05",
          ExposureStatus.COMPLETED, "lymphodepleting-therapy"))).isEqualTo(MET);
      assertThat(truth(atg, Facts.patient("p").medication("ATG", "2025-07", "2025-07",
          ExposureStatus.COMPLETED, "lymphodepleting-therapy"))).isEqualTo(NOT_MET);
    }

    @Test
    void currentUseWithAnEndInTheAsOfMonthIsAQuestion() {
      MedicationRule anticoagulant = new MedicationRule(Set.of("anticoagulant"), MedicationTiming.CURRENT,
          "an anticoagulant");
      assertThat(truth(anticoagulant, Facts.patient("p").medication("warfarin", "2026-01", "2026-06",
          ExposureStatus.COMPLETED, "anticoagulant"))).isEqualTo(UNKNOWN);
      assertThat(truth(anticoagulant, Facts.patient("p").medication("warfarin", "2026-01", "2026-05",
          ExposureStatus.COMPLETED, "anticoagulant"))).isEqualTo(NOT_MET);
      assertThat(truth(anticoagulant, Facts.patient("p").medication("warfarin", "2026-01", null,
          ExposureStatus.ACTIVE, "anticoagulant"))).isEqualTo(MET);
    }

    @Test
    void aCourseLengthBetweenMonthsIsDecidedOnlyWhenEveryDayAgrees() {
      MedicationRule csa3Months = new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.ForAtLeastDays(90),
          "cyclosporine");
      // January to March: 59 to 89 days
      assertThat(truth(csa3Months, Facts.patient("p").medication("cyclosporine", "2025-01", "2025-03",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(NOT_MET);
      // January to April: 89 to 119 days
      assertThat(truth(csa3Months, Facts.patient("p").medication("cyclosporine", "2025-01", "2025-04",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(UNKNOWN);
      // January to May: 120 days at least
      assertThat(truth(csa3Months, Facts.patient("p").medication("cyclosporine", "2025-01", "2025-05",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(MET);
    }

    @Test
    void continuousTreatmentIsNeverDeniedOnAMonthThatMayReachIntoTheWindow() {
      MedicationRule csa = new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.ContinuousFor(180, 30),
          "cyclosporine");
      // stopped in 2026-01: exact days would leave a gap of over 30 days at the end, a month only may not
      assertThat(truth(csa, Facts.patient("p").medication("cyclosporine", "2025-06-01", "2026-05",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(UNKNOWN);
      // begun in 2020 and stopped on a known day: the months at its start do not matter
      assertThat(truth(csa, Facts.patient("p").medication("cyclosporine", "2020", "2026-06-10",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(MET);
      // stopped in 2024: wholly before the window, it settles it
      assertThat(truth(csa, Facts.patient("p").medication("cyclosporine", "2023", "2024",
          ExposureStatus.COMPLETED, "cyclosporine"))).isEqualTo(NOT_MET);
    }
  }

  @Nested
  class ProceduresAndVaccines {
    // "splenectomy within 3 months": the window starts on 2026-03-17
    final ProcedureRule splenectomyWithin3Months = new ProcedureRule(Set.of("splenectomy"), TimeWindow.within(90),
        "splenectomy");

    @Test
    void aProcedureMonthStraddlingTheWindowStartIsAQuestion() {
      Outcome o = eval(splenectomyWithin3Months, Facts.patient("p").procedure("Splenectomy", "2026-03",
          "splenectomy"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("only the month or year");
      assertThat(o.evidence()).singleElement().extracting(Evidence::description).asString()
          .isEqualTo("Splenectomy (2026-03 (only the month recorded))");
      assertThat(truth(splenectomyWithin3Months, Facts.patient("p").procedure("Splenectomy", "2026-02",
          "splenectomy"))).isEqualTo(NOT_MET);
      assertThat(truth(splenectomyWithin3Months, Facts.patient("p").procedure("Splenectomy", "2026-04",
          "splenectomy"))).isEqualTo(MET);
      assertThat(truth(splenectomyWithin3Months, Facts.patient("p").procedure("Splenectomy", "2026",
          "splenectomy"))).isEqualTo(UNKNOWN);
    }

    @Test
    void aTransfusionMonthThatMayFallInTheTransfusionFreeWindowLeavesTheCountOpen() {
      MeasurementRule plt = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 20, "10*9/L")
          .withTransfusionFreeDays(7);
      // count of 2026-06-10: transfusion-free since 2026-06-03; a transfusion "in June" may have been after that
      assertThat(truth(plt, Facts.patient("p").procedure("platelet transfusion", "2026-06", "transfusion")
          .lab("platelets", 45, "10*9/L", "2026-06-10"))).isEqualTo(UNKNOWN);
      assertThat(truth(plt, Facts.patient("p").procedure("platelet transfusion", "2026-05", "transfusion")
          .lab("platelets", 45, "10*9/L", "2026-06-10"))).isEqualTo(MET);
    }

    @Test
    void aTransplantStatusDiagnosisWithAnOnsetMonthCountsTheSameWay() {
      ProcedureRule hsctWithin3Months = new ProcedureRule(Set.of("hsct"), TimeWindow.within(90), "a transplant");
      assertThat(truth(hsctWithin3Months, Facts.patient("p").condition("Stem cell transplant status",
          ClinicalStatus.ACTIVE, "2026-03", null, "hsct"))).isEqualTo(UNKNOWN);
      assertThat(truth(hsctWithin3Months, Facts.patient("p").condition("Stem cell transplant status",
          ClinicalStatus.ACTIVE, "2026-04", null, "hsct"))).isEqualTo(MET);
    }

    @Test
    void aVaccineMonthStraddlingTheWindowStartIsAQuestion() {
      // "live vaccine within 30 days": the window starts on 2026-05-16
      ImmunizationRule live = new ImmunizationRule(Set.of("live-vaccine"), TimeWindow.within(30), "a live vaccine");
      assertThat(truth(live, Facts.patient("p").immunization("MMR", "2026-05", "live-vaccine"))).isEqualTo(UNKNOWN);
      assertThat(truth(live, Facts.patient("p").immunization("MMR", "2026-04", "live-vaccine"))).isEqualTo(NOT_MET);
      assertThat(truth(live, Facts.patient("p").immunization("MMR", "2026-06", "live-vaccine"))).isEqualTo(MET);
    }
  }

  @Nested
  class Results {
    // "platelets ≥ 100 within 90 days" as of 2026-06-15: the window starts on 2026-03-17
    final MeasurementRule platelets = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 100,
        "10*9/L");

    @Test
    void aMonthStraddlingTheWindowStartIsOpenAndAMonthOnEitherSideIsDecided() {
      Outcome o = eval(platelets, Facts.patient("p").lab("platelets", 150, "10*9/L", "2026-03"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("2026-03 (only the month recorded)", "may be");
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 150, "10*9/L", "2026-04"))).isEqualTo(MET);
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 50, "10*9/L", "2026-04"))).isEqualTo(NOT_MET);
      // the month of the as-of date: measured by then
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 50, "10*9/L", "2026-06"))).isEqualTo(NOT_MET);
    }

    @Test
    void resultsThatCannotBeOrderedDecideOnlyWhenTheyAgree() {
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 150, "10*9/L", "2026-05")
          .lab("platelets", 50, "10*9/L", "2026-05-20"))).isEqualTo(UNKNOWN);
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 150, "10*9/L", "2026-05")
          .lab("platelets", 120, "10*9/L", "2026-05-20"))).isEqualTo(MET);
      // two months: the later one is the latest
      assertThat(truth(platelets, Facts.patient("p").lab("platelets", 150, "10*9/L", "2026-05")
          .lab("platelets", 50, "10*9/L", "2026-04"))).isEqualTo(MET);
      // a timed result of the newest day and an earlier one of that day: the month may be later than both
      assertThat(truth(platelets, Facts.patient("p").labAt("platelets", 150, "10*9/L", "2026-05-20T10:00:00Z")
          .labAt("platelets", 50, "10*9/L", "2026-05-20T08:00:00Z"))).isEqualTo(MET);
      assertThat(truth(platelets, Facts.patient("p").labAt("platelets", 150, "10*9/L", "2026-05-20T10:00:00Z")
          .labAt("platelets", 160, "10*9/L", "2026-05-20T08:00:00Z")
          .lab("platelets", 50, "10*9/L", "2026-05"))).isEqualTo(UNKNOWN);
    }

    @Test
    void anUpperLimitQuestionNamesTheMonth() {
      MeasurementRule alt = new MeasurementRule("alt", "ALT", Comparator.LE, 3, true, "U/L", 90, null);
      Outcome o = eval(alt, Facts.patient("p").lab("alt", 40, "U/L", "2026-05"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("2026-05 (only the month recorded)");
    }

    @Test
    void infectionResultsThatCannotBeOrderedLeaveTheInfectionOpen() {
      ConditionRule active = new ConditionRule(Set.of("hepatitis-b"), Set.of(), new TimeWindow.Active(),
          "hepatitis B");
      assertThat(truth(active, Facts.patient("p")
          .infectionResult("HBsAg: Positive", InfectionResult.Finding.INFECTED, "2026-05", "hepatitis-b")
          .infectionResult("HBsAg: Negative", InfectionResult.Finding.NOT_INFECTED, "2026-05-20", "hepatitis-b")))
          .isEqualTo(UNKNOWN);
      // a negative of a month wholly after the positive rules it out
      assertThat(truth(active, Facts.patient("p")
          .infectionResult("HBsAg: Positive", InfectionResult.Finding.INFECTED, "2026-04-20", "hepatitis-b")
          .infectionResult("HBsAg: Negative", InfectionResult.Finding.NOT_INFECTED, "2026-05", "hepatitis-b")))
          .isEqualTo(NOT_MET);
      // a negative whose month starts before the 90-day window rules nothing out (no diagnoses: open)
      assertThat(truth(active, Facts.patient("p")
          .infectionResult("HBsAg: Negative", InfectionResult.Finding.NOT_INFECTED, "2026-03", "hepatitis-b")))
          .isEqualTo(UNKNOWN);
    }

    @Test
    void aPregnancyStatusStraddlingTheWindowDecidesOnlyWhereTheAgeAgrees() {
      // the 30-day window starts on 2026-05-16; a woman of 65 is not asked when her record says nothing
      Facts old = Facts.patient("p").born("1961-01-01").sex(org.eligo.core.patient.Sex.FEMALE);
      assertThat(truth(org.eligo.core.rule.PregnancyRule.pregnant(), old.coded("pregnancy-status", "pregnant",
          "2026-05"))).isEqualTo(UNKNOWN);
      assertThat(truth(org.eligo.core.rule.PregnancyRule.pregnant(), Facts.patient("p").born("1961-01-01")
          .sex(org.eligo.core.patient.Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05")))
          .isEqualTo(NOT_MET);
      assertThat(truth(org.eligo.core.rule.PregnancyRule.pregnant(), Facts.patient("p").born("1996-01-01")
          .sex(org.eligo.core.patient.Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05")))
          .isEqualTo(UNKNOWN);
      assertThat(truth(org.eligo.core.rule.PregnancyRule.pregnant(), Facts.patient("p").born("1996-01-01")
          .sex(org.eligo.core.patient.Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-06")))
          .isEqualTo(MET);
    }
  }
}
