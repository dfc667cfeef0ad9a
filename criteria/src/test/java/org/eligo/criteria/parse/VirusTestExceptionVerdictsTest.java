package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.patient.InfectionResult.Finding.EXPOSED;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;
import static org.eligo.core.patient.InfectionResult.Finding.NOT_INFECTED;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.hypertensive;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ValueBound;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Exceptions and grants written on a test for the virus (DECISIONS 74): "Positive HCV antibody unless HCV RNA is
 * undetectable", "HCV antibody positive patients are eligible if HCV RNA is undetectable". The patient the exception
 * admits is never excluded; the one whose virus a recent result finds is no longer only asked.
 */
class VirusTestExceptionVerdictsTest {
  static final ViralLoad NOT_DETECTED = ViralLoad.of(ViralLoad.Virus.NOT_DETECTED);

  /** A reactive anti-HCV last month and, this month, an HCV RNA with {@code load}. */
  static Facts antibodyThenRna(String text, ViralLoad load) {
    return hypertensive().antibodyResult("Anti-HCV: Reactive", EXPOSED, "2026-04-10", "hepatitis-c", "infection")
        .viralLoad("hcv-rna", text, load, load.virus() == ViralLoad.Virus.DETECTED ? INFECTED
            : load.virus() == ViralLoad.Virus.NOT_DETECTED ? NOT_INFECTED : null, "2026-05-10", "hepatitis-c",
            "infection");
  }

  static final Facts CLEARED = antibodyThenRna("HCV RNA: Not detected", NOT_DETECTED);
  static final Facts VIRAEMIC = antibodyThenRna("HCV RNA: 250000 IU/mL",
      new ViralLoad(ViralLoad.Virus.DETECTED, 250000, null, ViralLoad.IU_PER_ML));
  static final Facts TRACE = antibodyThenRna("HCV RNA: <15 IU/mL",
      new ViralLoad(ViralLoad.Virus.UNSETTLED, 15, ValueBound.BELOW, ViralLoad.IU_PER_ML));
  static final Facts ANTIBODY_ONLY = hypertensive().antibodyResult("Anti-HCV: Reactive", EXPOSED, "2026-04-10",
      "hepatitis-c", "infection");

  @Test
  void anHcvAntibodyExceptedWhenTheRnaIsUndetectableExcludesOnlyAViraemicPatient() {
    for (String sentence : List.of("Positive HCV antibody unless HCV RNA is undetectable",
        "HCV antibody positive, unless HCV RNA is negative", "Anti-HCV positive unless HCV RNA negative",
        "Positive hepatitis C serology unless HCV RNA is undetectable",
        "Hepatitis C antibody positive (unless HCV RNA not detected)")) {
      assertThat(exclusion(sentence, CLEARED)).as(sentence + ": antibody, RNA not detected").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, VIRAEMIC)).as(sentence + ": antibody, RNA detected").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, TRACE)).as(sentence + ": RNA below the limit of quantification")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, ANTIBODY_ONLY)).as(sentence + ": no RNA on record").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, hypertensive())).as(sentence + ": no hepatitis C").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult())).as(sentence + ": nothing on record").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, CHRONIC_C)).as(sentence + ": hepatitis C listed, no RNA: may be cured")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  /** A problem list that names chronic hepatitis C, with no HCV RNA on record (it may have been cured). */
  static final Facts CHRONIC_C = hypertensive().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01",
      null, coded("hepatitis-c"));

  static Facts hivWithLoad(String text, ViralLoad load) {
    return hypertensive().condition("HIV disease", ClinicalStatus.ACTIVE, "2010-01-01", null, coded("hiv-infection"))
        .viralLoad("hiv-1-rna", text, load, load.virus() == ViralLoad.Virus.DETECTED ? INFECTED : null, "2026-05-10",
            "hiv-infection", "infection");
  }

  @Test
  void anHivOrHepatitisBExceptedOnItsViralLoadExcludesOnlyWhenTheVirusIsFound() {
    Facts suppressed = hivWithLoad("HIV-1 RNA: Not detected", NOT_DETECTED);
    Facts detectable = hivWithLoad("HIV-1 RNA: 12000 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 12000, null, ViralLoad.COPIES_PER_ML));
    for (String sentence : List.of("HIV infection unless HIV viral load is undetectable",
        "HIV seropositive except if HIV-1 RNA is below the limit of detection",
        "Known HIV infection, unless HIV-1 RNA is undetectable")) {
      assertThat(exclusion(sentence, suppressed)).as(sentence + ": treated, load not detected").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, detectable)).as(sentence + ": load detected").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hypertensive())).as(sentence + ": no HIV").isEqualTo(Truth.NOT_MET);
    }
    Facts antiHbcSuppressed = hypertensive()
        .infectionResult("Anti-HBc: Positive", EXPOSED, "2026-05-10", "hepatitis-b", "infection")
        .viralLoad("hbv-dna", "HBV DNA: Not detected", NOT_DETECTED, null, "2026-05-10", "hepatitis-b", "infection");
    assertThat(exclusion("Positive anti-HBc unless HBV DNA is undetectable", antiHbcSuppressed))
        .as("anti-HBc, HBV DNA not detected: the exception admits").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupGrantedOnAnUndetectableVirusIsAdmittedWhenARecentResultShowsIt() {
    for (String sentence : List.of("HCV antibody positive patients are eligible if HCV RNA is undetectable",
        "Patients with positive HCV antibody are eligible if HCV RNA is negative",
        "Patients who are anti-HCV positive are eligible provided HCV RNA is undetectable")) {
      assertThat(inclusion(sentence, CLEARED)).as(sentence + ": antibody, RNA not detected").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, VIRAEMIC)).as(sentence + ": RNA detected: not the group admitted")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, ANTIBODY_ONLY)).as(sentence + ": no RNA on record").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, hypertensive())).as(sentence + ": no hepatitis C").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, CHRONIC_C)).as(sentence + ": hepatitis C listed, no RNA: asked")
          .isEqualTo(Truth.UNKNOWN);
    }
    String hiv = "HIV-positive patients are eligible provided HIV-1 RNA is below the limit of detection";
    assertThat(inclusion(hiv, hivWithLoad("HIV-1 RNA: Not detected", NOT_DETECTED))).isEqualTo(Truth.MET);
    assertThat(inclusion(hiv, hivWithLoad("HIV-1 RNA: 12000 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 12000, null, ViralLoad.COPIES_PER_ML)))).isEqualTo(Truth.NOT_MET);
    Facts antiHbcSuppressed = hypertensive()
        .infectionResult("Anti-HBc: Positive", EXPOSED, "2026-05-10", "hepatitis-b", "infection")
        .viralLoad("hbv-dna", "HBV DNA: Not detected", NOT_DETECTED, null, "2026-05-10", "hepatitis-b", "infection");
    assertThat(inclusion("Patients with positive anti-HBc may enroll if HBV DNA is undetectable", antiHbcSuppressed))
        .isEqualTo(Truth.MET);
  }

  @Test
  void aGroupRequiredToHaveAnUndetectableHcvRnaIsAskedNotFailedOnItsProblemList() {
    // read as current hepatitis C, the requirement failed a patient whose problem list still names the disease
    // (possibly cured) and whose record holds no HCV RNA
    Facts chronicCured = hypertensive().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-c")).viralLoad("hcv-rna", "HCV RNA: Not detected", NOT_DETECTED, NOT_INFECTED, "2026-05-10",
        "hepatitis-c", "infection");
    for (String sentence : List.of("Patients with a history of hepatitis C must have undetectable HCV RNA",
        "Subjects with prior HCV infection must have negative HCV RNA at screening",
        "HCV antibody-positive patients must have undetectable HCV RNA",
        "Participants with a history of hepatitis C infection should have undetectable HCV RNA")) {
      assertThat(inclusion(sentence, CHRONIC_C)).as(sentence + ": hepatitis C listed, no RNA").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, chronicCured)).as(sentence + ": hepatitis C listed, RNA not detected")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, CLEARED)).as(sentence + ": antibody, RNA not detected").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, VIRAEMIC)).as(sentence + ": RNA detected").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hypertensive())).as(sentence + ": no hepatitis C").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, CHRONIC_C)).as(sentence + " (exclusion list)").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, VIRAEMIC)).as(sentence + " (exclusion list)").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aGrantOrExceptionWithMoreThanAVirusTestStaysAsked() {
    Facts antiHbcSuppressed = hypertensive()
        .infectionResult("Anti-HBc: Positive", EXPOSED, "2026-05-10", "hepatitis-b", "infection")
        .viralLoad("hbv-dna", "HBV DNA: Not detected", NOT_DETECTED, null, "2026-05-10", "hepatitis-b", "infection");
    assertThat(inclusion("Patients with positive anti-HBc may enroll if HBV DNA is negative and they receive "
        + "prophylaxis", antiHbcSuppressed)).as("prophylaxis is not in the record's results").isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("HBsAg-positive or anti-HBc-positive (unless HBV DNA undetectable)", antiHbcSuppressed))
        .as("the exception may bind the last alternative only: never excluded").isNotEqualTo(Truth.MET);
    assertThat(exclusion("HIV infection unless CD4 count > 350", hivWithLoad("HIV-1 RNA: Not detected",
        NOT_DETECTED))).as("an exception on another test stays asked").isEqualTo(Truth.UNKNOWN);
  }
}
