package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Lab and measurement limits as registries write them, applied to patients near the limit. */
class LabLimitWordingsVerdictsTest {

  static Facts lab(String measure, double value, String unit) {
    return adult().lab(measure, value, unit, "2026-05-20");
  }

  @Test
  void aDecimalCommaIsADecimalPoint() {
    Facts inr12 = lab("inr", 1.2, "{INR}");
    assertThat(inclusion("INR ≤ 1,5", inr12)).as("1.2 is within 1.5, not above 1").isEqualTo(Truth.MET);
    assertThat(exclusion("INR > 1,5", inr12)).as("1.2 does not exceed 1.5").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("INR > 1,5", lab("inr", 1.8, "{INR}"))).isEqualTo(Truth.MET);
    assertThat(exclusion("BMI > 30,5 kg/m2", lab("bmi", 30.2, "kg/m2"))).as("30.2 is under 30.5")
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("BMI ≥ 18,5 kg/m²", lab("bmi", 18.2, "kg/m2"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 9,0 g/dL", lab("hemoglobin", 95, "g/L"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Hemoglobin between 8,5 and 10,5 g/dL", lab("hemoglobin", 95, "g/L")))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Total bilirubin ≤ 1,5 x ULN; AST/ALT ≤ 2,5 x ULN",
        adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20", 1.2)
            .lab("alt", 90, "U/L", "2026-05-20", 40.0).lab("ast", 30, "U/L", "2026-05-20", 40.0)))
        .as("ALT 2.25 × ULN").isEqualTo(Truth.MET);
  }

  @Test
  void aCommaBeforeThreeDigitsStillGroupsThousands() {
    assertThat(inclusion("Platelets ≥ 100,000/µL", lab("platelets", 80, "10*9/L"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("ANC ≥ 1,500/mm3", lab("anc", 1.6, "10*9/L"))).isEqualTo(Truth.MET);
    // a count is never written with decimals: "30,00/µL" is thousands short of a digit, not 30 cells
    assertThat(inclusion("Platelets ≥ 30,00/µL", lab("platelets", 40, "10*9/L"))).isEqualTo(Truth.UNKNOWN);
  }

  /** A patient whose record lists procedures, none of them a transfusion. */
  static Facts neverTransfused(String measure, double value, String unit) {
    return lab(measure, value, unit).procedure("Splenectomy", "2015-03-01", "splenectomy");
  }

  @Test
  void aLimitATransfusionMayReachRequiresNoTransfusion() {
    for (String sentence : java.util.List.of("Hemoglobin ≥ 9 g/dL, which may be achieved by transfusion",
        "Hemoglobin ≥ 9 g/dL (can be reached by transfusion)", "Hemoglobin ≥ 9 g/dL, achieved with or without transfusion",
        "Hemoglobin ≥ 9 g/dL (may be attained with red blood cell transfusion)")) {
      assertThat(inclusion(sentence, neverTransfused("hemoglobin", 95, "g/L"))).as("never transfused, at 9.5: " + sentence)
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, neverTransfused("hemoglobin", 85, "g/L"))).as("at 8.5, a transfusion may reach 9: "
          + sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Platelets ≥ 50 × 10^9/L, which can be achieved with platelet transfusion",
        neverTransfused("platelets", 60, "10*9/L"))).isEqualTo(Truth.MET);
    // a transfusion the sentence asks for is still required
    assertThat(inclusion("Hemoglobin ≤ 11 g/dL with at least 1 RBC transfusion in the 12 months before screening",
        neverTransfused("hemoglobin", 105, "g/L"))).isEqualTo(Truth.NOT_MET);
  }

  static Facts onDrug(Facts patient, String text, String concept) {
    return patient.medication(text, "2026-01-10", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, ParsedVerdictsTest.coded(concept));
  }

  @Test
  void supportNamedBesideATransfusionConditionsTheCountAndJoinsNoAlternative() {
    String counts = "Hemoglobin ≥ 8.0 g/dL, platelets ≥ 75,000/mm3, ANC ≥ 1,000/mm3 (without transfusion or growth "
        + "factor support within 14 days)";
    Facts lowPlatelets = adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("platelets", 60, "10*9/L", "2026-05-20")
        .lab("anc", 1.2, "10*9/L", "2026-05-20");
    assertThat(inclusion(counts, lowPlatelets)).as("platelets of 60 fail, whatever the rest").isEqualTo(Truth.NOT_MET);
    Facts allAbove = adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("platelets", 80, "10*9/L", "2026-05-20")
        .lab("anc", 1.2, "10*9/L", "2026-05-20");
    assertThat(inclusion(counts, allAbove)).as("growth factors are no drug Eligo knows: asked").isEqualTo(Truth.UNKNOWN);

    String platelets = "Platelets ≥ 75 × 10^9/L (without transfusion or thrombopoietin receptor agonist within 7 days)";
    assertThat(inclusion(platelets, onDrug(lab("platelets", 40, "10*9/L"), "Eltrombopag 50 mg", "eltrombopag")))
        .as("40 fails the limit; the agonist is no alternative to it").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(platelets, onDrug(lab("platelets", 80, "10*9/L"), "Eltrombopag 50 mg", "eltrombopag")))
        .as("80 on an agonist: was it measured without one?").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(platelets, onDrug(lab("platelets", 80, "10*9/L"), "Sirolimus", "sirolimus")))
        .as("80, no agonist").isEqualTo(Truth.MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL without transfusion or ESA within 4 weeks",
        onDrug(lab("hemoglobin", 80, "g/L"), "Epoetin alfa", "epoetin"))).isEqualTo(Truth.NOT_MET);
  }

  static Facts withUln(String measure, double value, String unit, double uln) {
    return adult().lab(measure, value, unit, "2026-05-20", uln);
  }

  @Test
  void theUpperLimitOfNormalNamedAgainInParenthesesIsPartOfTheLimit() {
    assertThat(inclusion("Total bilirubin ≤ 1.5 × upper limit of normal (ULN)",
        withUln("bilirubin-total", 1.0, "mg/dL", 1.2))).isEqualTo(Truth.MET);
    assertThat(exclusion("ALT or AST > 3 × upper limit of normal (ULN)", withUln("alt", 150, "U/L", 40)))
        .as("ALT 3.75 × ULN").isEqualTo(Truth.MET);
    assertThat(exclusion("ALT or AST > 3 × upper limit of normal (ULN)",
        withUln("alt", 100, "U/L", 40).lab("ast", 30, "U/L", "2026-05-20", 40.0))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("ALT ≤ 2.5 × the institutional upper limit of normal (iULN)", withUln("alt", 90, "U/L", 40)))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Serum creatinine ≤ 1.5 × ULN (upper limit of normal)", withUln("creatinine", 1.2, "mg/dL", 1.1)))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("LDH ≥ 1.5 × upper limit of normal (ULN) at screening", withUln("ldh", 300, "U/L", 250)))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAverageNamedAfterTheLimitIsAskedNotTheLatestResult() {
    assertThat(inclusion("Platelet count < 30 × 10^9/L (mean of two counts taken at least 1 week apart)",
        lab("platelets", 33, "10*9/L"))).as("counts of 25 and 33 average 29").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("QTcF ≤ 470 ms on screening ECG (mean of triplicate ECGs)", lab("qtc", 480, "ms")))
        .as("one ECG at 480, the mean of three may be 465").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count < 30,000/µL, average of 2 counts at least 7 days apart",
        lab("platelets", 33, "10*9/L"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Hemoglobin ≤ 10 g/dL, based on the mean of 2 measurements at least 7 days apart",
        lab("hemoglobin", 105, "g/L"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count < 30 × 10^9/L", lab("platelets", 33, "10*9/L"))).as("the latest")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void transfusionsAPatientMayReceiveToMeetTheLimitAreNotRequired() {
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL (patients may receive transfusions to meet this criterion)",
        neverTransfused("hemoglobin", 75, "g/L"))).as("7.5, never transfused: a transfusion may reach 8")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelets ≥ 50 × 10^9/L; patients may receive platelet transfusions to reach this level",
        neverTransfused("platelets", 40, "10*9/L"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL (subjects can be given RBC transfusion to achieve this threshold)",
        neverTransfused("hemoglobin", 95, "g/L"))).isEqualTo(Truth.MET);
  }

  @Test
  void aTransfusionFreeWindowWrittenWithPriorIsTheSentencesOwn() {
    Facts transfusedTenDaysBefore = lab("platelets", 60, "10*9/L").procedure("Platelet transfusion", "2026-05-10",
        "transfusion", "platelet-transfusion");
    assertThat(inclusion("Platelet count ≥ 50 × 10^9/L without platelet transfusion within the prior 14 days",
        transfusedTenDaysBefore)).as("transfused 10 days before the count: within 14, not the default 7")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count ≥ 50 × 10^9/L without transfusion during the prior 2 weeks",
        transfusedTenDaysBefore)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count ≥ 50 × 10^9/L without transfusion for the prior 7 days",
        transfusedTenDaysBefore)).isEqualTo(Truth.MET);
  }

  @Test
  void aTransfusionClauseClosingAListOfCountsBindsEachOfThem() {
    // a red cell transfusion 10 days before the counts: within hemoglobin's 14 days, past platelets' 7
    Facts transfusedTenDaysBefore = adult().lab("hemoglobin", 95, "g/L", "2026-05-20")
        .lab("platelets", 120, "10*9/L", "2026-05-20").lab("anc", 1.6, "10*9/L", "2026-05-20")
        .procedure("Red cell transfusion", "2026-05-10", "transfusion", "red-cell-transfusion");
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL and platelets ≥ 100 × 10^9/L (without transfusion support)",
        transfusedTenDaysBefore)).as("the hemoglobin may be the transfusion's").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL, ANC ≥ 1.5 × 10^9/L, platelets ≥ 100 × 10^9/L (without transfusion "
        + "support)", transfusedTenDaysBefore)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL and platelets ≥ 100 × 10^9/L without transfusion in the last 14 days",
        adult().lab("hemoglobin", 95, "g/L", "2026-05-20").lab("platelets", 120, "10*9/L", "2026-05-20")
            .procedure("Platelet transfusion", "2026-05-10", "transfusion", "platelet-transfusion")))
        .as("the platelets 10 days after a transfusion, in the sentence's 14 days").isEqualTo(Truth.UNKNOWN);
    Facts neverTransfused = adult().lab("hemoglobin", 95, "g/L", "2026-05-20")
        .lab("platelets", 120, "10*9/L", "2026-05-20").procedure("Splenectomy", "2015-03-01", "splenectomy");
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL and platelets ≥ 100 × 10^9/L (without transfusion support)",
        neverTransfused)).isEqualTo(Truth.MET);
    // a clause of its own after ";", or inside a parenthesis of its own, keeps to its own limit
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL; platelets ≥ 100 × 10^9/L without transfusion support",
        transfusedTenDaysBefore)).isEqualTo(Truth.MET);
  }

  /** Two counts, as a patient's record gives them, and a procedure that is no transfusion. */
  static Facts counts(double hemoglobinGramsPerLitre, double platelets) {
    return adult().lab("hemoglobin", hemoglobinGramsPerLitre, "g/L", "2026-05-20")
        .lab("platelets", platelets, "10*9/L", "2026-05-20").procedure("Splenectomy", "2015-03-01", "splenectomy");
  }

  @Test
  void aClauseClosingAListOfCountsLetsATransfusionReachEachOfThem() {
    for (String sentence : java.util.List.of(
        "Hemoglobin ≥ 8 g/dL and platelets ≥ 50 × 10^9/L (may be achieved by transfusion)",
        "Hemoglobin ≥ 8 g/dL and platelets ≥ 50 × 10^9/L, which may be achieved with transfusions",
        "Hemoglobin ≥ 8 g/dL and platelets ≥ 50 × 10^9/L; patients may receive transfusions to meet these criteria",
        "Hemoglobin ≥ 8 g/dL, platelets ≥ 50 × 10^9/L, with or without transfusion",
        "Hemoglobin ≥ 8 g/dL, platelets ≥ 50 × 10^9/L (with transfusion support if needed)")) {
      assertThat(inclusion(sentence, counts(75, 60))).as("hemoglobin 7.5, never transfused: a transfusion may reach 8: "
          + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, counts(85, 40))).as("platelets 40: " + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, counts(85, 60))).as("both met: " + sentence).isEqualTo(Truth.MET);
    }
    // "with or without transfusion" sets no transfusion-free window on the counts before it
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL, platelets ≥ 50 × 10^9/L, with or without transfusion", counts(85, 60)
        .procedure("Red cell transfusion", "2026-05-15", "transfusion", "red-cell-transfusion"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL, which may be reached with the help of transfusion", counts(85, 60)))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count ≥ 20 × 10^9/L (with transfusion support if necessary)", counts(85, 15)))
        .as("a transfusion the sentence allows is not required").isEqualTo(Truth.UNKNOWN);
    // a limit of its own before ";" is not reached by the clause after the next one
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL; platelets ≥ 50 × 10^9/L, which may be achieved with transfusion",
        counts(75, 60))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aMeasureWhoseNameStartsWithMeanIsNoAverage() {
    Facts macrocytic = adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("mcv", 105, "fL", "2026-05-20");
    Facts normocytic = adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("mcv", 90, "fL", "2026-05-20");
    Facts notAnaemic = adult().lab("hemoglobin", 125, "g/L", "2026-05-20").lab("mcv", 105, "fL", "2026-05-20");
    for (String sentence : java.util.List.of("Hemoglobin < 10 g/dL, mean corpuscular volume (MCV) > 100 fL",
        "Hemoglobin < 10 g/dL; mean corpuscular volume ≥ 100 fL", "Hb < 10 g/dL, mean cell volume > 100 fL")) {
      assertThat(inclusion(sentence, macrocytic)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, normocytic)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, notAnaemic)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    // an average is still asked
    assertThat(inclusion("Platelet count < 30 × 10^9/L, mean of two counts", lab("platelets", 33, "10*9/L")))
        .isEqualTo(Truth.UNKNOWN);
  }

  static Facts stopped(Facts patient, String text, String concept, String start, String end) {
    return patient.medication(text, start, end, org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED,
        ParsedVerdictsTest.coded(concept));
  }

  @Test
  void everySupportOfAListNamedBesideATransfusionConditionsTheCount() {
    // a comma before the last "or", a drug the list names by itself, an abbreviation given again: none is an
    // alternative to the limits, none takes the sentence's window away
    Facts lowPlateletsOnEpoetin = onDrug(adult().lab("hemoglobin", 95, "g/L", "2026-05-20")
        .lab("platelets", 80, "10*9/L", "2026-05-20"), "Epoetin alfa", "epoetin-alfa");
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL, platelets ≥ 100 × 10^9/L (without transfusion, growth factors, or ESA "
        + "within 14 days)", lowPlateletsOnEpoetin)).as("platelets of 80 fail").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Platelets ≥ 100 × 10^9/L without transfusion, G-CSF, or erythropoietin within 14 days",
        lowPlateletsOnEpoetin)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL without transfusion or darbepoetin within 4 weeks",
        onDrug(lab("hemoglobin", 80, "g/L"), "Darbepoetin alfa", "darbepoetin-alfa"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL without transfusion or erythropoiesis-stimulating agents (ESAs) within "
        + "8 weeks", lab("hemoglobin", 95, "g/L").procedure("Red cell transfusion", "2026-04-22", "transfusion",
        "red-cell-transfusion"))).as("transfused 4 weeks before the result, within the 8").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aSupportDrugIsCountedInTheWindowBeforeTheResultNotBeforeToday() {
    // a count of April 1st, two days after the last dose of an agonist: measured on it, whatever today is
    Facts countOnAgonist = stopped(adult().lab("platelets", 80, "10*9/L", "2026-04-01"), "Eltrombopag", "eltrombopag",
        "2026-03-01", "2026-03-30");
    assertThat(inclusion("Platelets ≥ 75 × 10^9/L (without transfusion or eltrombopag within 7 days)", countOnAgonist))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelets ≥ 75 × 10^9/L without transfusion or TPO-RA support within 7 days", countOnAgonist))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("ANC ≥ 1.5 × 10^9/L without filgrastim or transfusion within 14 days", stopped(
        adult().lab("anc", 2.0, "10*9/L", "2026-04-01"), "Filgrastim", "filgrastim", "2026-03-20", "2026-03-25")))
        .isEqualTo(Truth.UNKNOWN);
    // none in the record: met
    assertThat(inclusion("Platelets ≥ 75 × 10^9/L (without transfusion or eltrombopag within 7 days)",
        onDrug(adult().lab("platelets", 80, "10*9/L", "2026-04-01"), "Sirolimus", "sirolimus"))).isEqualTo(Truth.MET);
  }

  @Test
  void aTransfusionClauseForAllTheCountsOrFollowedByTheirMomentBindsEachOfThem() {
    Facts transfusedTenDaysBefore = adult().lab("hemoglobin", 95, "g/L", "2026-05-20")
        .lab("platelets", 120, "10*9/L", "2026-05-20").lab("anc", 1.6, "10*9/L", "2026-05-20")
        .procedure("Red cell transfusion", "2026-05-10", "transfusion", "red-cell-transfusion");
    for (String sentence : java.util.List.of(
        "Hemoglobin ≥ 9 g/dL, platelets ≥ 100 × 10^9/L (both without transfusion support)",
        "Hemoglobin ≥ 9 g/dL, ANC ≥ 1.5 × 10^9/L, platelets ≥ 100 × 10^9/L, all without transfusion support",
        "Hemoglobin ≥ 9 g/dL and platelets ≥ 100 × 10^9/L without transfusion support at screening",
        "Hemoglobin ≥ 9 g/dL and platelets ≥ 100 × 10^9/L (without transfusion support within 14 days prior to "
            + "randomization)")) {
      assertThat(inclusion(sentence, transfusedTenDaysBefore)).as("the hemoglobin may be the transfusion's: " + sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, counts(95, 120).lab("anc", 1.6, "10*9/L", "2026-05-20")))
          .as("never transfused: " + sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void aTransfusionTheSentencePermitsForOneCountOfAListRequiresNoneAndJoinsNoAlternative() {
    String permitted = "Hemoglobin ≥ 8 g/dL (transfusions are permitted to achieve this level) and platelets ≥ 75 × "
        + "10^9/L";
    assertThat(inclusion(permitted, counts(85, 60))).as("platelets of 60 are no alternative to the hemoglobin")
        .isNotEqualTo(Truth.MET);
    assertThat(inclusion(permitted, counts(75, 80))).as("7.5: a transfusion may reach 8").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelets ≥ 30,000/µL (platelet transfusions are allowed), hemoglobin ≥ 8 g/dL (red cell "
        + "transfusions are allowed)", counts(75, 40))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelets ≥ 30,000/µL (platelet transfusions are allowed), hemoglobin ≥ 8 g/dL (red cell "
        + "transfusions are allowed)", counts(85, 40))).isEqualTo(Truth.MET);
  }

  @Test
  void theUpperLimitOfNormalInBracketsOrNamedAsInstitutionalIsPartOfTheLimit() {
    assertThat(inclusion("AST and ALT ≤ 2.5 × upper limit of normal [ULN]", withUln("alt", 90, "U/L", 40)
        .lab("ast", 30, "U/L", "2026-05-20", 40.0))).isEqualTo(Truth.MET);
    assertThat(inclusion("AST and ALT ≤ 2.5 × upper limit of normal [ULN]", withUln("alt", 110, "U/L", 40)
        .lab("ast", 30, "U/L", "2026-05-20", 40.0))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Total bilirubin ≤ 1.5 x ULN (institutional)", withUln("bilirubin-total", 1.0, "mg/dL", 1.2)))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Alkaline phosphatase ≤ 2.5 × the upper normal limit (UNL)",
        withUln("alkaline-phosphatase", 200, "U/L", 120))).isEqualTo(Truth.MET);
    assertThat(exclusion("aPTT > 1.5 × ULN (ULN = upper limit of normal)", withUln("aptt", 60, "s", 35)))
        .isEqualTo(Truth.MET);
  }

  @Test
  void aLimitATransfusionMayReachIsAskedOnceAndAPermittedTransfusionJoinsNoAlternative() {
    for (String sentence : java.util.List.of("Hemoglobin ≥ 9 g/dL (transfusion allowed)",
        "Hemoglobin ≥ 9 g/dL (patients may be transfused to achieve this level)",
        "Hemoglobin ≥ 9 g/dL; RBC transfusions are permitted to achieve this value")) {
      org.eligo.core.eval.Outcome outcome = org.eligo.core.eval.RuleEvaluator.evaluate(
          ParserCasesTest.PARSER.parse(sentence, org.eligo.core.rule.CriterionType.INCLUSION),
          org.eligo.core.eval.PatientIndex.of(counts(85, 60).build()), ParsedVerdictsTest.AS_OF.explaining());
      assertThat(outcome.truth()).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(outcome.questions()).as("one question, not a second one about the whole sentence: " + sentence)
          .containsExactly("Can the patient be transfused to meet the limit: \u201c" + sentence + "\u201d?");
    }
    assertThat(inclusion("Platelets ≥ 100 × 10^9/L, hemoglobin ≥ 9 g/dL (may be transfused), ANC ≥ 1.5 × 10^9/L",
        counts(95, 80).lab("anc", 1.6, "10*9/L", "2026-05-20"))).as("platelets of 80 fail").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL (transfusions are permitted to achieve this level) and platelets ≥ 75 × "
        + "10^9/L", counts(85, 60))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aClauseNamingTheCountsATransfusionMayReachSoftensThoseOnly() {
    String named = "Hemoglobin ≥ 8 g/dL, platelets ≥ 50 × 10^9/L, ANC ≥ 1.0 × 10^9/L (hemoglobin and platelets may be "
        + "achieved by transfusion)";
    assertThat(inclusion(named, counts(75, 60).lab("anc", 1.2, "10*9/L", "2026-05-20")))
        .as("7.5: a transfusion may reach 8").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(named, counts(85, 60).lab("anc", 0.8, "10*9/L", "2026-05-20")))
        .as("no transfusion raises the ANC").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL, creatinine ≤ 1.5 mg/dL (Hb may be achieved by transfusion)",
        counts(75, 60).lab("creatinine", 1.0, "mg/dL", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Hemoglobin ≥ 8 g/dL, creatinine ≤ 1.5 mg/dL (Hb may be achieved by transfusion)",
        counts(85, 60).lab("creatinine", 1.8, "mg/dL", "2026-05-20"))).as("the creatinine is not the clause's")
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Platelets ≥ 50 × 10^9/L and ANC ≥ 1.0 × 10^9/L (platelet count may be reached with platelet "
        + "transfusion)", counts(85, 40).lab("anc", 1.2, "10*9/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
  }
}
