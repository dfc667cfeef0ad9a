package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.icd10;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * An onset given as a range of ages (DECISIONS §83): "onsetRange 30 a – 35 a" is any day from the 30th birthday to
 * the day before the 36th, never the low age's year alone. Read as the 30th year, a woman now 35 and 10 months whose
 * ITP may have begun last month failed "Newly diagnosed ITP" and was excluded under "Chronic ITP".
 */
class AgeRangeOnsetTest {
  private static final ConditionRule ITP_BEGUN_WITHIN_3_MONTHS = new ConditionRule(Set.of("immune-thrombocytopenia"),
      Set.of(), TimeWindow.began(90), "immune thrombocytopenia");
  /** "Chronic ITP" (for 12 months or more): not begun within the last year. */
  private static final Rule ITP_FOR_A_YEAR = new Not(new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(),
      TimeWindow.began(365), "immune thrombocytopenia"));

  private static Truth verdict(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF)).truth();
  }

  /** Born 1990-04-12: 35 and 10 months on 2026-03-01 (the as-of day). */
  private static PatientFacts itpBetween(double low, double high) {
    return read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("D69.3"), "Immune thrombocytopenia", null)
        .with(c -> {
          var range = c.putObject("onsetRange");
          range.putObject("low").put("value", low).put("system", "http://unitsofmeasure.org").put("code", "a");
          range.putObject("high").put("value", high).put("system", "http://unitsofmeasure.org").put("code", "a");
        })
        .bundleJson()).facts();
  }

  @Test
  void anOnsetBetweenTwoAgesMayBeAnyDayUpToTheHighAgesLastDay() {
    PatientFacts upToNow = itpBetween(30, 35);
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, upToNow)).as("newly diagnosed: may have begun last month")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(ITP_FOR_A_YEAR, upToNow)).as("chronic: may be recent").isEqualTo(Truth.UNKNOWN);
    PatientFacts long_ago = itpBetween(20, 30);
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, long_ago)).as("begun by 31: not new").isEqualTo(Truth.NOT_MET);
    assertThat(verdict(ITP_FOR_A_YEAR, long_ago)).as("begun by 31: chronic").isEqualTo(Truth.MET);
  }

  /** One bound only ("low" or "high"), in the unit given ("a", "mo"). */
  private static PatientFacts itpWithOneBound(String bound, double value, String unit) {
    return read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("D69.3"), "Immune thrombocytopenia", null)
        .with(c -> c.putObject("onsetRange").putObject(bound).put("value", value)
            .put("system", "http://unitsofmeasure.org").put("code", unit))
        .bundleJson()).facts();
  }

  /** "ITP diagnosed within the last 10 years". */
  private static final ConditionRule ITP_BEGUN_WITHIN_10_YEARS = new ConditionRule(
      Set.of("immune-thrombocytopenia"), Set.of(), TimeWindow.began(3650), "immune thrombocytopenia");

  @Test
  void anOnsetWithOneBoundIsOpenOnTheOtherSide() {
    // a low bound alone, "at 30 or later" (or at 400 months or later): it may have begun last month
    for (PatientFacts atOrAfter : java.util.List.of(itpWithOneBound("low", 30, "a"),
        itpWithOneBound("low", 400, "mo"))) {
      assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, atOrAfter)).as("newly diagnosed: may be recent")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(verdict(ITP_FOR_A_YEAR, atOrAfter)).as("chronic: may be recent").isEqualTo(Truth.UNKNOWN);
    }
    // a high bound alone, "by 30": it may have begun in childhood, more than 10 years ago
    PatientFacts by30 = itpWithOneBound("high", 30, "a");
    assertThat(verdict(ITP_BEGUN_WITHIN_10_YEARS, by30)).as("begun by 31: may be over 10 years ago")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, by30)).as("begun by 31: not new").isEqualTo(Truth.NOT_MET);
    assertThat(verdict(ITP_FOR_A_YEAR, by30)).as("begun by 31: chronic").isEqualTo(Truth.MET);
  }
}
