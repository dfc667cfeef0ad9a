package org.eligo.criteria.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eligo.core.rule.CriterionType;
import org.eligo.criteria.parse.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CriteriaTextSplitterTest {
  final CriteriaTextSplitter splitter = new CriteriaTextSplitter();

  private static List<String> ids(SplitCriteria s) {
    return s.flattened().stream().map(CriterionItem::id).toList();
  }

  private static List<String> texts(SplitCriteria s) {
    return s.flattened().stream().map(CriterionItem::text).toList();
  }

  @Test
  void bulletsWithNestedSubItemsKeepParentAndChildren() {
    String text = "Inclusion Criteria:\n\n* Age 2 or older\n* At least two of the following:\n  * ANC >= 500/uL\n"
        + "  * Platelets >= 20,000/uL\n\nExclusion Criteria:\n\n1. MDS\n2. Pregnancy\n";
    SplitCriteria s = splitter.split(text);
    assertThat(s.headingsFound()).isTrue();
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "inc-2.1", "inc-2.2", "exc-1", "exc-2");
    assertThat(texts(s)).containsExactly("Age 2 or older", "At least two of the following:", "ANC >= 500/uL",
        "Platelets >= 20,000/uL", "MDS", "Pregnancy");
    CriterionItem parent = s.items().get(1);
    assertThat(parent.blockText(text)).isEqualTo("At least two of the following:\n  * ANC >= 500/uL\n"
        + "  * Platelets >= 20,000/uL");
  }

  @Test
  void aNoteThatMoreCriteriaApplyIsNotGluedToTheLastItem() {
    for (String note : List.of("Note: Other protocol-defined inclusion/exclusion criteria may apply",
        "Other protocol-defined Inclusion/Exclusion criteria may apply", "Additional criteria may apply")) {
      String text = "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy\n"
          + "* Serum creatinine > 2.0 mg/dL\n\n" + note + "\n";
      assertThat(texts(splitter.split(text))).as(note).containsExactly("Age 18 or older", "Pregnancy",
          "Serum creatinine > 2.0 mg/dL", note);
    }
    // another note may qualify the item before it, and stays with it
    String qualified = "Exclusion Criteria:\n\n* Rituximab within 6 months\n\nNote: patients given rituximab for "
        + "lymphoma are eligible\n";
    assertThat(splitter.split(qualified).flattened()).hasSize(1);
  }

  @Test
  void romanNumeralsAndHollowBulletsAreSubItems() {
    String text = "Exclusion Criteria:\n\n* Any of the following within 6 months:\n  i. Myocardial infarction\n"
        + "  ii. Stroke\n  iii. Pulmonary embolism\n* The following conditions in the past 3 months:\n"
        + "  o Unstable angina\n  o Deep vein thrombosis\n";
    SplitCriteria s = splitter.split(text);
    assertThat(ids(s)).containsExactly("exc-1", "exc-1.1", "exc-1.2", "exc-1.3", "exc-2", "exc-2.1", "exc-2.2");
    assertThat(texts(s)).containsExactly("Any of the following within 6 months:", "Myocardial infarction", "Stroke",
        "Pulmonary embolism", "The following conditions in the past 3 months:", "Unstable angina",
        "Deep vein thrombosis");
  }

  @Test
  void itemsLetteredOrNumberedOnTheLineOfTheirHeadingAreSubItems() {
    String text = "Exclusion Criteria:\n\n* Any of the following: a) MI within 6 months; b) stroke; c) uncontrolled "
        + "hypertension\n* Any of the following: (i) myocardial infarction (ii) stroke (iii) unstable angina\n"
        + "* History of any of the following within 6 months: 1) myocardial infarction, 2) stroke\n"
        + "* Grade 1) toxicity (a) not listed\n";
    SplitCriteria s = splitter.split(text);
    assertThat(ids(s)).containsExactly("exc-1", "exc-1.1", "exc-1.2", "exc-1.3", "exc-2", "exc-2.1", "exc-2.2",
        "exc-2.3", "exc-3", "exc-3.1", "exc-3.2", "exc-4");
    assertThat(texts(s)).containsExactly("Any of the following:", "MI within 6 months", "stroke",
        "uncontrolled hypertension", "Any of the following:", "myocardial infarction", "stroke", "unstable angina",
        "History of any of the following within 6 months:", "myocardial infarction", "stroke",
        "Grade 1) toxicity (a) not listed");
  }

  @Test
  void aRunOfMarkersGoingOnInTheLineOfAnItemGivesItemsBesideIt() {
    String text = "Inclusion Criteria:\n\n1) Age 18 years or older 2) ECOG 0-1\n\nExclusion Criteria:\n\n"
        + "a) MI within 6 months; b) stroke; c) uncontrolled hypertension\n(i) pregnancy (ii) HIV infection\n";
    SplitCriteria s = splitter.split(text);
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "exc-1", "exc-2", "exc-3", "exc-4", "exc-5");
    assertThat(texts(s)).containsExactly("Age 18 years or older", "ECOG 0-1", "MI within 6 months;", "stroke;",
        "uncontrolled hypertension", "pregnancy", "HIV infection");
  }

  @Test
  void aNumberOrLetterThatClosesAParenthesisOrCompletesAWordIsNoItemMarker() {
    String text = "Inclusion Criteria:\n\n1) Age ≥ 18 years (or ≥ 12 years in cohort 2) at screening\n"
        + "2) Any of the following (see section b) below): a) platelets < 30 x 10^9/L; b) bleeding\n\n"
        + "Exclusion Criteria:\n\n1) Toxicity not resolved to grade 1 (or grade 2) for neuropathy)\n"
        + "2) Stage 2) or 3) chronic kidney disease\n";
    SplitCriteria s = splitter.split(text);
    assertThat(texts(s)).containsExactly("Age ≥ 18 years (or ≥ 12 years in cohort 2) at screening",
        "Any of the following (see section b) below):", "platelets < 30 x 10^9/L", "bleeding",
        "Toxicity not resolved to grade 1 (or grade 2) for neuropathy)", "Stage 2) or 3) chronic kidney disease");
  }

  @Test
  void headingsInAnyCaseAndForm() {
    for (String heading : List.of("INCLUSION CRITERIA:", "Key inclusion criteria", "INCLUSION:", "inclusion criteria")) {
      SplitCriteria s = splitter.split(heading + "\n- Adults\nKey Exclusion Criteria:\n- HIV");
      assertThat(s.items()).as(heading).extracting(CriterionItem::type)
          .containsExactly(CriterionType.INCLUSION, CriterionType.EXCLUSION);
    }
  }

  @Test
  void itemsContinueOverLines() {
    SplitCriteria s = splitter.split("Exclusion Criteria:\n\n- Have PNH clone size in neutrophils of greater\n"
        + "than or equal to 50%\n\n- Have diagnosis of Fanconi anemia");
    assertThat(texts(s)).containsExactly("Have PNH clone size in neutrophils of greater\nthan or equal to 50%",
        "Have diagnosis of Fanconi anemia");
  }

  @Test
  void numberedFormsAndCircledSubItems() {
    String text = "Inclusion Criteria\n\n1) one\n2) At enrollment, meeting at least one of the following:\n\n"
        + "① first;\n\n② second.\n3) three\n(4) four";
    SplitCriteria s = splitter.split(text);
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "inc-2.1", "inc-2.2", "inc-3", "inc-4");
    assertThat(texts(s)).containsExactly("one", "At enrollment, meeting at least one of the following:", "first;",
        "second.", "three", "four");
  }

  @Test
  void aNumberRunIntoTheLineBeforeStartsTheNextItem() {
    String text = "Exclusion Criteria:\n\n7. Current pregnancy during the course of the study 8. Lactating women.\n"
        + "8. Live vaccines within 30 days";
    assertThat(texts(splitter.split(text))).containsExactly("Current pregnancy during the course of the study",
        "Lactating women.", "Live vaccines within 30 days");
  }

  @Test
  void aPreambleBeforeTheFirstItemIsNotACriterion() {
    SplitCriteria s = splitter.split("Inclusion Criteria:\n\nSubjects enrolled in this study must meet all of the "
        + "following criteria: 1. Meet the diagnostic criteria of ITP\n2. Age > 28 days");
    assertThat(texts(s)).containsExactly("Meet the diagnostic criteria of ITP", "Age > 28 days");
    assertThat(s.notes()).anyMatch(n -> n.startsWith("preamble"));
  }

  @Test
  void proseIsCutIntoSentencesWithFollowingListsAsSubItems() {
    String text = "INCLUSION CRITERIA: Severe aplastic anemia. At least two of the following: ANC less than 500/mm(3); "
        + "Platelet count less than 20,000/mm(3).\nEXCLUSION CRITERIA: Serum creatinine greater than 2.5 mg/dl. "
        + "Underlying carcinoma (except local cervical, e.g. basal cell). HIV positivity.";
    SplitCriteria s = splitter.split(text);
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "inc-2.1", "inc-2.2", "exc-1", "exc-2", "exc-3");
    assertThat(texts(s)).contains("At least two of the following:", "ANC less than 500/mm(3)",
        "Underlying carcinoma (except local cervical, e.g. basal cell).");
  }

  @Test
  void semicolonListsWithoutMarkersBecomeItems() {
    SplitCriteria s = splitter.split("Inclusion: age 18-65; ANC > 1.0 x10^9/L; informed consent");
    assertThat(texts(s)).containsExactly("age 18-65", "ANC > 1.0 x10^9/L", "informed consent");
  }

  @Test
  void textWithoutHeadingsIsReadAsInclusionAndSaysSo() {
    SplitCriteria s = splitter.split("- Adults\n- Signed consent");
    assertThat(s.headingsFound()).isFalse();
    assertThat(s.items()).extracting(CriterionItem::type).containsOnly(CriterionType.INCLUSION);
    assertThat(s.notes()).anyMatch(n -> n.contains("read as inclusion"));
  }

  @Test
  void emptyOrBlankTextGivesNoItems() {
    assertThat(splitter.split(null).items()).isEmpty();
    assertThat(splitter.split("   \n ").items()).isEmpty();
    assertThat(splitter.split("Inclusion Criteria:\n\nExclusion Criteria:\n").items()).isEmpty();
  }

  private static List<CriterionType> types(SplitCriteria s) {
    return s.flattened().stream().map(CriterionItem::type).toList();
  }

  private static void exactSpans(String text, SplitCriteria s) {
    for (CriterionItem item : s.flattened()) {
      assertThat(text.substring(item.start(), item.end())).isEqualTo(item.text());
    }
  }

  @Test
  void aSectionHeadingWithAQualifierStartsItsSectionAndHeadsItsItems() {
    // DECISIONS §71: not read as headings, the exclusion section after them was read as inclusion and each heading
    // glued onto the item before it
    for (String[] h : new String[][] {
        {"Inclusion Criteria for Cohort 1 (ITP):", "Exclusion Criteria (all cohorts):", "for Cohort 1 (ITP):",
            "(all cohorts):"},
        {"Inclusion Criteria - Part A:", "EXCLUSION CRITERIA FOR PART 2", "Part A:", "FOR PART 2"},
        {"Inclusion criteria applicable to all participants:", "Key Exclusion Criteria for Arm B (pediatric):",
            "applicable to all participants:", "for Arm B (pediatric):"},
        {"INCLUSION CRITERIA (STAGE 1):", "Exclusion Criteria – Dose-Escalation Phase:", "(STAGE 1):",
            "Dose-Escalation Phase:"}}) {
      String text = h[0] + "\n\n* Platelet count < 30 x 10^9/L\n* Age 18 years or older\n\n" + h[1]
          + "\n\n* Pregnancy\n* HIV infection\n";
      SplitCriteria s = splitter.split(text);
      assertThat(s.headingsFound()).as(h[0]).isTrue();
      assertThat(texts(s)).as(h[0]).containsExactly(h[2], "Platelet count < 30 x 10^9/L", "Age 18 years or older",
          h[3], "Pregnancy", "HIV infection");
      assertThat(ids(s)).containsExactly("inc-1", "inc-1.1", "inc-1.2", "exc-1", "exc-1.1", "exc-1.2");
      assertThat(types(s)).as(h[1]).containsExactly(CriterionType.INCLUSION, CriterionType.INCLUSION,
          CriterionType.INCLUSION, CriterionType.EXCLUSION, CriterionType.EXCLUSION, CriterionType.EXCLUSION);
      exactSpans(text, s);
    }
  }

  @Test
  void aQualifiedSectionHeadingWithoutAColonStartsItsSection() {
    // DECISIONS §78: without ":" and without a part word right after "for", these were no headings: the exclusion
    // section after them was read as inclusion ("Pregnancy" required) and each heading glued onto the item before
    for (String[] h : new String[][] {
        {"Inclusion Criteria for Healthy Volunteers", "Exclusion Criteria for All Participants",
            "for Healthy Volunteers", "for All Participants"},
        {"INCLUSION CRITERIA FOR ALL SUBJECTS", "EXCLUSION CRITERIA FOR ALL SUBJECTS", "FOR ALL SUBJECTS",
            "FOR ALL SUBJECTS"},
        {"Inclusion Criteria (Patients with ITP)", "Exclusion criteria in patients with ITP", "(Patients with ITP)",
            "in patients with ITP"},
        {"**Inclusion Criteria: Cohort A**", "**Exclusion Criteria: Cohort A (ITP)**", "Cohort A",
            "Cohort A (ITP)"}}) {
      String text = h[0] + "\n* Platelet count < 30 x 10^9/L\n* Age 18 years or older\n" + h[1]
          + "\n* Pregnancy\n* HIV infection\n";
      SplitCriteria s = splitter.split(text);
      assertThat(texts(s)).as(h[0]).containsExactly(h[2], "Platelet count < 30 x 10^9/L", "Age 18 years or older",
          h[3], "Pregnancy", "HIV infection");
      assertThat(types(s)).as(h[1]).containsExactly(CriterionType.INCLUSION, CriterionType.INCLUSION,
          CriterionType.INCLUSION, CriterionType.EXCLUSION, CriterionType.EXCLUSION, CriterionType.EXCLUSION);
      exactSpans(text, s);
    }
    // a sentence with a verb, and a line an item wraps onto, stay items
    String text = "Exclusion Criteria:\n\n* Pregnancy\nExclusion criteria for Part B are the same as for Part A\n"
        + "* Patients who do not meet the\ninclusion criteria for Part A\n* HIV infection\n";
    SplitCriteria s = splitter.split(text);
    assertThat(types(s)).containsOnly(CriterionType.EXCLUSION);
    assertThat(texts(s)).hasSize(3).last().isEqualTo("HIV infection");
    assertThat(texts(s).get(1)).endsWith("inclusion criteria for Part A");
    exactSpans(text, s);
    // a heading in lower case under an item that ends is still one
    SplitCriteria lower = splitter.split("inclusion criteria:\n- age 18 or older\nexclusion criteria:\n- pregnancy\n"
        + "exclusion criteria for part b\n- hiv infection\n");
    assertThat(types(lower)).containsExactly(CriterionType.INCLUSION, CriterionType.EXCLUSION,
        CriterionType.EXCLUSION, CriterionType.EXCLUSION);
  }

  @Test
  void aSubHeadingRightUnderAnItemHeadsTheItemsBelowItUnlessTheItemRunsOn() {
    // DECISIONS §78: glued onto the item before, "Patients with ITP:" made "Age 18 years or older Patients with ITP:"
    String text = "Inclusion Criteria:\n* Age 18 years or older\nPatients with ITP:\n* Platelet count < 30 x 10^9/L\n"
        + "Adolescents (12 to 17 years):\n* Body weight >= 40 kg\nExclusion Criteria:\n* Prior malignancy, except for\n"
        + "Women with cervical carcinoma in situ:\n* Pregnancy\n";
    SplitCriteria s = splitter.split(text);
    assertThat(texts(s)).containsExactly("Age 18 years or older", "Patients with ITP:", "Platelet count < 30 x 10^9/L",
        "Adolescents (12 to 17 years):", "Body weight >= 40 kg",
        "Prior malignancy, except for\nWomen with cervical carcinoma in situ:", "Pregnancy");
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "inc-2.1", "inc-3", "inc-3.1", "exc-1", "exc-2");
    exactSpans(text, s);
  }

  @Test
  void donorAndRecipientLinesHeadTheItemsBelowThem() {
    // DECISIONS §81: "Recipients:" was glued onto the donors' last item ("Age 18 to 60 years Recipients:"), and the
    // recipients' items were read as the donors'
    for (String head : List.of("Recipients:", "Transplant recipients:", "Recipient:")) {
      String text = "Inclusion Criteria:\n\nDonors:\n1. Age 18 to 60 years\n\n" + head + "\n"
          + "1. Diagnosis of severe aplastic anemia\n2. Age 12 to 40 years\n\nExclusion Criteria:\n\n1. Pregnancy\n";
      SplitCriteria s = splitter.split(text);
      assertThat(texts(s)).as(head).containsExactly("Donors:", "Age 18 to 60 years", head,
          "Diagnosis of severe aplastic anemia", "Age 12 to 40 years", "Pregnancy");
      assertThat(ids(s)).as(head).containsExactly("inc-1", "inc-1.1", "inc-2", "inc-2.1", "inc-2.2", "exc-1");
      exactSpans(text, s);
    }
  }

  @Test
  void aSentenceThatOpensWithTheExclusionWordStaysAnItem() {
    String text = "Inclusion Criteria:\n\n* Age 18 years or older\n* Exclusion of patients with HIV infection\n"
        + "* Inclusion in another interventional study\n\nExclusion Criteria:\n\n* Pregnancy\n";
    SplitCriteria s = splitter.split(text);
    assertThat(texts(s)).containsExactly("Age 18 years or older", "Exclusion of patients with HIV infection",
        "Inclusion in another interventional study", "Pregnancy");
    assertThat(ids(s)).containsExactly("inc-1", "inc-2", "inc-3", "exc-1");
  }

  @Test
  void aMarkerlessLineEndingInAColonHeadsTheBulletsBelowIt() {
    // "*" bullets, after a blank line
    String bullets = "Inclusion Criteria:\n\nAll participants:\n\n* Age 18 years or older\n* Able to give consent"
        + "\n\nCohort A (ITP):\n\n* Platelet count < 30 x 10^9/L\n\nCohort B (warm AIHA):\n\n"
        + "* Hemoglobin < 10 g/dL\n\nFor Part 2 only:\n\n* Age 12 to 17 years\n\nExclusion Criteria:\n\n"
        + "* Pregnancy\n";
    SplitCriteria s = splitter.split(bullets);
    assertThat(texts(s)).containsExactly("All participants:", "Age 18 years or older", "Able to give consent",
        "Cohort A (ITP):", "Platelet count < 30 x 10^9/L", "Cohort B (warm AIHA):", "Hemoglobin < 10 g/dL",
        "For Part 2 only:", "Age 12 to 17 years", "Pregnancy");
    assertThat(ids(s)).containsExactly("inc-1", "inc-1.1", "inc-1.2", "inc-2", "inc-2.1", "inc-3", "inc-3.1",
        "inc-4", "inc-4.1", "exc-1");
    exactSpans(bullets, s);
    // a numbered list, a sub-heading naming its arm or phase right after the item before it
    String numbered = "Inclusion Criteria:\n\n1. Diagnosis of primary ITP\n2. Platelet count < 30 x 10^9/L\n"
        + "Arm B (pediatric):\n3. Age 1 to 11 years\n4. Body weight >= 10 kg\n\nDose-escalation phase:\n"
        + "5. ECOG 0-1\n";
    SplitCriteria n = splitter.split(numbered);
    assertThat(texts(n)).containsExactly("Diagnosis of primary ITP", "Platelet count < 30 x 10^9/L",
        "Arm B (pediatric):", "Age 1 to 11 years", "Body weight >= 10 kg", "Dose-escalation phase:", "ECOG 0-1");
    assertThat(ids(n)).containsExactly("inc-1", "inc-2", "inc-3", "inc-3.1", "inc-3.2", "inc-4", "inc-4.1");
    // marker-less sentences under a sub-heading
    String prose = "Inclusion Criteria:\n\nPatients with ITP:\nPlatelet count < 30 x 10^9/L.\nNo prior "
        + "splenectomy.\n\nPatients with warm AIHA:\nHemoglobin < 10 g/dL.\n";
    SplitCriteria p = splitter.split(prose);
    assertThat(texts(p)).containsExactly("Patients with ITP:", "Platelet count < 30 x 10^9/L.",
        "No prior splenectomy.", "Patients with warm AIHA:", "Hemoglobin < 10 g/dL.");
    assertThat(ids(p)).containsExactly("inc-1", "inc-1.1", "inc-1.2", "inc-2", "inc-2.1");
  }

  @Test
  void aLineThatOpensAListOrContinuesAnItemIsNoSubHeading() {
    String text = "Exclusion Criteria:\n\n* Pregnancy\n\nAny of the following:\n\n* Stroke\n";
    // "Any of the following:" keeps its reading (glued onto the item before, as before)
    assertThat(texts(splitter.split(text))).doesNotContain("Any of the following:");
    // a line that qualifies the item before it, or names no part of the study nor whom, stays with it, as before
    for (String line : List.of("Exceptions:", "Exceptions for patients with localized disease:", "Including:",
        "Laboratory values:")) {
      String malignancy = "Exclusion Criteria:\n\n* History of malignancy within 5 years\n\n" + line
          + "\n\n* Basal cell carcinoma of the skin\n";
      SplitCriteria s = splitter.split(malignancy);
      assertThat(texts(s)).as(line).doesNotContain(line);
      assertThat(texts(s).get(0)).as(line).startsWith("History of malignancy").endsWith(line);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.eligo.criteria.parse.TestTexts#trialIds")
  void everyItemIsAnExactSpanOfTheRegistryText(String nctId) {
    String text = TestTexts.criteria(nctId);
    SplitCriteria s = splitter.split(text);
    assertThat(s.items()).isNotEmpty();
    for (CriterionItem item : s.flattened()) {
      assertThat(text.substring(item.start(), item.end())).isEqualTo(item.text());
      assertThat(item.text()).isNotBlank();
    }
    assertThat(ids(s)).doesNotHaveDuplicates();
  }
}
