package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.testkit.Facts;
import org.eligo.core.trial.RegistryAge;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule kind at its boundaries, with missing and stale data. As-of date: 2026-11-23. */
class EvaluatorTest {
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-11-23"));

  /** Explains, and checks that deciding alone (what ranking uses) reaches the same truth. */
  static Outcome eval(Rule rule, Facts facts) {
    PatientIndex patient = PatientIndex.of(facts.build());
    Outcome explained = RuleEvaluator.evaluate(rule, patient, AS_OF);
    Outcome decided = RuleEvaluator.evaluate(rule, patient, AS_OF.decideOnly());
    assertThat(decided.truth()).as("deciding and explaining agree").isEqualTo(explained.truth());
    assertThat(decided.evidence()).as("deciding collects no evidence").isEmpty();
    return explained;
  }

  static Truth truth(Rule rule, Facts facts) {
    return eval(rule, facts).truth();
  }

  @Nested
  class BirthYearOnly {
    final AgeRule upToFourteen = new AgeRule(null, true, RegistryAge.parse("14 Years"), true);

    @Test
    void aLimitInsideTheYearOfBirthIsAQuestionNotAnExclusion() {
      // as of 2026-11-23 someone born in 2011 is 14 (born before 24 November) or 15 (born after)
      Outcome o = eval(upToFourteen, Facts.patient("p").bornInYear(2011));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("Exact date of birth");
    }

    @Test
    void aLimitOutsideTheYearOfBirthIsSettled() {
      assertThat(truth(upToFourteen, Facts.patient("p").bornInYear(2005))).isEqualTo(NOT_MET);
      assertThat(truth(upToFourteen, Facts.patient("p").bornInYear(2015))).isEqualTo(MET);
    }
  }

  @Nested
  class Age {
    final AgeRule atLeastTwo = AgeRule.atLeast(RegistryAge.parse("2 Years"));
    final AgeRule adult18to80 = new AgeRule(RegistryAge.parse("18 Years"), true, RegistryAge.parse("80 Years"), true);

    @Test
    void twoYearsOldOnTheBirthdayOneYearTheDayBefore() {
      assertThat(truth(atLeastTwo, Facts.patient("p").born("2024-11-23"))).isEqualTo(MET);
      assertThat(truth(atLeastTwo, Facts.patient("p").born("2024-11-24"))).isEqualTo(NOT_MET);
    }

    @Test
    void eightyAndElevenMonthsIsStillEighty() {
      assertThat(truth(adult18to80, Facts.patient("p").born("1945-12-01"))).isEqualTo(MET);
      assertThat(truth(adult18to80, Facts.patient("p").born("1945-11-23"))).isEqualTo(NOT_MET);
    }

    @Test
    void missingBirthDateIsUnknownWithAQuestion() {
      Outcome o = eval(atLeastTwo, Facts.patient("p"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).containsExactly("Date of birth?");
    }

    @Test
    void monthsAreCountedInCompletedMonths() {
      AgeRule sixMonths = AgeRule.atLeast(RegistryAge.parse("6 Months"));
      assertThat(truth(sixMonths, Facts.patient("p").born("2026-05-23"))).isEqualTo(MET);
      assertThat(truth(sixMonths, Facts.patient("p").born("2026-05-24"))).isEqualTo(NOT_MET);
    }
  }

  @Nested
  class Measurements {
    final MeasurementRule anc = MeasurementRule.of("anc", "absolute neutrophil count", Comparator.GE, 0.5, "10*9/L");

    @Test
    void thresholdIsInclusiveForGreaterOrEqual() {
      assertThat(truth(anc, Facts.patient("p").lab("anc", 0.5, "10*9/L", "2026-11-01"))).isEqualTo(MET);
      assertThat(truth(anc, Facts.patient("p").lab("anc", 0.49, "10*9/L", "2026-11-01"))).isEqualTo(NOT_MET);
    }

    @Test
    void theMostRecentValueCounts() {
      Facts f = Facts.patient("p").lab("anc", 2.0, "10*9/L", "2026-10-01").lab("anc", 0.3, "10*9/L", "2026-11-01");
      assertThat(truth(anc, f)).isEqualTo(NOT_MET);
    }

    @Test
    void missingOrStaleIsUnknownAndSaysWhatToMeasure() {
      assertThat(eval(anc, Facts.patient("p")).questions()).containsExactly("Most recent absolute neutrophil count?");
      Outcome stale = eval(anc, Facts.patient("p").lab("anc", 3.0, "10*9/L", "2026-01-01"));
      assertThat(stale.truth()).isEqualTo(UNKNOWN);
      assertThat(stale.evidence()).hasSize(1);
      assertThat(stale.questions().getFirst()).contains("last 90 days");
    }

    @Test
    void resultsAfterTheAsOfDateAreIgnored() {
      assertThat(truth(anc, Facts.patient("p").lab("anc", 3.0, "10*9/L", "2026-12-01"))).isEqualTo(UNKNOWN);
    }

    @Test
    void askingForARecentResultReadsAsEnglish() {
      assertThat(MeasurementEvaluator.article("absolute neutrophil count")).isEqualTo("An");
      assertThat(MeasurementEvaluator.article("platelet count")).isEqualTo("A");
      assertThat(MeasurementEvaluator.article("ALT")).isEqualTo("An");
      assertThat(MeasurementEvaluator.article("PNH clone size")).isEqualTo("A");
      MeasurementRule anc = new MeasurementRule("anc", "absolute neutrophil count", Comparator.GE, 0.5, false,
          "10*9/L", 90, null);
      assertThat(eval(anc, Facts.patient("p").lab("anc", 0.9, "10*9/L", "2025-01-01")).questions())
          .singleElement().asString().startsWith("An absolute neutrophil count from the last 90 days?");
    }

    @Test
    void anAbsentDiagnosisOrDrugIsExplainedByWhatTheRecordDoesList() {
      Outcome noSaa = eval(ConditionRule.ever("severe aplastic anemia", "severe-aplastic-anemia"), Facts.patient("p")
          .condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null, "hypertension"));
      assertThat(noSaa.truth()).isEqualTo(NOT_MET);
      assertThat(noSaa.evidence()).singleElement().satisfies(e -> assertThat(e.description())
          .isEqualTo("none of the diagnoses in the record is severe aplastic anemia (Hypertension)"));
      ConditionRule malignancyWithin5y = new ConditionRule(Set.of("malignancy"), Set.of("basal-cell-carcinoma"),
          TimeWindow.within(1826), "malignancy");
      Outcome oldCancer = eval(malignancyWithin5y, Facts.patient("p").condition("breast cancer",
          ClinicalStatus.RESOLVED, "2015-01-01", "2020-01-01", "malignancy"));
      assertThat(oldCancer.truth()).isEqualTo(NOT_MET);
      assertThat(oldCancer.evidence()).singleElement().satisfies(e -> assertThat(e.description())
          .contains("breast cancer").contains("resolved 2020-01-01").contains("outside the criterion's time window"));
      MedicationRule csa = new MedicationRule(Set.of("cyclosporine"), MedicationTiming.CURRENT, "cyclosporine");
      Outcome planned = eval(csa, Facts.patient("p").medication("Neoral 100 mg capsule", "2026-12-01", null,
          ExposureStatus.INTENDED, "cyclosporine"));
      assertThat(planned.truth()).isEqualTo(NOT_MET);
      assertThat(planned.evidence()).singleElement().satisfies(e -> assertThat(e.description())
          .contains("Neoral").contains("planned, not taken").doesNotContain("none of"));
      MedicationRule mtorWithin12Weeks = new MedicationRule(Set.of("mtor-inhibitor"), new MedicationTiming.WithinDays(84),
          "an mTOR inhibitor");
      Outcome noMtor = eval(mtorWithin12Weeks, Facts.patient("p").medication("paracetamol", "2026-11-01", null,
          ExposureStatus.ACTIVE, "paracetamol"));
      assertThat(noMtor.evidence()).singleElement().satisfies(e -> assertThat(e.description())
          .startsWith("none of the medications in the record is").contains("(paracetamol)"));
    }

    @Test
    void twoResultsOnTheNewestDayThatDisagreeLeaveItOpenThatAgreeSettleIt() {
      MeasurementRule ancAtLeastHalf = new MeasurementRule("anc", "absolute neutrophil count", Comparator.GE, 0.5,
          false, "10*9/L", 90, null);
      Outcome open = eval(ancAtLeastHalf, Facts.patient("p").lab("anc", 0.45, "10*9/L", "2026-11-20")
          .lab("anc", 0.62, "10*9/L", "2026-11-20").lab("anc", 0.3, "10*9/L", "2026-10-01"));
      assertThat(open.truth()).isEqualTo(UNKNOWN);
      assertThat(open.questions()).singleElement().asString().contains("2026-11-20").contains("0.45")
          .contains("0.62");
      assertThat(open.evidence()).hasSize(2);
      assertThat(truth(ancAtLeastHalf, Facts.patient("p").lab("anc", 0.55, "10*9/L", "2026-11-20")
          .lab("anc", 0.62, "10*9/L", "2026-11-20"))).isEqualTo(MET);
      assertThat(truth(ancAtLeastHalf, Facts.patient("p").lab("anc", 0.62, "10*9/L", "2026-11-19")
          .lab("anc", 0.45, "10*9/L", "2026-11-20"))).as("a newer day settles it").isEqualTo(NOT_MET);
      assertThat(truth(ancAtLeastHalf, Facts.patient("p").labAt("anc", 0.62, "10*9/L", "2026-11-20T15:00:00Z")
          .labAt("anc", 0.45, "10*9/L", "2026-11-20T06:00:00Z"))).as("the later time of day counts").isEqualTo(MET);
      assertThat(truth(ancAtLeastHalf, Facts.patient("p").labAt("anc", 0.45, "10*9/L", "2026-11-20T06:00:00Z")
          .labAt("anc", 0.62, "10*9/L", "2026-11-20T15:00:00Z"))).as("whatever the order in the record")
          .isEqualTo(MET);
      assertThat(truth(ancAtLeastHalf, Facts.patient("p").labAt("anc", 0.62, "10*9/L", "2026-11-20T15:00:00Z")
          .lab("anc", 0.45, "10*9/L", "2026-11-20"))).as("a result without a time may be the later")
          .isEqualTo(UNKNOWN);
    }

    @Test
    void relativeToUpperLimitOfNormalUsesTheResultsOwnRange() {
      MeasurementRule bili = new MeasurementRule("bilirubin-total", "total bilirubin", Comparator.LE, 1.5, true,
          "umol/L", 90, null);
      assertThat(truth(bili, Facts.patient("p").lab("bilirubin-total", 30, "umol/L", "2026-11-01", 20.0)))
          .isEqualTo(MET);
      assertThat(truth(bili, Facts.patient("p").lab("bilirubin-total", 32, "umol/L", "2026-11-01", 20.0)))
          .isEqualTo(NOT_MET);
      Outcome noRange = eval(bili, Facts.patient("p").lab("bilirubin-total", 10, "umol/L", "2026-11-01"));
      assertThat(noRange.truth()).isEqualTo(UNKNOWN);
      assertThat(noRange.questions().getFirst()).startsWith("Upper limit of normal");
    }

    @Test
    void aValueExactlyOnAUlnMultipleIsOnTheThreshold() {
      MeasurementRule bili = new MeasurementRule("bilirubin-total", "total bilirubin", Comparator.LE, 1.5, true,
          "mg/dL", 90, null);
      // 1.5 × 1.2 is 1.7999999999999998 in doubles; 1.8 must still count as ≤ 1.5 × ULN.
      assertThat(truth(bili, Facts.patient("p").lab("bilirubin-total", 1.8, "mg/dL", "2026-11-01", 1.2)))
          .isEqualTo(MET);
      MeasurementRule creat = new MeasurementRule("creatinine", "creatinine", Comparator.GT, 3, true, "mg/dL", 90,
          null);
      assertThat(truth(creat, Facts.patient("p").lab("creatinine", 3.6, "mg/dL", "2026-11-01", 1.2)))
          .isEqualTo(NOT_MET);
    }

    @Test
    void aPassingCountRightAfterATransfusionIsUnknownAFailingOneStaysNotMet() {
      MeasurementRule plt = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 20, "10*9/L")
          .withTransfusionFreeDays(7);
      Facts transfused = Facts.patient("p").procedure("platelet transfusion", "2026-11-05", "transfusion");
      assertThat(truth(plt, transfused.lab("platelets", 45, "10*9/L", "2026-11-08"))).isEqualTo(UNKNOWN);
      Facts low = Facts.patient("p").procedure("platelet transfusion", "2026-11-05", "transfusion")
          .lab("platelets", 12, "10*9/L", "2026-11-08");
      assertThat(truth(plt, low)).isEqualTo(NOT_MET);
      Facts longAgo = Facts.patient("p").procedure("platelet transfusion", "2026-09-01", "transfusion")
          .lab("platelets", 45, "10*9/L", "2026-11-08");
      assertThat(truth(plt, longAgo)).isEqualTo(MET);
    }
  }

  @Nested
  class Medications {
    final MedicationRule mtorWithin12Weeks = new MedicationRule(Set.of("mtor-inhibitor"),
        new MedicationTiming.WithinDays(84), "an mTOR inhibitor");

    @Test
    void everolimusStopped11WeeksAgoCounts13WeeksAgoDoesNot() {
      String elevenWeeks = AS_OF.asOf().minusWeeks(11).toString();
      String thirteenWeeks = AS_OF.asOf().minusWeeks(13).toString();
      assertThat(truth(mtorWithin12Weeks, Facts.patient("p").medication("everolimus", "2025-01-01", elevenWeeks,
          ExposureStatus.COMPLETED, "everolimus", "mtor-inhibitor"))).isEqualTo(MET);
      assertThat(truth(mtorWithin12Weeks, Facts.patient("p").medication("everolimus", "2025-01-01", thirteenWeeks,
          ExposureStatus.COMPLETED, "everolimus", "mtor-inhibitor"))).isEqualTo(NOT_MET);
    }

    @Test
    void noRecordIsNotMetClosedWorld() {
      assertThat(truth(mtorWithin12Weeks, Facts.patient("p").medication("paracetamol", "2026-11-01", null,
          ExposureStatus.ACTIVE, "paracetamol"))).isEqualTo(NOT_MET);
    }

    @Test
    void aRecordWithoutAnyMedicationRulesNoUseOut() {
      Outcome o = eval(mtorWithin12Weeks, Facts.patient("p"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("lists no medications");
    }

    @Test
    void aMedicationCodedOnlyWithAnUnknownCodeLeavesDrugCriteriaOpenNeverMet() {
      Facts record = Facts.patient("p")
          .medication("paracetamol", "2026-11-01", null, ExposureStatus.ACTIVE, "paracetamol")
          .medication("RxNorm 999999002", "2026-10-01", null, ExposureStatus.ACTIVE, Unidentified.CONCEPT);
      Outcome open = eval(mtorWithin12Weeks, record);
      assertThat(open.truth()).isEqualTo(UNKNOWN);
      assertThat(open.questions()).singleElement().asString()
          .contains("\u201cRxNorm 999999002\u201d").contains("Eligo cannot tell what it is");
      assertThat(truth(mtorWithin12Weeks, Facts.patient("p")
          .medication("paracetamol", "2026-11-01", null, ExposureStatus.ACTIVE, "paracetamol")
          .medication("RxNorm 999999002", "2024-01-01", "2024-02-01", ExposureStatus.COMPLETED, Unidentified.CONCEPT)))
          .as("stopped long before the 12 weeks").isEqualTo(NOT_MET);
      assertThat(truth(mtorWithin12Weeks, record.medication("sirolimus", "2026-11-01", null, ExposureStatus.ACTIVE,
          "sirolimus", "mtor-inhibitor"))).as("a known drug still settles it").isEqualTo(MET);
      MedicationRule csa = new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.ContinuousFor(182, 30),
          "cyclosporine");
      assertThat(truth(csa, Facts.patient("p")
          .medication("paracetamol", "2026-11-01", null, ExposureStatus.ACTIVE, "paracetamol")
          .medication("RxNorm 999999002", "2026-01-01", null, ExposureStatus.ACTIVE, Unidentified.CONCEPT)))
          .as("six months of an unknown drug may be cyclosporine").isEqualTo(UNKNOWN);
      assertThat(truth(csa, Facts.patient("p")
          .medication("paracetamol", "2026-11-01", null, ExposureStatus.ACTIVE, "paracetamol")
          .medication("RxNorm 999999002", "2026-09-01", "2026-09-03", ExposureStatus.COMPLETED, Unidentified.CONCEPT)))
          .as("three days of it cannot be six months of cyclosporine").isEqualTo(NOT_MET);
    }

    @Test
    void aDrugUsedLocallyLeavesDrugCriteriaOpenNeverSettlesThem() {
      MedicationRule anticoagulant = new MedicationRule(Set.of("anticoagulant"), MedicationTiming.CURRENT,
          "an anticoagulant");
      Outcome flush = eval(anticoagulant, Facts.patient("p").localMedication("heparin lock flush 100 unit/mL",
          "2026-11-01", null, ExposureStatus.ACTIVE, "heparin", "anticoagulant"));
      assertThat(flush.truth()).as("a line flush is not anticoagulation, but the record does not rule it out")
          .isEqualTo(UNKNOWN);
      assertThat(flush.questions()).singleElement().asString().contains("local use").contains("an anticoagulant");
      assertThat(truth(anticoagulant, Facts.patient("p").localMedication("heparin lock flush", "2026-11-01", null,
          ExposureStatus.ACTIVE, "heparin", "anticoagulant").medication("warfarin 5 mg tablet", "2026-10-01", null,
          ExposureStatus.ACTIVE, "warfarin", "anticoagulant"))).as("a systemic one settles it").isEqualTo(MET);
      assertThat(truth(anticoagulant, Facts.patient("p").localMedication("heparin lock flush", "2025-01-01",
          "2025-02-01", ExposureStatus.COMPLETED, "heparin", "anticoagulant"))).as("and an old one is over")
          .isEqualTo(NOT_MET);
      MedicationRule steroidsForSixMonths = new MedicationRule(Set.of("corticosteroid"),
          new MedicationTiming.ContinuousFor(182, 30), "corticosteroids");
      assertThat(truth(steroidsForSixMonths, Facts.patient("p").localMedication("fluticasone inhaler", "2025-01-01",
          null, ExposureStatus.ACTIVE, "corticosteroid"))).isEqualTo(UNKNOWN);
    }

    @Test
    void aFinishedCourseWithoutEndDateThatStartedBeforeTheWindowIsUnknown() {
      Outcome o = eval(mtorWithin12Weeks, Facts.patient("p").medication("sirolimus", "2025-01-01", null,
          ExposureStatus.COMPLETED, "sirolimus", "mtor-inhibitor"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).containsExactly("Start and stop dates of an mTOR inhibitor?");
    }

    @Test
    void plannedMedicationIsNotAnExposure() {
      assertThat(truth(mtorWithin12Weeks, Facts.patient("p").medication("sirolimus", "2026-11-01", null,
          ExposureStatus.INTENDED, "sirolimus", "mtor-inhibitor"))).isEqualTo(NOT_MET);
    }

    @Test
    void continuousForSixMonthsAllowsGapsOfThirtyDays() {
      MedicationRule csa = new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.ContinuousFor(182, 30),
          "cyclosporine");
      Facts withSmallGap = Facts.patient("p")
          .medication("cyclosporine", "2026-01-01", "2026-08-01", ExposureStatus.COMPLETED, "cyclosporine")
          .medication("cyclosporine", "2026-08-25", null, ExposureStatus.ACTIVE, "cyclosporine");
      assertThat(truth(csa, withSmallGap)).isEqualTo(MET);
      Facts withBigGap = Facts.patient("p")
          .medication("cyclosporine", "2026-01-01", "2026-08-01", ExposureStatus.COMPLETED, "cyclosporine")
          .medication("cyclosporine", "2026-09-15", null, ExposureStatus.ACTIVE, "cyclosporine");
      assertThat(truth(csa, withBigGap)).isEqualTo(NOT_MET);
      Facts startedLate = Facts.patient("p")
          .medication("cyclosporine", "2026-08-01", null, ExposureStatus.ACTIVE, "cyclosporine");
      assertThat(truth(csa, startedLate)).isEqualTo(NOT_MET);
    }

    @Test
    void administeredAtLeastTwelveMonthsPrior() {
      MedicationRule atg = new MedicationRule(Set.of("lymphodepleting-therapy"),
          new MedicationTiming.AtLeastDaysBefore(365, false), "lymphodepleting therapy");
      assertThat(truth(atg, Facts.patient("p").medication("ATG", "2025-11-01", "2025-11-05",
          ExposureStatus.COMPLETED, "lymphodepleting-therapy"))).isEqualTo(MET);
      assertThat(truth(atg, Facts.patient("p").medication("ATG", "2026-01-01", "2026-01-05",
          ExposureStatus.COMPLETED, "lymphodepleting-therapy"))).isEqualTo(NOT_MET);
    }

    @Test
    void currentUseNeedsAnActiveExposure() {
      MedicationRule anticoagulant = new MedicationRule(Set.of("anticoagulant"), MedicationTiming.CURRENT,
          "an anticoagulant");
      assertThat(truth(anticoagulant, Facts.patient("p").medication("warfarin", "2026-01-01", null,
          ExposureStatus.ACTIVE, "anticoagulant"))).isEqualTo(MET);
      assertThat(truth(anticoagulant, Facts.patient("p").medication("warfarin", "2026-01-01", "2026-03-01",
          ExposureStatus.COMPLETED, "anticoagulant"))).isEqualTo(NOT_MET);
    }
  }

  @Nested
  class Conditions {
    final ConditionRule malignancyWithin5y = new ConditionRule(Set.of("malignancy"), Set.of("basal-cell-carcinoma"),
        TimeWindow.within(1826), "malignancy");

    @Test
    void malignancyResolvedInsideTheWindowCountsOutsideDoesNot() {
      assertThat(truth(malignancyWithin5y, Facts.patient("p").condition("breast cancer", ClinicalStatus.RESOLVED,
          "2019-01-01", "2023-01-01", "malignancy"))).isEqualTo(MET);
      assertThat(truth(malignancyWithin5y, Facts.patient("p").condition("breast cancer", ClinicalStatus.RESOLVED,
          "2015-01-01", "2020-01-01", "malignancy"))).isEqualTo(NOT_MET);
    }

    @Test
    void basalCellCarcinomaIsTheException() {
      assertThat(truth(malignancyWithin5y, Facts.patient("p").condition("BCC of skin", ClinicalStatus.ACTIVE,
          "2026-01-01", null, "malignancy", "basal-cell-carcinoma"))).isEqualTo(NOT_MET);
    }

    @Test
    void resolvedWithoutDateBeforeTheWindowIsUnknown() {
      assertThat(truth(malignancyWithin5y, Facts.patient("p").condition("lymphoma", ClinicalStatus.RESOLVED,
          "2010-01-01", null, "malignancy"))).isEqualTo(UNKNOWN);
    }

    @Test
    void aSuspectedDiagnosisLeavesTheCriterionOpenAndAsksWhetherItIsConfirmed() {
      ConditionRule mds = ConditionRule.ever("myelodysplastic syndrome", "mds");
      Outcome suspected = eval(mds, Facts.patient("p").suspectedCondition("rule out MDS", ClinicalStatus.ACTIVE, "mds"));
      assertThat(suspected.truth()).isEqualTo(UNKNOWN);
      assertThat(suspected.questions()).singleElement().asString().contains("confirmed");
      assertThat(truth(mds, Facts.patient("p").suspectedCondition("rule out MDS", ClinicalStatus.ACTIVE, "mds")
          .condition("MDS", ClinicalStatus.ACTIVE, "2025-01-01", null, "mds"))).as("a confirmed one settles it")
          .isEqualTo(MET);
    }

    @Test
    void aDiagnosisCodedOnlyWithAnUnknownCodeLeavesDiagnosisCriteriaOpenNeverMet() {
      ConditionRule saa = ConditionRule.ever("severe aplastic anemia", "severe-aplastic-anemia");
      Facts record = Facts.patient("p")
          .condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null, "hypertension")
          .condition("SNOMED CT 999999001", ClinicalStatus.ACTIVE, "2024-01-01", null, Unidentified.CONCEPT);
      Outcome open = eval(saa, record);
      assertThat(open.truth()).as("the unknown code may be severe aplastic anemia").isEqualTo(UNKNOWN);
      assertThat(open.questions()).containsExactly("Could the diagnosis recorded as \u201cSNOMED CT 999999001\u201d"
          + " be: severe aplastic anemia? (Eligo cannot tell what it is.)");
      assertThat(open.evidence()).singleElement().satisfies(e -> assertThat(e.description()).contains("999999001"));
      assertThat(truth(new org.eligo.core.rule.Not(saa), record)).as("nor does it exclude").isEqualTo(UNKNOWN);
      assertThat(truth(saa, Facts.patient("p")
          .condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null, "hypertension")))
          .as("a record of named diagnoses only is read closed-world").isEqualTo(NOT_MET);
      assertThat(truth(saa, record.condition("SAA", ClinicalStatus.ACTIVE, "2025-01-01", null,
          "severe-aplastic-anemia"))).as("a known diagnosis still settles it").isEqualTo(MET);
    }

    @Test
    void anUnknownCodeOutsideTheWindowLeavesNothingOpen() {
      ConditionRule activeInfection = new ConditionRule(Set.of("infection"), Set.of(), TimeWindow.ACTIVE,
          "an active infection");
      assertThat(truth(activeInfection, Facts.patient("p").condition("SNOMED CT 999999001", ClinicalStatus.RESOLVED,
          "2020-01-01", "2021-01-01", Unidentified.CONCEPT))).as("resolved before the as-of date").isEqualTo(NOT_MET);
      assertThat(truth(malignancyWithin5y, Facts.patient("p").condition("SNOMED CT 999999001", ClinicalStatus.ACTIVE,
          "2027-01-01", null, Unidentified.CONCEPT))).as("begins after the as-of date").isEqualTo(NOT_MET);
    }

    @Test
    void acquiredAplasticAnemiaExcludingCongenital() {
      Rule acquired = AllOf.of(ConditionRule.ever("aplastic anemia", "aplastic-anemia"),
          new org.eligo.core.rule.Not(ConditionRule.ever("congenital aplastic anemia", "congenital-aplastic-anemia")));
      assertThat(truth(acquired, Facts.patient("p").condition("AA", ClinicalStatus.ACTIVE, "2024-01-01", null,
          "aplastic-anemia"))).isEqualTo(MET);
      assertThat(truth(acquired, Facts.patient("p").condition("Fanconi anemia", ClinicalStatus.ACTIVE, "2024-01-01",
          null, "fanconi-anemia", "congenital-aplastic-anemia", "aplastic-anemia"))).isEqualTo(NOT_MET);
      assertThat(truth(acquired, Facts.patient("p").condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01",
          null, "hypertension"))).isEqualTo(NOT_MET);
      Outcome nothingListed = eval(acquired, Facts.patient("p"));
      assertThat(nothingListed.truth()).as("a record without diagnoses rules none out").isEqualTo(UNKNOWN);
      assertThat(nothingListed.questions()).anySatisfy(q -> assertThat(q).contains("lists no diagnoses"));
    }
  }

  @Nested
  class Others {
    @Test
    void aTransplantStatusConditionCountsAsTheTransplant() {
      org.eligo.core.rule.ProcedureRule hsct = new org.eligo.core.rule.ProcedureRule(Set.of("hsct"), TimeWindow.EVER,
          "hematopoietic stem cell transplantation");
      assertThat(truth(hsct, Facts.patient("p").condition("Stem cells transplant status", ClinicalStatus.ACTIVE,
          "2020-05-01", null, "hsct"))).isEqualTo(MET);
      assertThat(truth(hsct, Facts.patient("p"))).as("a record without procedures").isEqualTo(UNKNOWN);
      assertThat(truth(hsct, Facts.patient("p").condition("Stem cells transplant status", ClinicalStatus.ACTIVE,
          "2020-05-01", null, "hsct").suspectedCondition("Stem cells transplant status", ClinicalStatus.ACTIVE)))
          .isEqualTo(MET);
      assertThat(truth(hsct, Facts.patient("p").suspectedCondition("Stem cells transplant status",
          ClinicalStatus.ACTIVE, "hsct"))).as("provisional").isEqualTo(UNKNOWN);
      assertThat(truth(hsct, Facts.patient("p").procedure("entry 3 of the record (Procedur), which could not be read",
          null, org.eligo.core.patient.Unidentified.CONCEPT))).as("an entry that could not be read").isEqualTo(UNKNOWN);
      assertThat(truth(hsct, Facts.patient("p").procedure("Appendectomy", "2010-01-01", "appendectomy")))
          .isEqualTo(NOT_MET);
    }

    @Test
    void aRecordWithoutASingleProcedureOrVaccinationRulesNoneOut() {
      org.eligo.core.rule.ProcedureRule splenectomy = new org.eligo.core.rule.ProcedureRule(Set.of("splenectomy"),
          TimeWindow.EVER, "splenectomy");
      Facts diagnosesAndDrugsOnly = Facts.patient("p").condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
          "2020-01-01", null, "immune-thrombocytopenia").medication("eltrombopag", "2025-01-01", null,
          ExposureStatus.ACTIVE, "eltrombopag");
      Outcome o = eval(splenectomy, diagnosesAndDrugsOnly);
      assertThat(o.truth()).as("no procedures listed at all").isEqualTo(UNKNOWN);
      assertThat(o.questions()).anySatisfy(q -> assertThat(q).contains("lists no procedures"));
      assertThat(truth(splenectomy, diagnosesAndDrugsOnly.procedure("Cholecystectomy", "2019-03-01",
          "cholecystectomy"))).as("procedures listed, none a splenectomy").isEqualTo(NOT_MET);
      org.eligo.core.rule.ImmunizationRule meningococcal = new org.eligo.core.rule.ImmunizationRule(
          Set.of("meningococcal-vaccine"), TimeWindow.EVER, "meningococcal vaccine");
      assertThat(truth(meningococcal, diagnosesAndDrugsOnly)).as("no vaccinations listed").isEqualTo(UNKNOWN);
      assertThat(truth(meningococcal, diagnosesAndDrugsOnly.immunization("Influenza vaccine", "2025-10-01",
          "influenza-vaccine"))).as("vaccinations listed, none meningococcal").isEqualTo(NOT_MET);
      // the question keeps the window: "Has the patient had live vaccine?" is answered yes for a childhood MMR
      org.eligo.core.rule.ImmunizationRule liveWithin30 = new org.eligo.core.rule.ImmunizationRule(
          Set.of("live-vaccine"), new TimeWindow.WithinDays(30), "live vaccine");
      Facts nothingListed = Facts.patient("q").condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
          "2020-01-01", null, "immune-thrombocytopenia");
      assertThat(eval(liveWithin30, nothingListed).questions())
          .anySatisfy(q -> assertThat(q).contains("live vaccine within the last 30 days"));
      assertThat(eval(new org.eligo.core.rule.ProcedureRule(Set.of("hsct"), new TimeWindow.WithinDays(365), "HSCT"),
          nothingListed).questions()).anySatisfy(q -> assertThat(q).contains("HSCT within the last 1 year"));
    }

    @Test
    void anUndecidedAndShowsTheEvidenceOfItsMetParts() {
      Rule rule = AllOf.of(new MedicationRule(Set.of("cyp3a4-inhibitor"), MedicationTiming.CURRENT,
          "a CYP3A4 inhibitor"), new Ask("Can it be replaced for the study period?"));
      Outcome o = eval(rule, Facts.patient("p").medication("fluconazole 200 mg", "2026-11-01", null,
          ExposureStatus.ACTIVE, "cyp3a4-inhibitor"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.evidence()).anySatisfy(e -> assertThat(e.description()).contains("fluconazole"));
    }

    @Test
    void liveVaccineWithin30Days() {
      ImmunizationRule live = new ImmunizationRule(Set.of("live-vaccine"), TimeWindow.within(30), "a live vaccine");
      assertThat(truth(live, Facts.patient("p").immunization("MMR", "2026-11-01", "live-vaccine"))).isEqualTo(MET);
      assertThat(truth(live, Facts.patient("p").immunization("MMR", "2026-10-01", "live-vaccine")))
          .isEqualTo(NOT_MET);
    }

    @Test
    void pregnancyAndBreastfeedingAreNotAskedOfGirlsUnderTenOrWomenOfSixtyAndOver() {
      for (PregnancyRule rule : List.of(PregnancyRule.pregnant(), PregnancyRule.lactating())) {
        Outcome seventy = eval(rule, Facts.patient("p").sex(Sex.FEMALE).born("1956-03-01"));
        assertThat(seventy.truth()).isEqualTo(NOT_MET);
        assertThat(seventy.evidence()).singleElement().satisfies(e -> assertThat(e.description()).startsWith("age 70"));
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE).born("2020-05-01"))).isEqualTo(NOT_MET);
        // of childbearing age, or not known to be outside it: asked
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE).born("1970-05-01"))).isEqualTo(UNKNOWN);
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE).born("2016-01-01"))).isEqualTo(UNKNOWN);
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE))).isEqualTo(UNKNOWN);
        // born in 1966: 59 or 60 on 2026-11-23, so perhaps 59: asked
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE).bornInYear(1966))).isEqualTo(UNKNOWN);
        assertThat(truth(rule, Facts.patient("p").sex(Sex.FEMALE).bornInYear(1965))).isEqualTo(NOT_MET);
      }
      // what the record shows still counts at any age
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1965-01-01")
          .coded("pregnancy-status", "pregnant", "2026-11-20"))).isEqualTo(MET);
    }

    @Test
    void pregnancyIsOpenWorldForWomenAndSettledForMen() {
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.MALE))).isEqualTo(NOT_MET);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .coded("pregnancy-status", "not-pregnant", "2026-11-20"))).isEqualTo(NOT_MET);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .coded("pregnancy-status", "pregnant", "2026-11-20"))).isEqualTo(MET);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .coded("pregnancy-status", "not-pregnant", "2026-06-20"))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .condition("Pregnancy", ClinicalStatus.ACTIVE, "2026-10-01", null, "pregnancy"))).isEqualTo(MET);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .suspectedCondition("Possible pregnancy", ClinicalStatus.ACTIVE, "pregnancy"))).isEqualTo(UNKNOWN);
      // an entry never closed: a pregnancy that began in 2019 is not current in 2026, though its status says active
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .condition("Pregnancy", ClinicalStatus.ACTIVE, "2019-03-01", null, "pregnancy"))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE)
          .condition("Pregnancy", ClinicalStatus.ACTIVE, "2026-02-01", null, "pregnancy"))).isEqualTo(MET);
    }

    @Test
    void anActivePregnancyWithoutOnsetIsDatedByItsRecordingAndAskedWithoutAnyDate() {
      // as of 2026-11-23: recorded in 2023, a pregnancy cannot still go on; recorded last month, it can
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, "2023-04-12", "pregnancy"))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, "2026-10-15", "pregnancy"))).isEqualTo(MET);
      // no date at all: it may be long over; asked, whatever the age, unless a recent status answers
      Outcome undated = eval(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, null, "pregnancy"));
      assertThat(undated.truth()).isEqualTo(UNKNOWN);
      assertThat(undated.questions()).singleElement().satisfies(q -> assertThat(q).startsWith("Is the patient pregnant?"));
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1962-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, null, "pregnancy"))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, null, "pregnancy")
          .coded("pregnancy-status", "not-pregnant", "2026-11-20"))).isEqualTo(NOT_MET);
      assertThat(truth(PregnancyRule.pregnant(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Pregnant", ClinicalStatus.ACTIVE, null, "pregnancy")
          .coded("pregnancy-status", "pregnant", "2026-11-20"))).isEqualTo(MET);
      // breastfeeding likewise, with its two years
      assertThat(truth(PregnancyRule.lactating(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Breastfeeding", ClinicalStatus.ACTIVE, "2023-04-12", "lactation"))).isEqualTo(UNKNOWN);
      assertThat(truth(PregnancyRule.lactating(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Breastfeeding", ClinicalStatus.ACTIVE, "2025-06-15", "lactation"))).isEqualTo(MET);
      assertThat(truth(PregnancyRule.lactating(), Facts.patient("p").sex(Sex.FEMALE).born("1990-01-01")
          .recordedCondition("Breastfeeding", ClinicalStatus.ACTIVE, null, "lactation"))).isEqualTo(UNKNOWN);
    }

    @Test
    void atLeastTwoOfThreeIsUnknownWhileItCanStillBeReached() {
      AtLeast twoOf = new AtLeast(2, List.of(
          MeasurementRule.of("anc", "ANC", Comparator.GE, 0.5, "10*9/L"),
          MeasurementRule.of("platelets", "platelets", Comparator.GE, 20, "10*9/L"),
          MeasurementRule.of("arc", "ARC", Comparator.GE, 60, "10*9/L")));
      Facts oneMet = Facts.patient("p").lab("anc", 0.9, "10*9/L", "2026-11-01");
      assertThat(truth(twoOf, oneMet)).isEqualTo(UNKNOWN);
      Facts twoFail = Facts.patient("p").lab("anc", 0.1, "10*9/L", "2026-11-01")
          .lab("platelets", 5, "10*9/L", "2026-11-01");
      assertThat(truth(twoOf, twoFail)).isEqualTo(NOT_MET);
      Facts twoMet = Facts.patient("p").lab("anc", 0.9, "10*9/L", "2026-11-01")
          .lab("platelets", 25, "10*9/L", "2026-11-01");
      assertThat(truth(twoOf, twoMet)).isEqualTo(MET);
    }

    @Test
    void onAnInhibitorAndCannotReplaceItIsAQuestionNotAnExclusion() {
      Rule rule = AllOf.of(new MedicationRule(Set.of("cyp3a4-inhibitor"), MedicationTiming.CURRENT,
          "a CYP3A4 inhibitor"), new Ask("Can the CYP3A4 inhibitor be replaced for the study period?"));
      Outcome onIt = eval(rule, Facts.patient("p").medication("fluconazole", "2026-11-01", null,
          ExposureStatus.ACTIVE, "cyp3a4-inhibitor"));
      assertThat(onIt.truth()).isEqualTo(UNKNOWN);
      assertThat(onIt.questions()).containsExactly("Can the CYP3A4 inhibitor be replaced for the study period?");
      assertThat(truth(rule, Facts.patient("p").medication("paracetamol", "2026-11-01", null, ExposureStatus.ACTIVE,
          "paracetamol"))).isEqualTo(NOT_MET);
    }

    @Test
    void everyPatientFactKindIsUsable() {
      PatientFacts empty = Facts.patient("p").build();
      assertThat(PatientIndex.of(empty).measurements("anc")).isEmpty();
    }
  }
}
