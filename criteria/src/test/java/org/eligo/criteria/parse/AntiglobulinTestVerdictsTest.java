package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * The direct antiglobulin (Coombs) test read as the record's coded DAT results (DECISIONS §86), for patients of an
 * autoimmune hemolytic anemia trial: a positive IgG DAT, a negative DAT, no DAT on record, a C3d-only DAT. The
 * evaluation date is 2026-06-01.
 */
class AntiglobulinTestVerdictsTest {

  static String inclusion(String sentence) {
    return "Inclusion Criteria:\n\n* " + sentence + "\n\nExclusion Criteria:\n\n* Pregnancy\n";
  }

  static String exclusion(String sentence) {
    return "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n* " + sentence + "\n";
  }

  static Facts waiha() {
    return adult().condition("Warm autoimmune hemolytic anemia", ClinicalStatus.ACTIVE, "2025-11-02", null,
        coded("warm-autoimmune-hemolytic-anemia"));
  }

  /** Warm AIHA: polyspecific DAT positive last month, IgG-specific positive, C3-specific negative. */
  static Facts iggPositive() {
    return waiha().coded("dat", "positive", "2026-05-10").coded("dat-igg", "positive", "2026-05-10")
        .coded("dat-c3", "negative", "2026-05-10");
  }

  /** A recent polyspecific DAT that is negative. */
  static Facts datNegative() {
    return waiha().coded("dat", "negative", "2026-05-10");
  }

  /** Cold agglutinin pattern: C3-specific positive, IgG-specific negative. */
  static Facts c3Only() {
    return waiha().coded("dat-igg", "negative", "2026-05-10").coded("dat-c3", "positive", "2026-05-10");
  }

  @Test
  void aPositiveDatIsMetByAnyPositiveDatFailedByANegativeOneAndAskedWithoutOne() {
    for (String sentence : List.of(
        "Positive DAT (Coombs test) at screening",
        "Positive direct Coombs test",
        "Direct antiglobulin test (DAT) positive",
        "Direct antiglobulin test positive within 3 months prior to screening",
        "DAT positive for IgG and/or C3d",
        "Has a positive direct antiglobulin test with IgG and/or C3d within 6 months before screening")) {
      assertThat(compiled(inclusion(sentence), iggPositive()).get("inc-1")).as("IgG DAT positive: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), c3Only()).get("inc-1")).as("C3d only: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), datNegative()).get("inc-1")).as("DAT negative: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), waiha()).get("inc-1")).as("no DAT on record: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), waiha().coded("dat", "negative", "2025-11-01")).get("inc-1"))
          .as("only a negative DAT older than the window: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aDatPositiveForIggIsNotMetByC3dAlone() {
    for (String sentence : List.of(
        "DAT positive for IgG or IgG + C3d",
        "Positive direct antiglobulin test (DAT) for IgG (with or without C3d)",
        "Positive DAT for IgG",
        "Direct Coombs test positive for IgG ± C3d",
        "Direct Coombs positive (IgG)",
        "Positive DAT with anti-IgG or anti-IgG plus anti-C3d")) {
      assertThat(compiled(inclusion(sentence), iggPositive()).get("inc-1")).as("IgG DAT positive: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), c3Only()).get("inc-1")).as("C3d only: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), datNegative()).get("inc-1")).as("DAT negative: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), waiha()).get("inc-1")).as("no DAT on record: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), waiha().coded("dat", "positive", "2026-05-10")).get("inc-1"))
          .as("a polyspecific positive says nothing of IgG: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aDatPositiveForC3dIsMetByTheColdPattern() {
    for (String sentence : List.of(
        "DAT positive for C3d",
        "Direct antiglobulin test (DAT) positive for complement",
        "Positive direct Coombs test for C3",
        "DAT positive for C3d only")) {
      assertThat(compiled(inclusion(sentence), c3Only()).get("inc-1")).as("C3d only: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), iggPositive()).get("inc-1")).as("IgG only: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), waiha()).get("inc-1")).as("no DAT on record: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aDatThatShowedTheDiagnosisIsAnyPositiveAndALaterNegativeNeverFailsIt() {
    for (String sentence : List.of(
        "Diagnosis of warm autoimmune hemolytic anemia with a positive direct antiglobulin test (DAT) for IgG (with"
            + " or without C3d)",
        "Documented positive direct antiglobulin test",
        "wAIHA confirmed by a positive DAT for IgG and/or C3d",
        "History of a positive Coombs test")) {
      // positive at diagnosis, negative after treatment
      Facts treated = waiha().coded("dat-igg", "positive", "2025-11-02").coded("dat", "negative", "2026-05-10");
      assertThat(compiled(inclusion(sentence), treated).get("inc-1")).as("positive at diagnosis: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), datNegative()).get("inc-1")).as("only a later negative: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), waiha()).get("inc-1")).as("no DAT on record: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Positive IgG DAT at diagnosis (November), negative polyspecific DAT last month after treatment. */
  static Facts treated() {
    return waiha().coded("dat-igg", "positive", "2025-11-02").coded("dat", "negative", "2026-05-10");
  }

  @Test
  void aDatSaidInThePastOrAtTheDiagnosisIsAnyPositiveNeverTheLatestNegative() {
    // read as the latest result, each failed the treated patient whose DAT had turned negative (§86 review)
    for (String sentence : List.of(
        "Has had a positive direct antiglobulin test",
        "Patients must have had a positive DAT at any time before screening",
        "Positive DAT at any time since diagnosis",
        "A positive direct antiglobulin test (IgG) at any point during the course of the disease",
        "Positive direct Coombs test at disease onset",
        "Positive DAT (IgG ± C3d) at time of AIHA diagnosis",
        "Direct antiglobulin test was positive when AIHA was diagnosed")) {
      assertThat(compiled(inclusion(sentence), treated()).get("inc-1")).as("positive at diagnosis: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), datNegative()).get("inc-1")).as("only a later negative: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(compiled(exclusion("Positive DAT at any time"), treated()).get("exc-1")).isEqualTo(Truth.MET);
  }

  @Test
  void aDatAtTheScreeningIsTheLatestWhateverWordsOfThePastComeBefore() {
    // read as any positive at any time, each excluded the treated patient on the DAT of her diagnosis
    for (String sentence : List.of(
        "Prior history of AIHA with a positive DAT at screening",
        "History of wAIHA and positive direct Coombs test at baseline",
        "Documented wAIHA with a DAT positive for IgG at the time of screening",
        "Prior splenectomy or positive direct antiglobulin test")) {
      assertThat(compiled(exclusion(sentence), treated()).get("exc-1")).as("negative now: %s", sentence)
          .isNotEqualTo(Truth.MET);
      assertThat(compiled(exclusion(sentence), iggPositive()).get("exc-1")).as("positive now: %s", sentence)
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void aNegativeDatOfThePastIsAskedNotReadAsNeverPositive() {
    // read as no positive at any time, each failed a patient with a documented negative DAT after a positive one
    for (String sentence : List.of("Documented negative DAT", "History of a negative direct Coombs test",
        "Previous direct antiglobulin test negative")) {
      assertThat(compiled(inclusion(sentence), treated()).get("inc-1")).as("negative now, positive before: %s",
          sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aNegativeDatInTheExclusionsExcludesOnARecentNegativeOnly() {
    for (String sentence : List.of(
        "Direct Coombs test negative",
        "DAT negative",
        "Negative direct antiglobulin test at screening")) {
      assertThat(compiled(exclusion(sentence), datNegative()).get("exc-1")).as("DAT negative: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(exclusion(sentence), iggPositive()).get("exc-1")).as("IgG DAT positive: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), c3Only()).get("exc-1")).as("C3d only: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), waiha()).get("exc-1")).as("no DAT on record: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    // a disease named Coombs-negative is the DAT at its diagnosis: a negative now does not make it so
    for (String sentence : List.of("Coombs-negative AIHA", "DAT-negative hemolytic anemia",
        "Coombs-negative autoimmune hemolytic anemia")) {
      assertThat(compiled(exclusion(sentence), datNegative()).get("exc-1")).as("DAT negative now: %s", sentence)
          .isNotEqualTo(Truth.MET);
      assertThat(compiled(exclusion(sentence), iggPositive()).get("exc-1")).as("IgG DAT positive: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aDiseaseSaidExcludedInTheInclusionListIsNeverRequired() {
    // "… is excluded" left unread beside the disease, the disease was required: the warm AIHA patient with a positive
    // DAT, whom each sentence admits, was failed (§86 review)
    for (String sentence : List.of("Coombs-negative AIHA is excluded", "Cold agglutinin disease is excluded",
        "Evans syndrome is excluded", "Mixed-type AIHA excluded")) {
      assertThat(compiled(inclusion(sentence), iggPositive()).get("inc-1")).as("warm AIHA, DAT positive: %s",
          sentence).isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void theIndirectAntiglobulinTestIsNoDat() {
    for (String sentence : List.of("Positive indirect Coombs test", "Positive indirect antiglobulin test")) {
      assertThat(compiled(inclusion(sentence), iggPositive()).get("inc-1")).as("%s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void indirectBilirubinIsItsOwnMeasureNeverTotalBilirubin() {
    // total 1.6 mg/dL (ULN 1.2): 1.3 x ULN; the indirect fraction of a hemolysing patient may be > 1.5 x its own ULN
    Facts totalOnly = waiha().lab("bilirubin-total", 1.6, "mg/dL", "2026-05-10", 1.2);
    // a cholestatic picture: total 4.0 mg/dL (3.3 x ULN), most of it direct
    Facts cholestatic = waiha().lab("bilirubin-total", 4.0, "mg/dL", "2026-05-10", 1.2);
    Facts indirectHigh = waiha().lab("bilirubin-indirect", 1.6, "mg/dL", "2026-05-10", 0.8);
    for (String sentence : List.of("Indirect bilirubin > 1.5 × ULN", "Unconjugated bilirubin > 1.5 x ULN",
        "Bilirubin, indirect > 1.5 times the upper limit of normal")) {
      assertThat(compiled(inclusion(sentence), totalOnly).get("inc-1")).as("only total bilirubin: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), indirectHigh).get("inc-1")).as("indirect 2 x ULN: %s", sentence)
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Indirect bilirubin > 3 x ULN", "Unconjugated bilirubin > 3 × ULN",
        "Indirect (unconjugated) bilirubin > 3 times ULN")) {
      assertThat(compiled(exclusion(sentence), cholestatic).get("exc-1")).as("total 3.3 x ULN: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }
}
