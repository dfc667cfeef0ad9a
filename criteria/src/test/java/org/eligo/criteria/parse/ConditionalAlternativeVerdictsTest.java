package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §91: "X, or Y if on Z" / "X, or Y in patients with Z": a second limit of the same measure for some patients after
 * "or" had its branch unparsed; it is any of (X, all of (Z, Y)), Z asked when the record cannot name it.
 */
class ConditionalAlternativeVerdictsTest {

  private static Facts onEltrombopag(double platelets) {
    return adult().medication("Eltrombopag", "2026-04-01", null, ExposureStatus.ACTIVE, coded("eltrombopag"))
        .lab("platelets", platelets, "10*9/L", "2026-05-20");
  }

  /** A medication list with no ITP treatment on it. */
  private static Facts onAspirinOnly(double platelets) {
    return adult().medication("Aspirin", "2025-01-01", null, ExposureStatus.ACTIVE, coded("aspirin"))
        .lab("platelets", platelets, "10*9/L", "2026-05-20");
  }

  @Test
  void aSecondLimitForPatientsOnATreatmentHoldsOnlyForThem() {
    for (String sentence : List.of(
        "Platelet count < 30 × 10^9/L, or < 50 × 10^9/L if on a stable dose of ITP therapy",
        "Platelet count < 30 × 10^9/L or < 50 × 10^9/L for patients receiving ITP treatment",
        "Platelet count below 30 × 10^9/L, or below 50 × 10^9/L in patients on ITP medication",
        "Platelets < 30 × 10^9/L, or < 50 if receiving a TPO-RA")) {
      assertThat(inclusion(sentence, onAspirinOnly(20))).as(sentence + ": at 20").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, onEltrombopag(40))).as(sentence + ": at 40 on eltrombopag for 2 months")
          .isIn(Truth.MET, Truth.UNKNOWN);
      // "ITP therapy" is a class by use whose members cannot be closed (anti-D, dapsone …): a list without its
      // ITP-only members is asked (§91 review); a TPO-RA is a class like any other
      assertThat(inclusion(sentence, onAspirinOnly(40))).as(sentence + ": at 40, no ITP drug on the list")
          .isEqualTo(sentence.contains("TPO-RA") ? Truth.NOT_MET : Truth.UNKNOWN);
      assertThat(inclusion(sentence, onEltrombopag(60))).as(sentence + ": at 60 on eltrombopag")
          .isEqualTo(Truth.NOT_MET);
    }
    // a treatment named without a stable dose decides
    assertThat(inclusion("Platelet count < 30 × 10^9/L or < 50 × 10^9/L for patients receiving ITP treatment",
        onEltrombopag(40))).isEqualTo(Truth.MET);
  }

  @Test
  void aSecondLimitForAGroupTheRecordCannotNameIsAskedNeverFailed() {
    for (String sentence : List.of(
        "ANC ≥ 1.5 × 10^9/L, or ≥ 1.0 × 10^9/L in patients with marrow involvement",
        "Absolute neutrophil count ≥ 1.5 × 10^9/L, or ≥ 1.0 in patients with bone marrow infiltration",
        "ANC ≥ 1.5 × 10^9/L or ≥ 1.0 × 10^9/L for subjects with documented marrow involvement by lymphoma")) {
      Facts low = adult().lab("anc", 1.2, "10*9/L", "2026-05-20");
      assertThat(inclusion(sentence, low)).as(sentence + ": ANC 1.2").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult().lab("anc", 2.0, "10*9/L", "2026-05-20"))).as(sentence + ": ANC 2.0")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().lab("anc", 0.8, "10*9/L", "2026-05-20"))).as(sentence + ": ANC 0.8")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void inTheExclusionListTheSecondLimitExcludesOnlyItsGroup() {
    for (String sentence : List.of(
        "Platelet count < 50 × 10^9/L, or < 75 × 10^9/L if receiving anticoagulants",
        "Platelet count < 50 × 10^9/L or < 75 × 10^9/L in patients on anticoagulation")) {
      Facts anticoagulated = adult().medication("Warfarin", "2025-01-01", null, ExposureStatus.ACTIVE,
          coded("warfarin")).lab("platelets", 60, "10*9/L", "2026-05-20");
      assertThat(exclusion(sentence, anticoagulated)).as(sentence + ": at 60 on warfarin").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, onAspirinOnly(60))).as(sentence + ": at 60, no anticoagulant")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onAspirinOnly(40))).as(sentence + ": at 40").isEqualTo(Truth.MET);
    }
    // a stable dose the record cannot show is asked, never taken from the drug alone
    assertThat(exclusion("Platelet count < 30 × 10^9/L, or < 50 × 10^9/L if on a stable dose of ITP therapy",
        onEltrombopag(40))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void inTheExclusionListASecondLimitThatExcludesFewerRelaxesTheFirstForItsGroup() {
    for (String sentence : List.of(
        "Platelet count < 50 × 10^9/L, or < 30 × 10^9/L in patients receiving a TPO-RA",
        "Platelet count < 50 × 10^9/L or < 30 × 10^9/L if on a thrombopoietin receptor agonist",
        "Platelets below 50 × 10^9/L, or below 30 × 10^9/L for patients treated with eltrombopag")) {
      assertThat(exclusion(sentence, onEltrombopag(40))).as(sentence + ": at 40 on eltrombopag (read as any of the "
          + "limits it was excluded)").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onEltrombopag(20))).as(sentence + ": at 20 on eltrombopag").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, onAspirinOnly(40))).as(sentence + ": at 40, no TPO-RA").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult().lab("platelets", 40, "10*9/L", "2026-05-20")))
          .as(sentence + ": at 40, no medication list").isEqualTo(Truth.UNKNOWN);
    }
    // a group the record cannot name: asked, never excluded on the first limit
    assertThat(exclusion("Serum bilirubin ≥ 1.5 × ULN, or ≥ 4.0 × ULN if the patient has been treated with ATG "
        + "within three weeks of screening", adult().lab("platelets", 40, "10*9/L", "2026-05-20")))
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void endToEndUnderTheInclusionHeading() {
    String text = """
        Inclusion Criteria:

        * Diagnosis of primary ITP
        * Platelet count < 30 × 10^9/L, or < 50 × 10^9/L if on a stable dose of ITP therapy

        Exclusion Criteria:

        * Pregnancy
        """;
    assertThat(compiled(text, onAspirinOnly(20)).get("inc-2")).isEqualTo(Truth.MET);
    assertThat(compiled(text, onAspirinOnly(40)).get("inc-2")).as("the ITP drug may be one the list does not name "
        + "(§91 review)").isEqualTo(Truth.UNKNOWN);
    assertThat(compiled(text, onAspirinOnly(60)).get("inc-2")).isEqualTo(Truth.NOT_MET);
    assertThat(compiled(text, onEltrombopag(40)).get("inc-2")).isIn(Truth.MET, Truth.UNKNOWN);
  }
}
