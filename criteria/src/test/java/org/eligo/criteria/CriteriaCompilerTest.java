package org.eligo.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.SexRule;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.parse.TestTexts;
import org.junit.jupiter.api.Test;

class CriteriaCompilerTest {
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();

  static Trial trial(String nctId, String criteria, Eligibility.Sex sex, String min, String max,
                     ArmsInterventions arms) {
    Identification id = new Identification(nctId, List.of(), null, List.of(), "Title", null, null, null);
    Eligibility e = new Eligibility(criteria, false, sex, null, null, min, max, List.of(), null, null);
    return new Trial(id, null, null, null, null, null, null, arms, null, e, null, null, null, null, null, null);
  }

  @Test
  void registryFieldsBecomeAgeAndSexCriteria() {
    CriteriaSet set = COMPILER.compile(trial("NCT90000001", "Inclusion Criteria:\n- Adults", Eligibility.Sex.FEMALE,
        "18 Years", "65 Years", null));
    Criterion age = set.criteria().get(0);
    assertThat(age.id()).isEqualTo("reg-age");
    assertThat(age.origin()).isEqualTo(RuleOrigin.REGISTRY_FIELDS);
    assertThat(age.rule()).isEqualTo(new AgeRule(new RegistryAge(18, RegistryAge.Unit.YEARS), true,
        new RegistryAge(65, RegistryAge.Unit.YEARS), true));
    assertThat(set.criteria().get(1).rule()).isEqualTo(new SexRule(EnumSet.of(Sex.FEMALE)));
    assertThat(set.criteria().get(2).id()).isEqualTo("inc-1");
  }

  @Test
  void subItemsEndingInOrAreAlternativesOfOneCriterionNotEachRequired() {
    CriteriaSet set = COMPILER.compile(trial("NCT90000003", """
        Inclusion Criteria:

        1. Requires treatment, e.g.:
           * hemoglobin ≤ 10 g/dL, or
           * platelet count < 100 × 10^9/L, or
           * symptomatic hyperviscosity.
        2. Anemia needing treatment, i.e. one of:
           - hemoglobin ≤ 12 g/dL
           - ≥ 2 red blood cell transfusions in the 6 months before screening
        3. Diagnosis fulfilling at least 2 of the 3 criteria:
           a. Hemoglobin < 9 g/dL
           b. Platelets < 100 × 10^9/L
           c. ANC < 1.0 × 10^9/L
        4. Documented multiple myeloma with measurable disease, defined as any of:
           a. Serum M-protein ≥ 0.5 g/dL
           b. Urine M-protein ≥ 200 mg/24 hours
        5. Patients receiving anticoagulation who have at least 2 of these risk factors:
           * age ≥ 75 years
           * platelet count < 50 × 10^9/L
        """, Eligibility.Sex.ALL, null, null, null));
    // a heading naming whom its list is for keeps its items apart, under its condition
    assertThat(set.criteria()).extracting(Criterion::id)
        .containsExactly("inc-1", "inc-2", "inc-3", "inc-4", "inc-5.1", "inc-5.2");
    assertThat(set.criteria().get(3).rule()).isInstanceOf(org.eligo.core.rule.AnyOf.class);
    assertThat(set.criteria().get(0).rule()).isInstanceOfSatisfying(org.eligo.core.rule.AnyOf.class,
        any -> assertThat(any.rules()).hasSize(4)); // three items and "examples only"
    assertThat(set.criteria().get(1).rule()).isInstanceOf(org.eligo.core.rule.AnyOf.class);
    assertThat(set.criteria().get(2).rule()).isInstanceOfSatisfying(org.eligo.core.rule.AtLeast.class,
        n -> assertThat(n.count()).isEqualTo(2));
  }

  @Test
  void allSexesAndMissingAgesAddNothingAndAMalformedAgeIsLeftOut() {
    CriteriaSet set = COMPILER.compile(trial("NCT90000002", null, Eligibility.Sex.ALL, "N/A", "about ten", null));
    assertThat(set.criteria()).isEmpty();
  }

  @Test
  void curatedRuleSetsTakePrecedenceOverTheParser() {
    CriteriaSet set = COMPILER.compile(trial("NCT06802055", TestTexts.criteria("NCT06802055"), Eligibility.Sex.ALL,
        "18 Years", null, null));
    assertThat(set.criteria()).filteredOn(c -> c.id().startsWith("inc") || c.id().startsWith("exc"))
        .allSatisfy(c -> assertThat(c.origin()).isEqualTo(RuleOrigin.CURATED))
        .hasSize(20);
    assertThat(COMPILER.isCurated("NCT06802055")).isTrue();
  }

  @Test
  void uncuratedTrialsAreParsedWithStableIds() {
    CriteriaSet set = COMPILER.compile(trial("NCT02857530", TestTexts.criteria("NCT02857530"), Eligibility.Sex.ALL,
        null, null, null));
    assertThat(set.criteria()).extracting(Criterion::id).containsExactly("inc-1", "inc-2", "exc-1", "exc-2", "exc-3",
        "exc-4", "exc-5", "exc-6", "exc-7", "exc-8", "exc-9");
    assertThat(set.criteria()).allSatisfy(c -> assertThat(c.origin()).isIn(RuleOrigin.PARSED, RuleOrigin.UNPARSED));
    assertThat(COMPILER.compile(trial("NCT02857530", TestTexts.criteria("NCT02857530"), Eligibility.Sex.ALL, null,
        null, null))).isEqualTo(set);
  }

  @Test
  void itemsUnderAConditionalHeadingHoldWhenTheHeadingDoesNotApplyButPlainHeadingsChangeNothing() {
    String text = "Inclusion Criteria:\n\n* Patients receiving warfarin must meet the following:\n"
        + "  * Platelet count ≥ 50 × 10^9/L\n* Adequate organ function, defined as:\n"
        + "  * Absolute neutrophil count ≥ 1.5 × 10^9/L\n\nExclusion Criteria:\n\n* For women of childbearing "
        + "potential:\n  * Hemoglobin < 8 g/dL\n";
    CriteriaSet set = COMPILER.compile(trial("NCT90000003", text, Eligibility.Sex.ALL, null, null, null));
    Criterion platelets = set.criteria().stream().filter(c -> c.text().startsWith("Platelet")).findFirst().orElseThrow();
    assertThat(platelets.rule()).isInstanceOfSatisfying(org.eligo.core.rule.AnyOf.class, a -> {
      assertThat(a.rules().get(0)).isInstanceOf(org.eligo.core.rule.MeasurementRule.class);
      assertThat(a.rules().get(1)).isEqualTo(new org.eligo.core.rule.Not(new org.eligo.core.rule.Ask(
          "Does this apply to the patient: \u201cPatients receiving warfarin must meet the following:\u201d?")));
    });
    Criterion anc = set.criteria().stream().filter(c -> c.text().startsWith("Absolute")).findFirst().orElseThrow();
    assertThat(anc.rule()).isInstanceOf(org.eligo.core.rule.MeasurementRule.class);
    Criterion hemoglobin = set.criteria().stream().filter(c -> c.text().startsWith("Hemoglobin")).findFirst()
        .orElseThrow();
    assertThat(hemoglobin.rule()).isInstanceOfSatisfying(org.eligo.core.rule.AllOf.class, a ->
        assertThat(a.rules().get(0)).isInstanceOf(org.eligo.core.rule.Ask.class));
    // the list completes the heading: "taking the following" names the drugs that exclude, nothing conditional
    CriteriaSet drugs = COMPILER.compile(trial("NCT90000005", "Exclusion Criteria:\n\n* Patients taking any of the "
        + "following medications:\n  * Ketoconazole\n", Eligibility.Sex.ALL, null, null, null));
    assertThat(drugs.criteria().getFirst().rule()).isNotInstanceOf(org.eligo.core.rule.AllOf.class);
  }

  @Test
  void exceptionsListedUnderAHeadingAreNeverCriteriaOfTheirOwn() {
    String text = "Exclusion Criteria:\n\n* Prior malignancy within 5 years. However, subjects with the following "
        + "are allowed:\n  * Basal cell carcinoma of the skin\n  * Carcinoma in situ of the cervix\n"
        + "* Pregnancy\n";
    CriteriaSet set = COMPILER.compile(trial("NCT90000004", text, Eligibility.Sex.ALL, null, null, null));
    assertThat(set.criteria()).extracting(Criterion::id).containsExactly("exc-1", "exc-2");
    Criterion malignancy = set.criteria().getFirst();
    assertThat(malignancy.text()).contains("Prior malignancy", "Basal cell carcinoma");
    assertThat(malignancy.rule()).isInstanceOfSatisfying(org.eligo.core.rule.AllOf.class, a -> {
      assertThat(a.rules()).anySatisfy(r -> assertThat(r).isInstanceOf(org.eligo.core.rule.ConditionRule.class));
      assertThat(a.rules()).filteredOn(r -> r instanceof org.eligo.core.rule.Ask).singleElement()
          .asString().contains("Basal cell carcinoma");
    });
  }

  @Test
  void anInclusionsExceptionsAreAWayInNotASecondRequirement() {
    CriteriaSet set = COMPILER.compile(trial("NCT90000006", "Inclusion Criteria:\n\n* Platelets >= 100,000/mm3, "
        + "except:\n  * patients with ITP\n", Eligibility.Sex.ALL, null, null, null));
    assertThat(set.criteria()).singleElement().satisfies(c -> assertThat(c.rule())
        .isInstanceOfSatisfying(org.eligo.core.rule.AnyOf.class, a -> {
          assertThat(a.rules().get(0)).isInstanceOf(org.eligo.core.rule.MeasurementRule.class);
          assertThat(a.rules().get(1)).isInstanceOf(org.eligo.core.rule.Ask.class);
        }));
  }

  @Test
  void theStudyDrugIsTakenFromTheTrialsDrugInterventions() {
    ArmsInterventions arms = new ArmsInterventions(List.of(), List.of(new ArmsInterventions.Intervention(
        ArmsInterventions.InterventionType.DRUG, "Sirolimus (Rapamune)", null, List.of(), List.of("rapamycin"))));
    CriteriaSet set = COMPILER.compile(trial("NCT90000003", "Exclusion Criteria:\n- Allergic to the study drug",
        Eligibility.Sex.ALL, null, null, arms));
    assertThat(set.criteria().get(0).rule()).isEqualTo(new AllergyRule(Set.of("sirolimus"), false, "the study drug"));
  }

  @Test
  void subItemsWithoutACombiningParentAreCriteriaOfTheirOwn() {
    CriteriaSet set = COMPILER.parse("NCT90000004", "Inclusion Criteria:\n1. Adequate organ function:\n"
        + "   a. ANC ≥ 1.5 x10^9/L\n   b. Platelets ≥ 100 x10^9/L\n2. Signed informed consent");
    assertThat(set.criteria()).extracting(Criterion::id).containsExactly("inc-1.1", "inc-1.2", "inc-2");
  }

  @Test
  void coverageCountsEachOrigin() {
    CriteriaSet set = COMPILER.compile(trial("NCT03364764", TestTexts.criteria("NCT03364764"), Eligibility.Sex.ALL,
        "18 Years", "80 Years", null));
    Coverage c = Coverage.of(set);
    assertThat(c.total()).isEqualTo(12);
    assertThat(c.registryFields()).isEqualTo(1);
    assertThat(c.curated()).isEqualTo(11);
    assertThat(c.unparsed()).isZero();
    assertThat(c.confirmations()).isEqualTo(4);
    assertThat(c.share()).isEqualTo(1.0);
    assertThat(c.plus(Coverage.NONE)).isEqualTo(c);
  }
}
