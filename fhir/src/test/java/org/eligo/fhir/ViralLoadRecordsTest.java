package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.loinc;

import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.patient.ViralLoad;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Viral loads as laboratories send them (DECISIONS 74): an amount or a bound written as text ("&lt;15 IU/mL"), and a
 * newer result Eligo cannot read, against "Detectable HCV RNA" and "HBV DNA &lt; 2,000 IU/mL". A newer result is never
 * passed over so that an older detectable one decides.
 */
class ViralLoadRecordsTest {
  static final Code HCV_RNA = loinc("11011-4");
  static final Code HBV_DNA = loinc("42595-9");
  static final Rule DETECTABLE_HCV_RNA = ViralLoadRule.detectable("hcv-rna", "hepatitis-c", "HCV RNA");
  static final Rule HBV_DNA_BELOW_2000 = ViralLoadRule.of("hbv-dna", "hepatitis-b", "HBV DNA", Comparator.LT, 2000,
      ViralLoad.IU_PER_ML);

  private static Truth verdict(Rule rule, FhirPatientBuilder record) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(Readers.read(record.bundleJson()).facts()),
        new EvaluationContext(Readers.AS_OF)).truth();
  }

  /** HCV RNA of 250,000 IU/mL in December, then a result written {@code text} in February. */
  private static FhirPatientBuilder viraemicThen(String text) {
    return FhirPatientBuilder.patient("p1").born("1970-04-12").male().lab(HCV_RNA, 250000, "IU/mL", "2025-12-10")
        .observation(HCV_RNA, "2026-02-10", o -> o.put("valueString", text));
  }

  @Test
  void aBoundWrittenAsTextSettlesNothingAndAnOlderLoadNoLongerDecides() {
    for (String text : new String[] {"<15 IU/mL", "< 15 IU/mL", "<15", "<1.18 log IU/mL"}) {
      assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen(text))).as(text + ": a trace or nothing, newer than the "
          + "250,000").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen("Undetected"))).as("the word some laboratories report")
        .isEqualTo(Truth.NOT_MET);
    assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen("Not Detected"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen("1,250,000 IU/mL"))).as("an amount written as text")
        .isEqualTo(Truth.MET);
  }

  @Test
  void aNewerViralLoadEligoCannotReadLeavesTheLatestResultOpen() {
    for (String text : new String[] {"TND", "Indeterminate", "See comment", "Invalid"}) {
      assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen(text))).as(text + ": newer than the 250,000")
          .isEqualTo(Truth.UNKNOWN);
    }
    FhirPatientBuilder logUnits = FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .lab(HCV_RNA, 250000, "IU/mL", "2025-12-10").lab(HCV_RNA, 1.1, "log10 IU/mL", "2026-02-10");
    assertThat(verdict(DETECTABLE_HCV_RNA, logUnits)).as("a newer load in log units").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aBoundWrittenAsTextDecidesALimitItLiesWithin() {
    FhirPatientBuilder below = FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .lab(HBV_DNA, 50000, "IU/mL", "2025-12-10")
        .observation(HBV_DNA, "2026-02-10", o -> o.put("valueString", "<20 IU/mL"));
    assertThat(verdict(HBV_DNA_BELOW_2000, below)).as("whatever is below 20 is below 2,000").isEqualTo(Truth.MET);
    FhirPatientBuilder above = FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .observation(HBV_DNA, "2026-02-10", o -> o.put("valueString", "5,000 IU/mL"));
    assertThat(verdict(HBV_DNA_BELOW_2000, above)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aNegativeOrReactiveAntiHbcAnswersACriterionOnAntiHbc() {
    Rule positiveAntiHbc = new ViralLoadRule("hbv-core-antibody", "hepatitis-b", "anti-HBc", null, 0, "", 365);
    for (String negative : new String[] {"Negative", "NEGATIVE", "Non-reactive", "Nonreactive"}) {
      assertThat(verdict(positiveAntiHbc, FhirPatientBuilder.patient("p1").born("1970-04-12").male()
          .observation(loinc("16933-4"), "2026-02-10", o -> o.put("valueString", negative)))).as(negative)
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(verdict(positiveAntiHbc, FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .observation(loinc("13952-7"), "2026-02-10", o -> o.put("valueString", "Reactive")))).isEqualTo(Truth.MET);
    assertThat(verdict(positiveAntiHbc, FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .observation(loinc("13952-7"), "2026-02-10", o -> o.put("valueString", "Equivocal")))).as("settles nothing")
        .isEqualTo(Truth.UNKNOWN);
  }

  /**
   * "Detectable HCV RNA" and "HBV DNA < 2,000 IU/mL" when the newer load carries no date (an HL7 v2 feed that dates
   * only the order): it may be the latest, so December's load does not decide in its place (DECISIONS 90); it was
   * passed over, and a patient cleared since was excluded. A load its report dates is read on that date.
   */
  @Test
  void anUndatedLoadMayBeTheLatestSoAnOlderOneDoesNotDecide() {
    for (String text : new String[] {"Not detected", "<15 IU/mL", "TND"}) {
      FhirPatientBuilder undated = FhirPatientBuilder.patient("p1").born("1970-04-12").male()
          .lab(HCV_RNA, 250000, "IU/mL", "2025-12-10")
          .observation(HCV_RNA, null, o -> o.put("valueString", text));
      assertThat(verdict(DETECTABLE_HCV_RNA, undated)).as(text).isEqualTo(Truth.UNKNOWN);
    }
    FhirPatientBuilder hbv = FhirPatientBuilder.patient("p1").born("1970-04-12").female()
        .lab(HBV_DNA, 56000, "IU/mL", "2026-01-15")
        .observation(HBV_DNA, null, o -> o.put("valueString", "<10 IU/mL"));
    assertThat(verdict(HBV_DNA_BELOW_2000, hbv)).isEqualTo(Truth.UNKNOWN);
    // a load of its own day still decides, as does December's alone
    assertThat(verdict(DETECTABLE_HCV_RNA, viraemicThen("Not detected"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(DETECTABLE_HCV_RNA, FhirPatientBuilder.patient("p1").born("1970-04-12").male()
        .lab(HCV_RNA, 250000, "IU/mL", "2025-12-10"))).isEqualTo(Truth.MET);
  }
}
