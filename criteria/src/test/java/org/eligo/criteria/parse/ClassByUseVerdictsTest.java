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
 * §91 review: "ITP therapy" is a class by use. A patient on prednisone, IVIG or rituximab may take it for another
 * disease, and the record does not say what for: only the members given for thrombocytopenia alone (TPO-RAs, rhTPO,
 * fostamatinib) decide; the others are asked where they would exclude, and a list without the specific members is
 * asked, never failed, where the class is required (its membership cannot be closed: anti-D, dapsone, vinca alkaloids,
 * investigational drugs).
 */
class ClassByUseVerdictsTest {

  private static Facts on(String name, String id, String start) {
    return adult().medication(name, start, null, ExposureStatus.ACTIVE, coded(id))
        .lab("platelets", 40, "10*9/L", "2026-05-20");
  }

  private static Facts onPrednisone() {
    return on("Prednisone 10 mg", "prednisone", "2026-05-10");
  }

  private static Facts onIvig() {
    return on("Immune globulin IV", "ivig", "2026-05-25");
  }

  private static Facts onRituximab() {
    return on("Rituximab", "rituximab", "2026-05-20");
  }

  private static Facts onRomiplostim() {
    return on("Romiplostim", "romiplostim", "2026-05-01");
  }

  private static Facts onFostamatinib() {
    return on("Fostamatinib", "fostamatinib", "2026-05-01");
  }

  private static Facts onAspirinOnly() {
    return on("Aspirin", "aspirin", "2025-01-01");
  }

  @Test
  void aDrugGivenForManyDiseasesNeverExcludesOnItsOwnUnderAnItpTherapyWashout() {
    for (String sentence : List.of("Prior ITP therapy within 2 weeks",
        "Treatment with any ITP medication within 14 days prior to randomization",
        "Use of ITP-specific therapy within 4 weeks before Day 1",
        "Received ITP treatment within 30 days of screening",
        "Any ITP-directed treatment within 4 weeks before screening",
        "ITP-specific treatment within 21 days before the first dose")) {
      assertThat(exclusion(sentence, onPrednisone())).as(sentence + ": prednisone, perhaps for asthma (was MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onIvig())).as(sentence + ": IVIG, perhaps for an immunodeficiency (was MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onRituximab())).as(sentence + ": rituximab, perhaps for a lymphoma (was MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onRomiplostim())).as(sentence + ": romiplostim").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, onFostamatinib())).as(sentence + ": fostamatinib").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, onAspirinOnly())).as(sentence + ": aspirin only").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aRequiredItpTherapyIsAskedNeverFailedWhenTheListShowsNoneOnlyForThrombocytopenia() {
    for (String sentence : List.of("Must have received at least one prior ITP therapy",
        "Received at least one prior ITP-directed therapy", "Previously treated with ITP therapy")) {
      assertThat(inclusion(sentence, onRomiplostim())).as(sentence + ": romiplostim").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, onAspirinOnly())).as(sentence + ": aspirin only, the ITP drug perhaps unnamed "
          + "(dapsone, anti-D; was NOT_MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, onPrednisone())).as(sentence + ": prednisone, given for what?")
          .isEqualTo(Truth.UNKNOWN);
    }
    // a denial in the inclusion list excludes as the exclusion list does
    for (String sentence : List.of("No ITP therapy within 4 weeks prior to screening",
        "No ITP treatment within 14 days before the first dose")) {
      assertThat(inclusion(sentence, onPrednisone())).as(sentence + ": prednisone (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      Facts lastWeek = adult().medication("Romiplostim", "2026-04-01", "2026-05-25", ExposureStatus.COMPLETED,
          coded("romiplostim"));
      assertThat(inclusion(sentence, lastWeek)).as(sentence + ": romiplostim last week").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, onAspirinOnly())).as(sentence + ": aspirin only").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aSecondLimitForPatientsOnItpTherapyNeverFailsAPatientWhoseItpDrugIsUnnamed() {
    for (String sentence : List.of(
        "Platelet count < 30 × 10^9/L, or < 50 × 10^9/L for patients receiving ITP treatment",
        "Platelet count below 30 × 10^9/L, or below 50 × 10^9/L in patients on ITP medication")) {
      assertThat(inclusion(sentence, onAspirinOnly())).as(sentence + ": at 40, aspirin only (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, onRomiplostim())).as(sentence + ": at 40 on romiplostim").isEqualTo(Truth.MET);
    }
  }

  @Test
  void endToEndUnderTheExclusionHeading() {
    String text = """
        Inclusion Criteria:

        * Diagnosis of primary ITP

        Exclusion Criteria:

        * Prior ITP therapy within 2 weeks
        """;
    assertThat(compiled(text, onPrednisone()).get("exc-1")).isEqualTo(Truth.UNKNOWN);
    assertThat(compiled(text, onRomiplostim()).get("exc-1")).isEqualTo(Truth.MET);
  }
}
