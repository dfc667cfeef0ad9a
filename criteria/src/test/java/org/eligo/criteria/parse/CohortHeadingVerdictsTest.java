package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import java.util.Map;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Criteria split by cohort, part, arm or stage, as ClinicalTrials.gov records write them (DECISIONS §71): a section
 * heading with a qualifier, a marker-less sub-heading between bullet groups, and the items under a heading that names
 * a subset of the patients, which bind that subset only.
 */
class CohortHeadingVerdictsTest {

  /** What a patient's whole reading comes to, as the screening verdict does. */
  enum Verdict { ELIGIBLE, NEEDS_INFO, INELIGIBLE }

  static Verdict verdict(String text, Facts patient) {
    Map<String, Truth> truths = compiled(text, patient);
    boolean unknown = false;
    for (Map.Entry<String, Truth> e : truths.entrySet()) {
      boolean inclusion = e.getKey().startsWith("inc-");
      if (inclusion && e.getValue() == Truth.NOT_MET || !inclusion && e.getValue() == Truth.MET) {
        return Verdict.INELIGIBLE;
      }
      unknown |= e.getValue() == Truth.UNKNOWN;
    }
    return unknown ? Verdict.NEEDS_INFO : Verdict.ELIGIBLE;
  }

  /** An adult with primary ITP and a platelet count of 20, haemoglobin 130 g/L, not pregnant. */
  static Facts adultWithItp(Sex sex) {
    Facts f = Facts.patient("itp").born("1980-01-01").sex(sex).condition("Primary immune thrombocytopenia",
            ClinicalStatus.ACTIVE, "2025-01-01", null, coded("primary-immune-thrombocytopenia"))
        .lab("platelets", 20, "10*9/L", "2026-05-20").lab("hemoglobin", 130, "g/L", "2026-05-20");
    return sex == Sex.FEMALE ? f.coded("pregnancy-status", "not-pregnant", "2026-05-25") : f;
  }

  static Facts pregnantWithItp() {
    return Facts.patient("preg").born("1994-01-01").sex(Sex.FEMALE).condition("Primary immune thrombocytopenia",
            ClinicalStatus.ACTIVE, "2025-01-01", null, coded("primary-immune-thrombocytopenia"))
        .lab("platelets", 20, "10*9/L", "2026-05-20").lab("hemoglobin", 130, "g/L", "2026-05-20")
        .coded("pregnancy-status", "pregnant", "2026-05-25");
  }

  static final String QUALIFIED_SECTIONS = """
      Inclusion Criteria for Cohort 1 (ITP):

      * Diagnosis of primary ITP
      * Platelet count < 30 x 10^9/L

      Inclusion Criteria for Cohort 2 (warm AIHA):

      * Diagnosis of warm autoimmune hemolytic anemia
      * Hemoglobin < 10 g/dL

      Exclusion Criteria (all cohorts):

      * Pregnancy
      * HIV infection
      """;

  static final String NUMBERED_PARTS = """
      Inclusion Criteria - Part A:

      1. Age 18 years or older
      2. Platelet count < 30 x 10^9/L

      Inclusion Criteria - Part B:

      1. Age 12 to 17 years
      2. Hemoglobin < 10 g/dL

      EXCLUSION CRITERIA FOR ALL PARTS

      1. Pregnancy or breastfeeding
      """;

  static final String SUB_HEADINGS = """
      Inclusion Criteria:

      All participants:

      * Age 18 years or older
      * Able to give informed consent

      Cohort A (ITP):

      * Diagnosis of primary ITP
      * Platelet count < 30 x 10^9/L

      Cohort B (warm AIHA):

      * Diagnosis of warm autoimmune hemolytic anemia
      * Hemoglobin < 10 g/dL

      For Part 2 only:

      * Age 12 to 17 years

      Exclusion Criteria:

      * Pregnancy
      """;

  static final String ARMS_AND_STAGES = """
      Inclusion Criteria:

      1. Diagnosis of primary ITP
      2. Platelet count < 30 x 10^9/L

      Arm B (pediatric):
      3. Age 1 to 11 years
      4. Body weight >= 10 kg

      Exclusion Criteria:

      Stage 2 (dose expansion):
      1. Prior splenectomy
      2. Hemoglobin < 12 g/dL

      General:
      3. Pregnancy
      """;

  static final String DISEASE_GROUPS = """
      Inclusion Criteria:

      Age 18 years or older.

      Patients with ITP:
      Platelet count < 30 x 10^9/L.

      Patients with warm AIHA:
      Hemoglobin < 10 g/dL.

      Exclusion Criteria:

      Pregnancy.
      """;

  @Test
  void anAdultWithItpIsNotRuledOutByAnotherCohortsPartsOrArmsItems() {
    Facts man = adultWithItp(Sex.MALE);
    for (String text : List.of(QUALIFIED_SECTIONS, NUMBERED_PARTS, SUB_HEADINGS, ARMS_AND_STAGES)) {
      // he cannot be placed in a cohort by his record: asked, never failed on the other cohort's limits
      assertThat(verdict(text, man)).as(text).isEqualTo(Verdict.NEEDS_INFO);
    }
    // a disease the record answers places him: the AIHA group's haemoglobin limit does not bind him
    assertThat(verdict(DISEASE_GROUPS, man)).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void itemsUnderAHeadingForASubsetBindThoseInItWhenTheRecordSaysSo() {
    Map<String, Truth> man = compiled(DISEASE_GROUPS, adultWithItp(Sex.MALE));
    assertThat(man.values()).doesNotContain(Truth.UNKNOWN);
    Facts manWithHighCount = Facts.patient("hi").born("1980-01-01").sex(Sex.MALE).condition(
            "Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, "2025-01-01", null,
            coded("primary-immune-thrombocytopenia"))
        .lab("platelets", 80, "10*9/L", "2026-05-20").lab("hemoglobin", 130, "g/L", "2026-05-20");
    assertThat(verdict(DISEASE_GROUPS, manWithHighCount)).as("an ITP patient above his group's limit")
        .isEqualTo(Verdict.INELIGIBLE);
    // the cohort's own limit, failed, still makes him ineligible once he is in it: only its answer is asked
    assertThat(verdict(QUALIFIED_SECTIONS, manWithHighCount)).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void headingsThatBindEveryoneChangeNothing() {
    Facts girl = Facts.patient("g").born("2016-01-01").sex(Sex.FEMALE).condition("Primary immune thrombocytopenia",
            ClinicalStatus.ACTIVE, "2025-01-01", null, coded("primary-immune-thrombocytopenia"))
        .lab("platelets", 20, "10*9/L", "2026-05-20");
    // "All participants:" binds her to "Age 18 years or older"
    assertThat(verdict(SUB_HEADINGS, girl)).isEqualTo(Verdict.INELIGIBLE);
    String applicable = """
        Inclusion criteria applicable to all participants:

        * Age 18 years or older
        * Platelet count < 30 x 10^9/L

        Exclusion criteria:

        * Pregnancy
        """;
    assertThat(verdict(applicable, girl)).isEqualTo(Verdict.INELIGIBLE);
    assertThat(verdict(applicable, adultWithItp(Sex.MALE))).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aPregnantPatientIsExcludedByPregnancyUnderAnExclusionHeadingForEveryone() {
    Facts pregnant = pregnantWithItp();
    for (String text : List.of(QUALIFIED_SECTIONS, NUMBERED_PARTS, SUB_HEADINGS, ARMS_AND_STAGES, DISEASE_GROUPS)) {
      assertThat(verdict(text, pregnant)).as(text).isEqualTo(Verdict.INELIGIBLE);
    }
    // and a woman who is not pregnant is not failed on "Pregnancy" (it had been read as an inclusion: "pregnant")
    Map<String, Truth> woman = compiled(QUALIFIED_SECTIONS, adultWithItp(Sex.FEMALE));
    assertThat(woman).containsKey("exc-1.1").doesNotContainKey("inc-3");
    assertThat(woman.get("exc-1.1")).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(NUMBERED_PARTS, adultWithItp(Sex.FEMALE))).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void anExclusionForOneStageExcludesOnlyThoseInIt() {
    Facts splenectomised = adultWithItp(Sex.MALE).procedure("Splenectomy", "2020-03-01", coded("splenectomy"));
    // "Prior splenectomy" under "Stage 2 (dose expansion):" asks whether he is in stage 2, never excludes him
    assertThat(compiled(ARMS_AND_STAGES, splenectomised).get("exc-1.1")).isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(ARMS_AND_STAGES, splenectomised)).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aBulletedHeadingForACohortAndASectionForHealthyVolunteersBindOnlyThem() {
    Facts man = adultWithItp(Sex.MALE);
    String bulleted = """
        Inclusion Criteria:

        * Age 18 years or older
        * For Part 2 only:
          * Platelet count >= 50 x 10^9/L
        * Cohort B (warm AIHA):
          * Hemoglobin < 10 g/dL

        Exclusion Criteria:

        * Pregnancy
        """;
    String volunteers = """
        Inclusion Criteria for Patients with ITP:

        * Age 18 years or older
        * Platelet count < 30 x 10^9/L

        Inclusion Criteria for Healthy Volunteers:

        * No history of immune thrombocytopenia
        * Platelet count >= 150 x 10^9/L

        Exclusion Criteria:

        * Pregnancy
        """;
    assertThat(verdict(volunteers, man)).as("the volunteers' items do not bind a patient").isEqualTo(Verdict.NEEDS_INFO);
    Facts womanWithoutItp = Facts.patient("w").born("1985-01-01").sex(Sex.FEMALE).condition("Essential hypertension",
            ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension")).lab("platelets", 80, "10*9/L", "2026-05-20")
        .coded("pregnancy-status", "not-pregnant", "2026-05-25");
    // her record places her outside the ITP group: its platelet limit does not bind her
    assertThat(compiled(volunteers, womanWithoutItp).get("inc-1.2")).isEqualTo(Truth.MET);
    assertThat(verdict(bulleted, man)).as("had been INELIGIBLE on part 2's and cohort B's limits")
        .isEqualTo(Verdict.NEEDS_INFO);
  }

  /**
   * Qualified section headings written without ":" (DECISIONS §78): not read as headings, the exclusion section after
   * them was read as inclusion ("Pregnancy" required, every woman who is not pregnant failed) and the heading glued
   * onto the item before it.
   */
  @Test
  void anExclusionSectionHeadedWithoutAColonStillExcludesAndNeverRequires() {
    List<String> texts = List.of("""
        Inclusion Criteria:

        * Age 18 years or older

        Exclusion Criteria for All Participants

        * Pregnancy
        * Serum creatinine > 2.0 mg/dL
        """, """
        INCLUSION CRITERIA FOR ALL SUBJECTS
        1. Age 18 years or older
        EXCLUSION CRITERIA FOR ALL SUBJECTS
        1. Pregnancy
        2. Serum creatinine > 2.0 mg/dL
        """, """
        Inclusion Criteria (Patients with ITP)
        * Age 18 years or older
        * Platelet count < 30 x 10^9/L
        Exclusion Criteria (Patients with ITP)
        * Pregnancy
        * Serum creatinine > 2.0 mg/dL
        """, """
        **Inclusion Criteria: Cohort A**

        * Age 18 years or older

        **Exclusion Criteria: Cohort A**

        * Pregnancy
        * Serum creatinine > 2.0 mg/dL
        """, """
        Inclusion criteria applicable to patients with ITP
        - Age 18 years or older
        Exclusion criteria in patients with ITP
        - Pregnancy
        - Serum creatinine > 2.0 mg/dL
        """);
    Facts woman = adultWithItp(Sex.FEMALE).lab("creatinine", 0.8, "mg/dL", "2026-05-20");
    Facts pregnant = pregnantWithItp().lab("creatinine", 0.8, "mg/dL", "2026-05-20");
    for (String text : texts) {
      assertThat(verdict(text, woman)).as(text).isNotEqualTo(Verdict.INELIGIBLE);
      Verdict pregnantVerdict = verdict(text, pregnant);
      // under "Cohort A" she is asked whether she is in it; else pregnancy excludes her
      assertThat(pregnantVerdict).as(text).isIn(Verdict.INELIGIBLE, Verdict.NEEDS_INFO);
      if (!text.contains("Cohort A")) assertThat(pregnantVerdict).as(text).isEqualTo(Verdict.INELIGIBLE);
    }
  }

  @Test
  void aSectionForHealthyVolunteersWithoutAColonDoesNotBindAPatient() {
    String text = """
        Inclusion Criteria for Patients with ITP

        * Age 18 years or older
        * Platelet count < 30 x 10^9/L

        Inclusion Criteria for Healthy Volunteers

        * Platelet count >= 150 x 10^9/L

        Exclusion Criteria for Healthy Volunteers

        * History of immune thrombocytopenia

        Exclusion Criteria for All Participants

        * Pregnancy
        """;
    // his platelets of 20 and his ITP were held against him under the volunteers' headings
    assertThat(verdict(text, adultWithItp(Sex.MALE))).isNotEqualTo(Verdict.INELIGIBLE);
    assertThat(verdict(text, pregnantWithItp())).isEqualTo(Verdict.INELIGIBLE);
  }

  /**
   * A sub-heading right under the item before it, without a blank line (DECISIONS §78): glued onto that item, it made a
   * rule nobody wrote ("Age >= 18 years Patients with ITP": ITP required of everyone), and the items below it bound
   * everyone (the volunteers' "History of immune thrombocytopenia" excluded an ITP patient).
   */
  @Test
  void aSubHeadingRightUnderAnItemHeadsTheItemsBelowIt() {
    List<String> texts = List.of("""
        Inclusion Criteria:
        * Age 18 years or older
        Patients with warm AIHA:
        * Hemoglobin < 10 g/dL
        Exclusion Criteria:
        * Pregnancy
        Healthy volunteers:
        * History of immune thrombocytopenia
        """, """
        Inclusion Criteria:
        Adult patients:
        1. Age 18 years or older
        2. Platelet count < 30 x 10^9/L
        Adolescents (12 to 17 years):
        1. Age 12 to 17 years
        2. Hemoglobin < 10 g/dL
        Exclusion Criteria:
        1. Pregnancy
        """, """
        Inclusion Criteria:
        - Age 18 years or older
        - Platelet count < 30 x 10^9/L
        Participants in the AIHA group:
        - Hemoglobin < 10 g/dL
        Exclusion Criteria:
        - Pregnancy
        """, """
        Age 18 years or older
        Platelet count < 30 x 10^9/L.
        Patients with warm AIHA:
        Hemoglobin < 10 g/dL
        """);
    Facts man = adultWithItp(Sex.MALE);
    for (String text : texts) {
      assertThat(verdict(text, man)).as(text).isNotEqualTo(Verdict.INELIGIBLE);
    }
    // the first: his record places him outside the AIHA group (its haemoglobin limit holds for him), he is asked
    // whether he is a healthy volunteer; a pregnant woman is still excluded
    assertThat(compiled(texts.get(0), man).get("inc-2.1")).isEqualTo(Truth.MET);
    assertThat(compiled(texts.get(0), man)).containsKeys("inc-1", "exc-1", "exc-2.1").doesNotContainKey("inc-3");
    assertThat(verdict(texts.get(0), pregnantWithItp())).isEqualTo(Verdict.INELIGIBLE);
  }

  /**
   * A line naming an organ system over its lab limits (DECISIONS §78): glued onto the item before ("Platelet count < 50
   * x 10^9/L Coagulation:") it made that item unreadable, so a count of 20 never excluded; it binds everyone, never a
   * subset.
   */
  @Test
  void anOrganSystemLineHeadsItsLimitsForEveryone() {
    List<String> texts = List.of("""
        Inclusion Criteria:
        * Age 18 years or older
        Exclusion Criteria:
        Cardiac:
        * Myocardial infarction within 6 months
        Hematology:
        * Platelet count < 50 x 10^9/L
        Coagulation:
        * INR > 1.5
        """, """
        Inclusion Criteria:

        1. Age 18 years or older

        Exclusion Criteria:

        1. Pregnancy
        2. HIV infection

        Renal function:

        3. Serum creatinine > 2.0 mg/dL

        Haematological parameters:

        4. Platelet count < 50 x 10^9/L
        """, """
        Inclusion Criteria:

        Age 18 years or older.

        Exclusion Criteria:

        Hepatic:
        Total bilirubin > 3 x ULN.
        Hematologic:
        Platelet count < 50 x 10^9/L.
        """);
    Facts man = adultWithItp(Sex.MALE);
    for (String text : texts) {
      // his platelet count of 20 excludes him (it was asked: the item read "… Coagulation:")
      assertThat(verdict(text, man)).as(text).isEqualTo(Verdict.INELIGIBLE);
      // and a count of 120 does not: the lines are no subsets to ask about
      Facts healthyCounts = Facts.patient("m").born("1980-01-01").sex(Sex.MALE).condition("Essential hypertension",
              ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
          .lab("platelets", 120, "10*9/L", "2026-05-20");
      Map<String, Truth> truths = compiled(text, healthyCounts);
      assertThat(truths.entrySet().stream().filter(e -> e.getKey().startsWith("exc-")).map(Map.Entry::getValue))
          .as(text).contains(Truth.NOT_MET).doesNotContain(Truth.MET);
    }
  }

  /**
   * The older NCI PDQ layout (DECISIONS §81): "DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:", "PRIOR
   * CONCURRENT THERAPY:" and under them "Hematopoietic:", "Other:" head limits that bind every patient. Glued onto the
   * item before ("Platelet count < 30,000/mm^3 PATIENT CHARACTERISTICS:"), they made it a question: an eligible woman
   * with ITP and a count of 20 was asked, never found eligible.
   */
  @Test
  void pdqCharacteristicsLinesBindEveryoneAndAreNoQuestions() {
    List<String> texts = List.of("""
        DISEASE CHARACTERISTICS:

        * Diagnosis of primary immune thrombocytopenia
        * Platelet count < 30,000/mm^3

        PATIENT CHARACTERISTICS:

        Hematopoietic:

        * Hemoglobin at least 10 g/dL

        Other:

        * Not pregnant
        """, """
        Inclusion Criteria:
        * Diagnosis of primary immune thrombocytopenia

        Disease characteristics:
        * Platelet count < 30 x 10^9/L

        Patient characteristics:
        * Hemoglobin >= 10 g/dL

        Prior/concurrent therapy:
        * Not pregnant

        Exclusion Criteria:
        * Pregnancy
        """, """
        DISEASE CHARACTERISTICS:
        - Diagnosis of primary immune thrombocytopenia
        - Platelet count less than 30 x 10^9/L
        PATIENT CHARACTERISTICS:
        - Hemoglobin >= 10 g/dL
        - Not pregnant
        PRIOR CONCURRENT THERAPY:
        - Not pregnant
        """);
    for (String text : texts) {
      assertThat(verdict(text, adultWithItp(Sex.FEMALE))).as(text).isEqualTo(Verdict.ELIGIBLE);
      assertThat(verdict(text, pregnantWithItp())).as(text).isEqualTo(Verdict.INELIGIBLE);
      Facts highCount = Facts.patient("hc").born("1980-01-01").sex(Sex.MALE).condition(
              "Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, "2025-01-01", null,
              coded("primary-immune-thrombocytopenia"))
          .lab("platelets", 120, "10*9/L", "2026-05-20").lab("hemoglobin", 130, "g/L", "2026-05-20");
      assertThat(verdict(text, highCount)).as(text).isEqualTo(Verdict.INELIGIBLE);
    }
  }

  /**
   * "Inclusion Criteria for Recipients:" beside "… for Donors:" (DECISIONS §81): the recipients' items bound the donors
   * too, so a healthy donor of 50 failed "Age 12 to 40 years" and "Diagnosis of severe aplastic anemia".
   */
  @Test
  void theRecipientsItemsDoNotFailADonor() {
    List<String> texts = List.of("""
        Inclusion Criteria for Donors:

        * Age 18 to 60 years

        Inclusion Criteria for Recipients:

        * Diagnosis of severe aplastic anemia
        * Age 12 to 40 years
        """, """
        Inclusion Criteria:

        Donors:
        1. Age 18 to 60 years

        Recipients:
        1. Diagnosis of severe aplastic anemia
        2. Age 12 to 40 years
        """, """
        INCLUSION CRITERIA - TRANSPLANT RECIPIENTS:
        - Diagnosis of severe aplastic anemia
        - Age 12 to 40 years
        INCLUSION CRITERIA - RELATED DONORS:
        - Age 18 to 60 years
        """);
    Facts donor = Facts.patient("donor").born("1976-01-01").sex(Sex.MALE)
        .condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
        .lab("hemoglobin", 150, "g/L", "2026-05-20");
    for (String text : texts) {
      assertThat(verdict(text, donor)).as(text).isNotEqualTo(Verdict.INELIGIBLE);
    }
  }

  /**
   * Bold headings with the colon inside the bold (DECISIONS §81): "**Inclusion Criteria:**" left "**" as an unread item
   * every patient was asked, and "* **Disease characteristics:**" over sub-bullets was an unread parent; an eligible
   * woman with ITP was asked, never found eligible.
   */
  @Test
  void boldHeadingsWithTheColonInsideTheBoldAreNoQuestions() {
    List<String> texts = List.of("""
        **Inclusion Criteria:**

        * **Disease characteristics:**
          * Diagnosis of primary immune thrombocytopenia
          * Platelet count < 30 x 10^9/L
        * **Patient characteristics:**
          * Hemoglobin >= 10 g/dL

        **Exclusion Criteria:**

        * Pregnancy
        """, """
        **INCLUSION CRITERIA:**
        1. **Laboratory values:**
           a. Platelet count < 30 x 10^9/L
           b. Hemoglobin >= 10 g/dL
        2. Diagnosis of primary immune thrombocytopenia
        **EXCLUSION CRITERIA:**
        1. Pregnancy
        """, """
        **Key Inclusion Criteria:**
        - Diagnosis of primary immune thrombocytopenia
        - **Hematology:**
          - Platelet count < 30 x 10^9/L

        **Key Exclusion Criteria:**
        - Pregnancy
        """);
    for (String text : texts) {
      assertThat(verdict(text, adultWithItp(Sex.FEMALE))).as(text).isEqualTo(Verdict.ELIGIBLE);
      assertThat(verdict(text, pregnantWithItp())).as(text).isEqualTo(Verdict.INELIGIBLE);
    }
  }

  /**
   * Headings bold or italic by underscores or one asterisk (DECISIONS §84): "__Inclusion Criteria__", "*Exclusion
   * Criteria:*", "_Exclusion Criteria_" were no headings, so the exclusions were read as inclusions ("Pregnancy"
   * required) and an eligible woman with ITP was INELIGIBLE.
   */
  @Test
  void underscoreAndItalicHeadingsSeparateTheExclusions() {
    List<String> texts = List.of("""
        __Inclusion Criteria__

        * Diagnosis of primary immune thrombocytopenia
        * Platelet count < 30 x 10^9/L

        __Exclusion Criteria__

        * Pregnancy
        """, """
        *Inclusion Criteria:*

        * Diagnosis of primary immune thrombocytopenia

        *Exclusion Criteria:*

        * Pregnancy
        """, """
        _Inclusion Criteria:_
        1. Diagnosis of primary immune thrombocytopenia
        2. Platelet count < 30 x 10^9/L
        _Exclusion Criteria:_
        1. Pregnancy
        """, """
        __INCLUSION CRITERIA:__
        - Diagnosis of primary immune thrombocytopenia

        __EXCLUSION CRITERIA:__
        - Pregnancy
        """);
    for (String text : texts) {
      assertThat(verdict(text, adultWithItp(Sex.FEMALE))).as(text).isEqualTo(Verdict.ELIGIBLE);
      assertThat(verdict(text, pregnantWithItp())).as(text).isEqualTo(Verdict.INELIGIBLE);
    }
  }
}
