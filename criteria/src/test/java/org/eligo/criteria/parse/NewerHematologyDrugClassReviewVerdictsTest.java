package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ComplementInhibitorClassVerdictsTest.byText;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * What a fresh-eyes review of DECISIONS 94 found wrong, tested for the patients it failed (DECISIONS 94, review).
 */
class NewerHematologyDrugClassReviewVerdictsTest {

  /** A course of the drug, given and ended, as the record's text names it. */
  private static Facts course(String text, String start, String end) {
    return adult().medication(text, start, end, ExposureStatus.COMPLETED, byText(text));
  }

  @Test
  void aLengthOfTreatmentBeforeEnrollmentInTheExclusionListNoLongerExcludesACourseThatEndedLongAgo() {
    // a 6-month course of eltrombopag that ended in 2022, a 3-month prednisone taper in 2023, four weekly doses of
    // rituximab in 2021: read as "a course that long at any time", each of these sentences excluded the patient,
    // though the trial may as well mean use in the weeks before enrollment (a washout written with "for")
    Facts eltrombopag = course("Eltrombopag 50 mg tablet", "2022-01-10", "2022-07-10");
    Facts prednisone = course("Prednisone 20 mg tablet", "2023-02-01", "2023-05-01");
    Facts rituximab = course("Rituximab 375 mg/m2 IV weekly x4", "2021-03-01", "2021-03-22");
    List<Object[]> cases = List.of(
        new Object[] {"Use of a TPO receptor agonist for at least 4 weeks before enrollment is not allowed",
            eltrombopag},
        new Object[] {"Treatment with a TPO-RA for ≥ 4 weeks prior to randomization", eltrombopag},
        new Object[] {"Treatment with systemic corticosteroids for more than 14 days prior to randomization",
            prednisone},
        new Object[] {"Use of systemic corticosteroids for at least 2 weeks before Day 1", prednisone},
        new Object[] {"Patients who received rituximab for at least 4 weeks prior to enrollment", rituximab},
        new Object[] {"Received fostamatinib for a minimum of 12 weeks before screening",
            course("Tavalisse 100 mg tablet", "2020-05-01", "2020-11-01")});
    for (Object[] c : cases) {
      String sentence = (String) c[0];
      assertThat(exclusion(sentence, (Facts) c[1])).as(sentence).isEqualTo(Truth.UNKNOWN);
      // a medication list without the drug still decides
      assertThat(exclusion(sentence, course("Folic acid 1 mg tablet", "2024-01-01", "2024-06-01")))
          .as("folic acid only: " + sentence).isEqualTo(Truth.NOT_MET);
    }
    // in the inclusion list a course that long at any time is what trials of prior therapy ask for: still met
    assertThat(inclusion("Received eltrombopag for at least 8 weeks prior to screening", eltrombopag))
        .isEqualTo(Truth.MET);
  }

  @Test
  void copanlisibAnAlphaAndDeltaInhibitorIsAPi3kDeltaInhibitor() {
    // copanlisib inhibits PI3K-alpha and PI3K-delta (its label): a lymphoma patient given it was INELIGIBLE for "prior
    // PI3K-delta inhibitor" (NOT_MET) and passed an exclusion of one; before DECISIONS 94 he was asked
    for (Facts copanlisib : List.of(course("Aliqopa 60 mg IV", "2025-10-06", "2026-03-30"),
        course("Copanlisib 60 mg infusion", "2025-10-06", "2026-03-30"))) {
      assertThat(inclusion("Relapsed after prior treatment with a PI3K delta inhibitor", copanlisib))
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion("Prior treatment with a PI3Kδ inhibitor", copanlisib)).isEqualTo(Truth.MET);
      assertThat(exclusion("Prior exposure to a phosphoinositide 3-kinase delta inhibitor within 6 months",
          copanlisib)).isEqualTo(Truth.MET);
    }
    // an alpha-only inhibitor stays outside
    assertThat(inclusion("Prior treatment with a PI3Kδ inhibitor", course("Piqray 300 mg", "2024-01-08",
        "2024-09-30"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aBtkInhibitorTheWhoFilesAsAnImmunosuppressantIsOneByNameAsByCode() {
    // remibrutinib (L04AA60) and tolebrutinib (L04AA62): coded, the L04 prefix made them immunosuppressants; named,
    // they were not, so the same patient was MET or INELIGIBLE for "prior immunosuppressive therapy" by how the
    // record wrote the drug
    String inclusion = "Previously treated with at least one immunosuppressant";
    String exclusion = "Use of immunosuppressive agents within 4 weeks prior to screening";
    for (String[] drug : List.of(new String[] {"Remibrutinib 25 mg tablet", "L04AA60"},
        new String[] {"Tolebrutinib 60 mg tablet", "L04AA62"})) {
      Facts named = adult().medication(drug[0], "2026-01-05", null, ExposureStatus.ACTIVE, byText(drug[0]));
      Facts coded = adult().medication("Pharmacy item 4711", "2026-01-05", null, ExposureStatus.ACTIVE,
          ParsedVerdictsTest.TERMS.conceptsForCode("http://www.whocc.no/atc", drug[1]).toArray(String[]::new));
      for (Facts p : List.of(named, coded)) {
        assertThat(inclusion(inclusion, p)).as(drug[0]).isEqualTo(Truth.MET);
        assertThat(exclusion(exclusion, p)).as(drug[0]).isEqualTo(Truth.MET);
      }
    }
    // a BTK inhibitor the WHO files as an antineoplastic (L01EL) is not one
    assertThat(inclusion(inclusion, course("Ibrutinib 420 mg capsule", "2025-01-01", "2025-06-01")))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void twoClassesSharingOneHeadAreBothRead() {
    // "BTK/SYK inhibitors", "a BTK or SYK inhibitor", "a C3 or C5 inhibitor": the first class was left unread beside
    // the second, so a patient on ibrutinib or pegcetacoplan was only asked, and so was one on neither
    Facts ibrutinib = course("Imbruvica 420 mg capsule", "2025-11-01", "2026-05-20");
    Facts fostamatinib = course("Tavalisse 150 mg tablet", "2025-11-01", "2026-05-20");
    Facts neither = course("Folic acid 1 mg tablet", "2025-11-01", "2026-05-20");
    for (String sentence : List.of("Prior exposure to BTK/SYK inhibitors",
        "Previously treated with a BTK or SYK inhibitor", "Treatment with a BTK and/or SYK inhibitor within 4 weeks")) {
      assertThat(exclusion(sentence, ibrutinib)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, fostamatinib)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, neither)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Previously treated with at least one BTK or SYK inhibitor", ibrutinib))
        .isEqualTo(Truth.MET);
    String complement = "Received a C3 or C5 inhibitor within 12 weeks";
    assertThat(exclusion(complement, course("Empaveli 1080 mg SC", "2026-02-01", "2026-05-20")))
        .isEqualTo(Truth.MET);
    assertThat(exclusion(complement, course("Soliris 300 mg/30 mL", "2026-02-01", "2026-05-20")))
        .isEqualTo(Truth.MET);
    assertThat(exclusion(complement, course("Fabhalta 200 mg capsule", "2026-02-01", "2026-05-20")))
        .isEqualTo(Truth.NOT_MET);
    // a word that names no class stays asked: "JAK1" beside the JAK2 class, so a patient on tofacitinib is asked
    assertThat(exclusion("Prior treatment with JAK1/JAK2 inhibitors within 4 weeks",
        course("Xeljanz 5 mg tablet", "2026-04-01", "2026-05-25"))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aJakInhibitorIsEveryJakInhibitorAndAJak2InhibitorTheMyelofibrosisOnes() {
    // tofacitinib, baricitinib and upadacitinib (ATC L04AF) were outside "JAK inhibitor": a patient on tofacitinib
    // was INELIGIBLE for "Inadequate response to at least one JAK inhibitor" (NOT_MET) and passed "Prior treatment
    // with a JAK inhibitor"
    Facts tofacitinib = course("Xeljanz 5 mg tablet", "2025-01-10", "2026-03-01");
    Facts upadacitinib = course("Rinvoq 15 mg extended-release tablet", "2025-06-01", "2026-04-01");
    Facts ruxolitinib = course("Jakafi 20 mg tablet", "2025-06-01", "2026-04-01");
    Facts folicAcid = course("Folic acid 1 mg tablet", "2024-01-01", "2024-06-01");
    for (String sentence : List.of("Must have received at least one prior JAK inhibitor",
        "Previously treated with a Janus kinase inhibitor", "Prior JAK inhibitor therapy for at least 3 months")) {
      assertThat(inclusion(sentence, tofacitinib)).as("tofacitinib: " + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, ruxolitinib)).as("ruxolitinib: " + sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, folicAcid)).as("folic acid: " + sentence).isEqualTo(Truth.NOT_MET);
    }
    // the response itself is asked: no longer failed
    assertThat(inclusion("Inadequate response to at least one JAK inhibitor", tofacitinib)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Inadequate response to at least one JAK inhibitor", folicAcid)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior treatment with a JAK inhibitor", upadacitinib)).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior treatment with a JAK inhibitor", folicAcid)).isEqualTo(Truth.NOT_MET);
    // "JAK2 inhibitor" and "JAK1/2 inhibitor" stay the myelofibrosis drugs (ATC L01EJ)
    for (String sentence : List.of("Prior treatment with a JAK2 inhibitor", "Prior therapy with JAK1/2 inhibitors")) {
      assertThat(exclusion(sentence, ruxolitinib)).as("ruxolitinib: " + sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, tofacitinib)).as("tofacitinib: " + sentence).isEqualTo(Truth.NOT_MET);
    }
  }
}
