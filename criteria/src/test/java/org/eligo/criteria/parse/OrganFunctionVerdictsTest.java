package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Organ function and performance status as registries write them (DECISIONS §56), applied to patients whose results
 * are in the canonical units the FHIR reader converts them to (creatinine in mg/dL from µmol/L, ALT in U/L from
 * µkat/L, the reference range's high as the ULN).
 */
class OrganFunctionVerdictsTest {

  static Facts lab(String measure, double value, String unit) {
    return adult().lab(measure, value, unit, "2026-05-20");
  }

  /**
   * "Adequate renal function (creatinine &lt; 2 mg/dL)": the words before the limits name what the limits define. Left
   * unread, every patient who met the limits was asked whether the heading applied.
   */
  @Test
  void anOrganFunctionHeadingIsWhatItsLimitsDefine() {
    for (String sentence : List.of("Adequate renal function (creatinine < 2 mg/dL)",
        "Have adequate renal function (serum creatinine ≤ 1.5 mg/dL)",
        "Adequate renal function as evidenced by serum creatinine ≤ 1.5 mg/dL",
        "Adequate kidney function, defined as serum creatinine ≤ 1.5 mg/dL")) {
      assertThat(inclusion(sentence, lab("creatinine", 1.2, "mg/dL"))).as("creatinine 1.2 mg/dL: " + sentence)
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, lab("creatinine", 2.4, "mg/dL"))).as("creatinine 2.4 mg/dL: " + sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult())).as("no creatinine: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Adequate cardiac function defined as LVEF ≥ 45%", lab("lvef", 55, "%")))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Adequate cardiac function defined as LVEF ≥ 45%", lab("lvef", 40, "%")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Adequate bone marrow function as evidenced by platelets ≥ 75 × 10^9/L",
        lab("platelets", 120, "10*9/L"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Adequate hepatic function as defined by AST and ALT ≤ 2.5 × ULN",
        adult().lab("alt", 90, "U/L", "2026-05-20", 45.0).lab("ast", 30, "U/L", "2026-05-20", 36.0)))
        .as("ALT 2 × ULN, AST below the ULN").isEqualTo(Truth.MET);
    assertThat(inclusion("Adequate renal function, defined as creatinine clearance ≥ 50 mL/min",
        lab("creatinine-clearance", 55, "mL/min"))).isEqualTo(Truth.MET);
    // examples define nothing: a creatinine above the example is no failure of the heading
    assertThat(inclusion("Adequate organ function (e.g., creatinine ≤ 1.5 × ULN)",
        adult().lab("creatinine", 2.0, "mg/dL", "2026-05-20", 1.2))).isEqualTo(Truth.UNKNOWN);
    // the limits of a list of functions may define the last one only: the others stay asked
    assertThat(inclusion("Normal cardiac function, liver function (total bilirubin ≤ 1.5 × ULN)",
        adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20", 1.2))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Adequate renal and hepatic function (creatinine ≤ 1.5 mg/dL)", lab("creatinine", 1.2, "mg/dL")))
        .isEqualTo(Truth.UNKNOWN);
    // an organ alone names no function: "Lung (cancer)" is not any cancer, "Heart (myocardial infarction)" asks too
    Facts lymphoma = adult().condition("Diffuse large B-cell lymphoma", org.eligo.core.patient.ClinicalStatus.ACTIVE,
        "2025-01-01", null, ParsedVerdictsTest.coded("lymphoma"));
    assertThat(exclusion("Lung (cancer)", lymphoma)).as("a lymphoma is no lung cancer").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Liver (cancer)", lymphoma)).isNotEqualTo(Truth.MET);
    assertThat(inclusion("Adequate bone marrow reserve (ANC ≥ 1.5 × 10^9/L)", lab("anc", 2.0, "10*9/L")))
        .isEqualTo(Truth.MET);
    // a disease or a failing function named before its limits is no heading passed over
    assertThat(exclusion("Renal failure (creatinine > 2 mg/dL)", lab("creatinine", 2.4, "mg/dL")))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Inadequate organ function (creatinine > 2 mg/dL)", lab("creatinine", 2.4, "mg/dL")))
        .isEqualTo(Truth.UNKNOWN);
  }

  /** "ECOG performance status 0, 1, or 2" lists the grades a patient may have: was unread, and asked of everyone. */
  @Test
  void ecogGradesListedOneByOneAreTheirRange() {
    for (String sentence : List.of("ECOG performance status 0, 1, or 2",
        "Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1 or 2", "ECOG 0,1,2", "ECOG PS 0 or 1 or 2",
        "ECOG 0/1/2")) {
      assertThat(inclusion(sentence, lab("ecog", 2, "{score}"))).as("ECOG 2: " + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, lab("ecog", 3, "{score}"))).as("ECOG 3: " + sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, lab("karnofsky", 70, "{score}"))).as("only a Karnofsky score: " + sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("ECOG 0,1", lab("ecog", 2, "{score}"))).as("not the decimal 0.1").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("ECOG performance status 3, 4", lab("ecog", 3, "{score}"))).isEqualTo(Truth.MET);
    assertThat(exclusion("ECOG performance status 3, 4", lab("ecog", 2, "{score}"))).isEqualTo(Truth.NOT_MET);
    // grades that are not consecutive are no range
    assertThat(inclusion("ECOG 0, 2", lab("ecog", 1, "{score}"))).isEqualTo(Truth.UNKNOWN);
  }

  static Facts creatinineAndClearance(double creatinine, double clearance) {
    return adult().lab("creatinine", creatinine, "mg/dL", "2026-05-20", 1.2)
        .lab("creatinine-clearance", clearance, "mL/min", "2026-05-20");
  }

  /**
   * "Creatinine ≤ 1.5 × ULN OR creatinine clearance ≥ 30 mL/min for participants with creatinine levels &gt; 1.5 ×
   * ULN": the group is those who fail the first alternative, so the sentence is either limit. Read as a group, the
   * sentence mixed "and" and "or" and every patient was asked, also one who plainly met or failed both.
   */
  @Test
  void aSecondAlternativeForThoseWhoFailTheFirstIsEitherLimit() {
    for (String sentence : List.of(
        "Creatinine ≤1.5 × upper limit of normal (ULN) OR measured or calculated creatinine clearance (CrCl) ≥30 mL/min "
            + "for participant with creatinine levels >1.5 × institutional ULN",
        "Serum creatinine ≤ 1.5 x ULN, or creatinine clearance ≥ 30 mL/min for patients with creatinine levels "
            + "> 1.5 x ULN",
        "Serum creatinine ≤ 1.5 × ULN or calculated creatinine clearance ≥ 30 mL/min if serum creatinine > 1.5 × ULN")) {
      assertThat(inclusion(sentence, creatinineAndClearance(2.0, 65))).as("creatinine 1.7 × ULN, clearance 65: "
          + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, creatinineAndClearance(2.0, 25))).as("creatinine 1.7 × ULN, clearance 25: "
          + sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult().lab("creatinine", 1.0, "mg/dL", "2026-05-20", 1.2)))
          .as("creatinine below the ULN, no clearance: " + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().lab("creatinine", 2.0, "mg/dL", "2026-05-20", 1.2)))
          .as("creatinine 1.7 × ULN, no clearance (no weight to estimate it): " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    String bilirubin = "Total bilirubin ≤1.5 ×ULN OR direct bilirubin ≤ULN for participants with total bilirubin levels "
        + ">1.5 × ULN";
    Facts highTotal = adult().lab("bilirubin-total", 2.0, "mg/dL", "2026-05-20", 1.2);
    assertThat(inclusion(bilirubin, highTotal.lab("bilirubin-direct", 0.2, "mg/dL", "2026-05-20", 0.3)))
        .as("total 1.7 × ULN, direct within the ULN").isEqualTo(Truth.MET);
    assertThat(inclusion(bilirubin, adult().lab("bilirubin-total", 2.0, "mg/dL", "2026-05-20", 1.2)
        .lab("bilirubin-direct", 0.6, "mg/dL", "2026-05-20", 0.3))).as("total and direct above").isEqualTo(Truth.NOT_MET);
    // a group that is not the first limit's exact opposite is not dropped: creatinine between 1.5 and 2 × ULN fails
    assertThat(inclusion("Serum creatinine ≤ 1.5 × ULN or creatinine clearance ≥ 30 mL/min for patients with creatinine "
        + "> 2 × ULN", creatinineAndClearance(2.0, 65))).isEqualTo(Truth.UNKNOWN);
  }

  /**
   * "QTcF ≤ 470 ms": the record's QTc does not say its formula, and ECG machines mostly report Bazett's, which reads
   * higher than Fridericia's at heart rates over 60 (a QTcB of 480 ms at 80/min is a QTcF near 455 ms). A QTc that
   * fails a limit naming a formula, or would exclude on it, is asked; one that meets it decides.
   */
  @Test
  void aQtcLimitNamingItsFormulaNeverFailsOnAQtcOfUnknownFormula() {
    for (String sentence : List.of("QTcF ≤ 470 ms", "QTc ≤ 470 ms (Fridericia)",
        "Corrected QT interval (QTcF) ≤ 470 msec at screening")) {
      assertThat(inclusion(sentence, lab("qtc", 480, "ms"))).as("QTc 480: " + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, lab("qtc", 450, "ms"))).as("QTc 450: " + sentence).isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("QTcF > 480 msec", "QTc interval > 480 ms (Fridericia's correction)",
        "Mean resting QTcB > 480 ms")) {
      assertThat(exclusion(sentence, lab("qtc", 490, "ms"))).as("QTc 490: " + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, lab("qtc", 450, "ms"))).as("QTc 450: " + sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Corrected QT interval (QTcF) > 450 ms for men or > 470 ms for women", lab("qtc", 460, "ms")))
        .as("a man at 460").isEqualTo(Truth.UNKNOWN);
    // an item under a list heading, read into the heading's rule, too
    String list = "Exclusion Criteria:\n\n* Any of the following cardiac conditions:\n  * QTcF > 470 ms\n  * LVEF < 40%\n";
    assertThat(ParsedVerdictsTest.compiled(list, lab("qtc", 490, "ms").lab("lvef", 55, "%", "2026-05-20")).values())
        .as("QTc 490, LVEF 55").containsExactly(Truth.UNKNOWN);
    assertThat(ParsedVerdictsTest.compiled(list, lab("qtc", 450, "ms").lab("lvef", 55, "%", "2026-05-20")).values())
        .as("QTc 450, LVEF 55").containsExactly(Truth.NOT_MET);
    // a limit without a formula takes the record's QTc
    assertThat(exclusion("QTc > 480 ms", lab("qtc", 490, "ms"))).isEqualTo(Truth.MET);
    assertThat(inclusion("QTc ≤ 470 ms", lab("qtc", 480, "ms"))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * The NCI template's "Total bilirubin within normal institutional limits" and "Creatinine within normal institutional
   * limits OR creatinine clearance ≥ 60 mL/min/1.73 m2 for patients with creatinine levels above institutional normal"
   * were unread: every patient was asked. For kidney and liver tests the limit of normal is the ULN.
   */
  @Test
  void withinNormalInstitutionalLimitsIsAtMostTheUpperLimitOfNormal() {
    for (String sentence : List.of("Total bilirubin within normal institutional limits",
        "Total bilirubin within normal limits", "Serum bilirubin must be within the normal range")) {
      assertThat(inclusion(sentence, adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20", 1.2)))
          .as("1.0 under a ULN of 1.2: " + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().lab("bilirubin-total", 2.0, "mg/dL", "2026-05-20", 1.2)))
          .as("2.0 over a ULN of 1.2: " + sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20")))
          .as("no reference range: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    String nci = "Creatinine within normal institutional limits OR creatinine clearance ≥ 60 mL/min/1.73 m2 for patients "
        + "with creatinine levels above institutional normal";
    assertThat(inclusion(nci, adult().lab("creatinine", 1.0, "mg/dL", "2026-05-20", 1.2))).isEqualTo(Truth.MET);
    assertThat(inclusion(nci, adult().lab("creatinine", 2.0, "mg/dL", "2026-05-20", 1.2)
        .lab("creatinine-clearance", 40, "mL/min", "2026-05-20").lab("egfr", 38, "mL/min/{1.73_m2}", "2026-05-20")))
        .as("creatinine over the ULN, clearance and eGFR under 60").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Creatinine above institutional normal", adult().lab("creatinine", 2.0, "mg/dL", "2026-05-20",
        1.2))).isEqualTo(Truth.MET);
    // a range with its numbers is no limit of normal
    assertThat(inclusion("Total bilirubin within the range of 0.3 to 1.5 mg/dL",
        adult().lab("bilirubin-total", 1.4, "mg/dL", "2026-05-20", 1.2))).isNotEqualTo(Truth.NOT_MET);
    // counts and electrolytes are bounded from below too: not read as the ULN alone
    assertThat(inclusion("Potassium within normal limits", potassium(2.9))).isEqualTo(Truth.UNKNOWN);
  }

  static Facts potassium(double value) {
    return ParsedVerdictsTest.potassium(value);
  }
  /**
   * "ECOG 0, 1, or 2 prior to disease onset", "Premorbid ECOG 0-2": the score as it was before the illness, which the
   * latest score (taken during it) does not give. Read as the latest, a patient whom the illness brought to ECOG 3 was
   * failed (DECISIONS §63); the sentence is asked, as "at diagnosis" already was. A window before a study moment ("within
   * 14 days prior to registration") still takes the latest.
   */
  @Test
  void aScoreOrLimitBeforeTheIllnessIsAskedNotTakenFromTheLatest() {
    for (String sentence : List.of("ECOG performance status 0, 1, or 2 prior to disease onset",
        "ECOG performance status ≤ 2 prior to the diagnosis of AML", "ECOG 0-2 prior to COVID-19 diagnosis",
        "Premorbid ECOG performance status 0-2", "Pre-illness ECOG 0-1 or 2",
        "ECOG ≤ 2 before hospital admission", "WHO performance status 0-2 prior to the start of the current illness")) {
      assertThat(inclusion(sentence, lab("ecog", 3, "{score}"))).as("ECOG 3 now: " + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, lab("ecog", 1, "{score}"))).as("ECOG 1 now: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Karnofsky ≥ 60 prior to the onset of the current illness", lab("karnofsky", 40, "{score}")))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Serum creatinine < 2 mg/dL prior to the diagnosis of myeloma",
        lab("creatinine", 2.4, "mg/dL"))).as("a creatinine before the myeloma").isEqualTo(Truth.UNKNOWN);
    // in the exclusion list the present score is no past one either
    assertThat(exclusion("ECOG ≥ 3 prior to the diagnosis of AML", lab("ecog", 1, "{score}"))).isEqualTo(Truth.UNKNOWN);
    // a window before a moment of the study is the latest result's
    assertThat(inclusion("ECOG 0, 1, or 2 within 14 days prior to registration", lab("ecog", 3, "{score}")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Creatinine ≤ 1.5 mg/dL within 14 days before the first dose", lab("creatinine", 1.2, "mg/dL")))
        .isEqualTo(Truth.MET);
  }
  /**
   * "Serum creatinine within normal limits for age": the limits a laboratory reports beside a child's result are those
   * for the child's age, as §46 reads "≤ 1.5 × ULN for age". "Age" stood unread beside the limit, so a patient within
   * the record's range was asked (DECISIONS §63).
   */
  @Test
  void withinNormalLimitsForAgeIsTheLaboratorysOwnLimit() {
    record Case(String sentence, String measure, String unit, double within, double above, double uln) { }
    for (Case c : List.of(new Case("Serum creatinine within normal limits for age", "creatinine", "mg/dL", 0.5, 0.9,
            0.7),
        new Case("Total bilirubin within the normal range for age", "bilirubin-total", "mg/dL", 0.8, 1.6, 1.2),
        new Case("ALT within institutional normal limits for age and sex", "alt", "U/L", 30, 60, 45),
        new Case("Adequate renal function (creatinine within normal limits for the patient's age)", "creatinine",
            "mg/dL", 0.5, 0.9, 0.7))) {
      assertThat(inclusion(c.sentence(), adult().lab(c.measure(), c.within(), c.unit(), "2026-05-20", c.uln())))
          .as("within the range: " + c.sentence()).isEqualTo(Truth.MET);
      assertThat(inclusion(c.sentence(), adult().lab(c.measure(), c.above(), c.unit(), "2026-05-20", c.uln())))
          .as("above the range: " + c.sentence()).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(c.sentence(), adult().lab(c.measure(), c.within(), c.unit(), "2026-05-20")))
          .as("no range: " + c.sentence()).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aHeadingDefinedByTheFollowingLaboratoryValuesIsItsLimits() {
    // "the following laboratory values" after "as defined by" left the heading unread: a patient meeting every limit
    // was asked
    for (String sentence : java.util.List.of(
        "Adequate organ function as defined by the following laboratory values: creatinine ≤ 1.5 mg/dL",
        "Adequate renal function as defined by the following lab parameters: serum creatinine ≤ 1.5 mg/dL",
        "Adequate kidney function, as evidenced by the following laboratory results: creatinine ≤ 1.5 mg/dL")) {
      assertThat(inclusion(sentence, lab("creatinine", 1.2, "mg/dL"))).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, lab("creatinine", 2.4, "mg/dL"))).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  /**
   * "ECOG 0-2 prior to the current admission": the score before the admission the illness brought, as "before hospital
   * admission" is (§63). Read as the latest score, a patient whom the illness brought to ECOG 3 was failed (§65).
   */
  @Test
  void aScoreBeforeTheCurrentAdmissionIsAsked() {
    for (String sentence : List.of("ECOG 0-2 prior to the current admission", "ECOG ≤ 2 prior to this hospitalization",
        "ECOG 0-2 before the index hospitalization", "ECOG performance status 0-1 prior to ICU admission",
        "ECOG 0-2 prior to current hospitalization",
        "ECOG 0-2 prior to the current admission or at screening")) {
      assertThat(inclusion(sentence, lab("ecog", 3, "{score}"))).as("ECOG 3 now: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Karnofsky ≥ 70 before the present admission", lab("karnofsky", 40, "{score}")))
        .isEqualTo(Truth.UNKNOWN);
    // a moment of the study is still the latest result's
    assertThat(inclusion("ECOG ≤ 2 prior to enrollment", lab("ecog", 3, "{score}"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("ECOG 0-1 before the first dose", lab("ecog", 3, "{score}"))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * "ECOG 0-2 prior to lymphodepletion", "Creatinine ≤ 1.5 mg/dL prior to fludarabine": a limit measured before a
   * treatment still to come. Read as the treatment had, a patient within the limit whose record lists other drugs (or
   * procedures) failed the inclusion (§65).
   */
  @Test
  void aLimitBeforeATreatmentToComeDoesNotRequireTheTreatment() {
    Facts withinLimits = adult().lab("ecog", 1, "{score}", "2026-05-20").lab("creatinine", 1.0, "mg/dL", "2026-05-20")
        .lab("neutrophils", 3.0, "10*9/L", "2026-05-20").lab("platelets", 150, "10*9/L", "2026-05-20")
        .medication("Prednisone", "2024-01-10", null, org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE,
            ParsedVerdictsTest.coded("prednisone"))
        .procedure("Bone marrow biopsy", "2024-01-05", ParsedVerdictsTest.coded("bone-marrow-biopsy"));
    for (String sentence : List.of("ECOG 0-2 prior to lymphodepletion",
        "ECOG 0-1 before the start of lymphodepleting chemotherapy", "Creatinine ≤ 1.5 mg/dL prior to fludarabine",
        "Serum creatinine ≤ 1.5 mg/dL prior to cyclophosphamide",
        "ANC ≥ 1.0 x 10^9/L prior to the first dose of rituximab",
        "Platelet count ≥ 50 x 10^9/L before stem cell transplantation",
        "ECOG 0-2 prior to autologous stem cell transplant")) {
      assertThat(inclusion(sentence, withinLimits)).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
    // the limit still decides a patient outside it
    assertThat(inclusion("Creatinine ≤ 1.5 mg/dL prior to fludarabine", lab("creatinine", 2.4, "mg/dL")))
        .isEqualTo(Truth.NOT_MET);
    // a treatment named without a limit before it is still one had
    assertThat(exclusion("Rituximab prior to splenectomy", adult().medication("Rituximab", "2024-01-10", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, ParsedVerdictsTest.coded("rituximab"))
        .procedure("Splenectomy", "2024-06-01", ParsedVerdictsTest.coded("splenectomy")))).isEqualTo(Truth.MET);
  }
}
