package org.eligo.core.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Outcome;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** eGFR and creatinine clearance estimated from a creatinine, and when none is made. */
class KidneyFunctionEstimatesTest {
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-01-15"));
  static final MeasurementRule EGFR_AT_LEAST_60 = new MeasurementRule("egfr", "eGFR", Comparator.GE, 60, false,
      "mL/min/{1.73_m2}", 90, null);
  static final MeasurementRule CRCL_AT_LEAST_60 = new MeasurementRule("creatinine-clearance", "creatinine clearance",
      Comparator.GE, 60, false, "mL/min", 90, null);

  static Measurement only(List<Measurement> estimates, String measure) {
    return estimates.stream().filter(m -> m.measure().equals(measure)).findFirst().orElseThrow();
  }

  @Test
  void ckdEpi2021GivesTheFiguresOfTheEquation() {
    // worked by hand from the published coefficients (142, kappa 0.7/0.9, alpha -0.241/-0.302, -1.200, 0.9938^age,
    // 1.012 for women): woman of 50 with 0.8 mg/dL: 142 x (0.8/0.7)^-1.2 x 0.9938^50 x 1.012 = 89.7
    assertThat(KidneyFunctionEstimates.ckdEpi2021(0.8, 50, true)).isCloseTo(89.7, offset(0.1));
    // man of 60 with 0.7 mg/dL (below kappa): 142 x (0.7/0.9)^-0.302 x 0.9938^60 = 105.5
    assertThat(KidneyFunctionEstimates.ckdEpi2021(0.7, 60, false)).isCloseTo(105.5, offset(0.1));
    // man of 70 with 2.0 mg/dL: 142 x (2.0/0.9)^-1.2 x 0.9938^70 = 35.2
    assertThat(KidneyFunctionEstimates.ckdEpi2021(2.0, 70, false)).isCloseTo(35.2, offset(0.1));
  }

  @Test
  void cockcroftGaultUsesAgeWeightAndSex() {
    assertThat(KidneyFunctionEstimates.cockcroftGault(1.0, 60, 80, false)).isCloseTo(88.9, offset(0.1));
    assertThat(KidneyFunctionEstimates.cockcroftGault(1.0, 60, 80, true)).isCloseTo(75.6, offset(0.1));
  }

  @Test
  void aCreatinineWithAgeSexAndARecentWeightGivesBothEstimatesDatedAsTheCreatinine() {
    PatientFacts facts = Facts.patient("p").born("1965-06-01").sex(Sex.MALE)
        .lab("creatinine", 1.0, "mg/dL", "2026-01-10")
        .lab("body-weight", 80, "kg", "2025-12-20").build();
    List<Measurement> estimates = KidneyFunctionEstimates.of(facts);
    Measurement egfr = only(estimates, "egfr");
    assertThat(egfr.value()).isEqualTo(Math.round(KidneyFunctionEstimates.ckdEpi2021(1.0, 60, false)));
    assertThat(egfr.date()).isEqualTo(LocalDate.parse("2026-01-10"));
    assertThat(egfr.original()).contains("CKD-EPI 2021").contains("creatinine 1 mg/dL").contains("age 60");
    Measurement crcl = only(estimates, "creatinine-clearance");
    assertThat(crcl.value()).isEqualTo(89); // (140 - 60) x 80 / 72
    assertThat(crcl.original()).contains("Cockcroft-Gault").contains("weight 80 kg (2025-12-20)");
  }

  @Test
  void criteriaOnEgfrOrClearanceAreDecidedFromTheCreatinineAlone() {
    Facts goodKidneys = Facts.patient("p").born("1965-06-01").sex(Sex.FEMALE)
        .lab("creatinine", 0.8, "mg/dL", "2026-01-10").lab("body-weight", 70, "kg", "2026-01-10");
    Facts poorKidneys = Facts.patient("q").born("1955-06-01").sex(Sex.MALE)
        .lab("creatinine", 2.0, "mg/dL", "2026-01-10").lab("body-weight", 70, "kg", "2026-01-10");
    assertThat(truth(EGFR_AT_LEAST_60, goodKidneys)).isEqualTo(Truth.MET);
    assertThat(truth(CRCL_AT_LEAST_60, goodKidneys)).isEqualTo(Truth.MET);
    assertThat(truth(EGFR_AT_LEAST_60, poorKidneys)).isEqualTo(Truth.NOT_MET);
    assertThat(truth(CRCL_AT_LEAST_60, poorKidneys)).isEqualTo(Truth.NOT_MET);
    Outcome explained = RuleEvaluator.evaluate(EGFR_AT_LEAST_60, PatientIndex.of(poorKidneys.build()), AS_OF);
    assertThat(explained.evidence()).singleElement().satisfies(e ->
        assertThat(e.description()).contains("estimated by CKD-EPI 2021 from creatinine 2 mg/dL"));
  }

  @Test
  void aReportedFigureOfTheSameDayStandsAndNoEstimateIsMade() {
    Facts facts = Facts.patient("p").born("1955-06-01").sex(Sex.MALE)
        .lab("creatinine", 2.0, "mg/dL", "2026-01-10").lab("egfr", 65, "mL/min/{1.73_m2}", "2026-01-10")
        .lab("creatinine-clearance", 70, "mL/min", "2026-01-10").lab("body-weight", 70, "kg", "2026-01-10");
    assertThat(KidneyFunctionEstimates.of(facts.build())).isEmpty();
    assertThat(truth(EGFR_AT_LEAST_60, facts)).isEqualTo(Truth.MET);
  }

  @Test
  void aMeasuredClearanceOfAnEarlierDayIsNeverOutdatedByAnEstimate() {
    // measured 24-hour urine clearance 75 on 01-05; creatinine 1.3 and 60 kg on 01-10 would estimate 51
    Facts facts = Facts.patient("m").born("1965-06-01").sex(Sex.MALE)
        .lab("creatinine-clearance", 75, "mL/min", "2026-01-05")
        .lab("creatinine", 1.3, "mg/dL", "2026-01-10").lab("body-weight", 60, "kg", "2026-01-10");
    assertThat(KidneyFunctionEstimates.of(facts.build())).extracting(Measurement::measure).containsExactly("egfr");
    assertThat(truth(CRCL_AT_LEAST_60, facts)).isEqualTo(Truth.MET);
  }

  @Test
  void noEstimateForAChildAnUnknownSexNoBirthDateOrWithoutARecentWeight() {
    assertThat(KidneyFunctionEstimates.of(Facts.patient("child").born("2010-06-01").sex(Sex.MALE)
        .lab("creatinine", 0.5, "mg/dL", "2026-01-10").lab("body-weight", 50, "kg", "2026-01-10").build())).isEmpty();
    assertThat(KidneyFunctionEstimates.of(Facts.patient("u").born("1960-06-01").sex(Sex.UNKNOWN)
        .lab("creatinine", 0.9, "mg/dL", "2026-01-10").build())).isEmpty();
    assertThat(KidneyFunctionEstimates.of(Facts.patient("b").sex(Sex.FEMALE)
        .lab("creatinine", 0.9, "mg/dL", "2026-01-10").build())).isEmpty();
    // the only weight is 40 days older than the creatinine, or taken after it: an eGFR but no clearance
    List<Measurement> oldWeight = KidneyFunctionEstimates.of(Facts.patient("w").born("1960-06-01").sex(Sex.FEMALE)
        .lab("creatinine", 0.9, "mg/dL", "2026-01-10").lab("body-weight", 60, "kg", "2025-12-01")
        .lab("body-weight", 61, "kg", "2026-01-12").build());
    assertThat(oldWeight).extracting(Measurement::measure).containsExactly("egfr");
    assertThat(truth(CRCL_AT_LEAST_60, Facts.patient("w").born("1960-06-01").sex(Sex.FEMALE)
        .lab("creatinine", 0.9, "mg/dL", "2026-01-10"))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aChildsEgfrIsEstimatedByBedsideSchwartzFromHeightAndNoClearanceIsEstimated() {
    // 0.413 x 140 cm / 0.6 mg/dL = 96.4 (kidney.org, bedside Schwartz 2009, children 1-18 years)
    assertThat(KidneyFunctionEstimates.bedsideSchwartz(0.6, 140)).isCloseTo(96.4, offset(0.1));
    List<Measurement> child = KidneyFunctionEstimates.of(Facts.patient("c").born("2015-06-01").sex(Sex.FEMALE)
        .lab("creatinine", 0.6, "mg/dL", "2026-01-10").lab("body-height", 140, "cm", "2025-11-01")
        .lab("body-weight", 35, "kg", "2026-01-10").build());
    assertThat(child).singleElement().satisfies(m -> {
      assertThat(m.measure()).isEqualTo("egfr");
      assertThat(m.value()).isEqualTo(96);
      assertThat(m.original()).contains("bedside Schwartz").contains("height 140 cm (2025-11-01)");
    });
    // a height older than 90 days: no estimate; born in 2008, 17 or 18 in January 2026: which equation is unknown
    assertThat(KidneyFunctionEstimates.of(Facts.patient("c").born("2015-06-01").sex(Sex.FEMALE)
        .lab("creatinine", 0.6, "mg/dL", "2026-01-10").lab("body-height", 140, "cm", "2025-09-01").build())).isEmpty();
    assertThat(KidneyFunctionEstimates.of(Facts.patient("y").bornInYear(2008).sex(Sex.MALE)
        .lab("creatinine", 0.9, "mg/dL", "2026-01-10").lab("body-height", 175, "cm", "2026-01-10")
        .lab("body-weight", 70, "kg", "2026-01-10").build())).isEmpty();
  }

  @Test
  void aBirthYearAloneGivesAnEstimateOnlyWhenEitherAgeRoundsToTheSameFigure() {
    // born in 1966: 59 or 60 on 2026-01-10. Cockcroft-Gault moves by 1 mL/min a year at this weight, CKD-EPI by less.
    List<Measurement> estimates = KidneyFunctionEstimates.of(Facts.patient("y").bornInYear(1966).sex(Sex.MALE)
        .lab("creatinine", 1.0, "mg/dL", "2026-01-10").lab("body-weight", 80, "kg", "2026-01-10").build());
    long egfr59 = Math.round(KidneyFunctionEstimates.ckdEpi2021(1.0, 59, false));
    long egfr60 = Math.round(KidneyFunctionEstimates.ckdEpi2021(1.0, 60, false));
    assertThat(estimates.stream().anyMatch(m -> m.measure().equals("egfr"))).isEqualTo(egfr59 == egfr60);
    assertThat(estimates).extracting(Measurement::measure).doesNotContain("creatinine-clearance"); // 90 or 89
  }

  @Test
  void aCreatinineDatedByMonthGivesAnEstimateOfThatMonthAndNeedsAWeightSurelyWithin30DaysBeforeIt() {
    // born 1965-06-01: 60 on every day of December 2025
    PatientFacts facts = Facts.patient("p").born("1965-06-01").sex(Sex.MALE)
        .lab("creatinine", 1.0, "mg/dL", "2025-12")
        .lab("body-weight", 80, "kg", "2025-11-20").build();
    List<Measurement> estimates = KidneyFunctionEstimates.of(facts);
    Measurement egfr = only(estimates, "egfr");
    assertThat(egfr.date()).isEqualTo(LocalDate.parse("2025-12-01"));
    assertThat(egfr.dateLatest()).isEqualTo(LocalDate.parse("2025-12-31"));
    // a creatinine of 2025-12-31 would be more than 30 days after the weight: no clearance is estimated from it
    assertThat(estimates).extracting(Measurement::measure).doesNotContain("creatinine-clearance");
    // a weight of December 1st is within 30 days before any day of December
    assertThat(KidneyFunctionEstimates.of(Facts.patient("p").born("1965-06-01").sex(Sex.MALE)
        .lab("creatinine", 1.0, "mg/dL", "2025-12").lab("body-weight", 80, "kg", "2025-12-01").build()))
        .extracting(Measurement::measure).contains("creatinine-clearance");
    // born 1965-12-15: 60 or 59 in December 2025, as a birth year alone would leave it
    assertThat(KidneyFunctionEstimates.of(Facts.patient("p").born("1965-12-15").sex(Sex.MALE)
        .lab("creatinine", 1.0, "mg/dL", "2025-12").lab("body-weight", 80, "kg", "2025-12-01").build()))
        .extracting(Measurement::measure).doesNotContain("creatinine-clearance");
  }

  @Test
  void aCreatinineGivenAsABoundGivesAnEstimateBoundTheOtherWay() {
    Facts low = Facts.patient("p").born("1955-06-01").sex(Sex.MALE)
        .labBound("creatinine", "<", 0.5, "mg/dL", "2026-01-10", null).lab("body-weight", 70, "kg", "2026-01-10");
    Measurement egfr = only(KidneyFunctionEstimates.of(low.build()), "egfr");
    assertThat(egfr.bound()).isEqualTo(ValueBound.AT_LEAST);
    assertThat(egfr.value()).isEqualTo(Math.round(KidneyFunctionEstimates.ckdEpi2021(0.5, 70, false)));
    assertThat(egfr.original()).contains("from creatinine <0.5 mg/dL");
    assertThat(truth(EGFR_AT_LEAST_60, low)).isEqualTo(Truth.MET);
    assertThat(only(KidneyFunctionEstimates.of(low.build()), "creatinine-clearance").bound())
        .isEqualTo(ValueBound.AT_LEAST);
    // below 2.0 mg/dL: an eGFR of at least 35, which may or may not reach 60
    Facts belowTwo = Facts.patient("q").born("1955-06-01").sex(Sex.MALE)
        .labBound("creatinine", "<", 2.0, "mg/dL", "2026-01-10", null);
    assertThat(truth(EGFR_AT_LEAST_60, belowTwo)).isEqualTo(Truth.UNKNOWN);
    Facts aboveHalf = Facts.patient("r").born("1955-06-01").sex(Sex.MALE)
        .labBound("creatinine", ">", 0.5, "mg/dL", "2026-01-10", null);
    assertThat(only(KidneyFunctionEstimates.of(aboveHalf.build()), "egfr").bound()).isEqualTo(ValueBound.AT_MOST);
    assertThat(truth(EGFR_AT_LEAST_60, aboveHalf)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aWeightGivenAsABoundGivesNoClearance() {
    Facts facts = Facts.patient("p").born("1955-06-01").sex(Sex.MALE).lab("creatinine", 1.0, "mg/dL", "2026-01-10")
        .labBound("body-weight", ">", 150, "kg", "2026-01-10", null);
    assertThat(KidneyFunctionEstimates.of(facts.build())).extracting(Measurement::measure).containsExactly("egfr");
  }

  static Truth truth(MeasurementRule rule, Facts facts) {
    PatientIndex patient = PatientIndex.of(facts.build());
    Truth explained = RuleEvaluator.evaluate(rule, patient, AS_OF).truth();
    assertThat(RuleEvaluator.evaluate(rule, patient, AS_OF.decideOnly()).truth()).isEqualTo(explained);
    return explained;
  }
}
