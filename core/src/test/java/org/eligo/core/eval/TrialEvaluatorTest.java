package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.match.Matcher;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.testkit.Facts;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.junit.jupiter.api.Test;

/** Verdicts from criterion statuses, and the ranking of many trials. */
class TrialEvaluatorTest {
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-11-23"));

  static CriteriaSet trial(String id) {
    return new CriteriaSet(id, List.of(
        new Criterion("inc-1", CriterionType.INCLUSION, "Age ≥ 18 years", AgeRule.atLeast(RegistryAge.parse("18 Years")),
            RuleOrigin.PARSED),
        new Criterion("inc-2", CriterionType.INCLUSION, "Platelets < 50 × 10⁹/L",
            MeasurementRule.of("platelets", "platelet count", Comparator.LT, 50, "10*9/L"), RuleOrigin.PARSED),
        new Criterion("inc-3", CriterionType.INCLUSION, "Willing to sign the consent form",
            new ScreeningConfirmation("informed consent"), RuleOrigin.PARSED),
        new Criterion("exc-1", CriterionType.EXCLUSION, "Myelodysplastic syndrome",
            ConditionRule.ever("myelodysplastic syndrome", "mds"), RuleOrigin.PARSED)));
  }

  static TrialResult evaluate(Facts facts) {
    return TrialEvaluator.evaluate(trial("NCT00000001"), PatientIndex.of(facts.build()), AS_OF);
  }

  @Test
  void everythingSettledInFavourIsEligibleAndConfirmationsAreListedNotCounted() {
    TrialResult r = evaluate(Facts.patient("p").born("1980-01-01").lab("platelets", 30, "10*9/L", "2026-11-10")
        .condition("ITP", ClinicalStatus.ACTIVE, "2025-01-01", null, "immune-thrombocytopenia"));
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.toConfirm()).containsExactly("informed consent");
    assertThat(r.questions()).isEmpty();
  }

  @Test
  void missingLabIsNeedsInfoWithTheQuestion() {
    TrialResult r = evaluate(Facts.patient("p").born("1980-01-01")
        .condition("ITP", ClinicalStatus.ACTIVE, "2025-01-01", null, "immune-thrombocytopenia"));
    assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(r.questions()).containsExactly("Most recent platelet count?");
  }

  @Test
  void aRecordWithNothingButAgeIsNeverIneligibleForADiagnosisItDoesNotMention() {
    TrialResult r = evaluate(Facts.patient("p").born("1980-01-01").lab("platelets", 30, "10*9/L", "2026-11-10"));
    assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(r.questions()).singleElement().asString().contains("myelodysplastic syndrome");
  }

  @Test
  void aMetExclusionIsIneligibleWithItsReason() {
    TrialResult r = evaluate(Facts.patient("p").born("1980-01-01")
        .condition("MDS", ClinicalStatus.ACTIVE, "2025-01-01", null, "mds"));
    assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(r.reasons()).extracting(c -> c.criterion().id()).containsExactly("exc-1");
    assertThat(r.reasons().getFirst().evidence()).isNotEmpty();
  }

  @Test
  void matcherRanksEligibleThenFewestQuestionsThenIneligible() {
    CriteriaSet needsTwo = new CriteriaSet("NCT00000003", List.of(
        new Criterion("inc-1", CriterionType.INCLUSION, "ANC", MeasurementRule.of("anc", "ANC", Comparator.GE, 0.5,
            "10*9/L"), RuleOrigin.PARSED),
        new Criterion("inc-2", CriterionType.INCLUSION, "Hb", MeasurementRule.of("hemoglobin", "Hb", Comparator.LT,
            100, "g/L"), RuleOrigin.PARSED)));
    CriteriaSet excludesMales = new CriteriaSet("NCT00000004", List.of(new Criterion("inc-1",
        CriterionType.INCLUSION, "Women", new org.eligo.core.rule.SexRule(Set.of(org.eligo.core.patient.Sex.FEMALE)),
        RuleOrigin.REGISTRY_FIELDS)));
    CriteriaSet needsOne = new CriteriaSet("NCT00000002", List.of(new Criterion("inc-1", CriterionType.INCLUSION,
        "ANC", MeasurementRule.of("anc", "ANC", Comparator.GE, 0.5, "10*9/L"), RuleOrigin.PARSED)));
    CriteriaSet open = new CriteriaSet("NCT00000005", List.of());
    List<TrialMatch> ranked = Matcher.match(Facts.patient("p").sex(org.eligo.core.patient.Sex.MALE).build(),
        List.of(candidate(needsTwo), candidate(excludesMales), candidate(needsOne), candidate(open)), AS_OF);
    assertThat(ranked).extracting(m -> m.trial().nctId())
        .containsExactly("NCT00000005", "NCT00000002", "NCT00000003", "NCT00000004");
  }

  @Test
  void matcherBreaksTiesByNctIdWhateverOrderTheCandidatesCameIn() {
    org.eligo.core.patient.PatientFacts man = Facts.patient("p").sex(org.eligo.core.patient.Sex.MALE).build();
    List<MatchCandidate> shuffled = List.of(candidate(new CriteriaSet("NCT00000009", List.of())),
        candidate(new CriteriaSet("NCT00000007", List.of())), candidate(new CriteriaSet("NCT00000008", List.of())));
    assertThat(Matcher.match(man, shuffled, AS_OF)).extracting(m -> m.trial().nctId())
        .containsExactly("NCT00000007", "NCT00000008", "NCT00000009");
    List<MatchCandidate> ordered = shuffled.stream().sorted(java.util.Comparator.comparing(c -> c.trial().nctId()))
        .toList();
    assertThat(Matcher.match(man, ordered, AS_OF)).extracting(m -> m.trial().nctId())
        .containsExactly("NCT00000007", "NCT00000008", "NCT00000009");
  }

  @Test
  void theAssessmentWithoutEvidenceGivesTheVerdictStatusesAndQuestionsOfTheFullEvaluation() {
    List<Criterion> criteria = new java.util.ArrayList<>(trial("NCT00000002").criteria());
    criteria.add(new Criterion("exc-2", CriterionType.EXCLUSION, "Any condition that in the investigator's opinion "
        + "makes the patient unsuitable", new org.eligo.core.rule.Unparsed("investigator's opinion"),
        RuleOrigin.UNPARSED));
    criteria.add(new Criterion("exc-3", CriterionType.EXCLUSION, "Hemoglobin < 8 g/dL",
        MeasurementRule.of("hemoglobin", "hemoglobin", Comparator.LT, 8, "g/dL"), RuleOrigin.PARSED));
    CriteriaSet set = new CriteriaSet("NCT00000002", criteria);
    List<Facts> patients = List.of(
        Facts.patient("settled").born("1980-01-01").lab("platelets", 30, "10*9/L", "2026-11-10")
            .lab("hemoglobin", 11, "g/dL", "2026-11-10")
            .condition("ITP", ClinicalStatus.ACTIVE, "2025-01-01", null, "immune-thrombocytopenia"),
        Facts.patient("no-labs").born("1980-01-01"),
        Facts.patient("nothing"),
        Facts.patient("child").born("2015-01-01").lab("platelets", 30, "10*9/L", "2026-11-10"),
        Facts.patient("mds").born("1980-01-01").condition("MDS", ClinicalStatus.ACTIVE, "2025-01-01", null, "mds"),
        Facts.patient("anemic").born("1980-01-01").lab("hemoglobin", 7, "g/dL", "2026-11-10"));
    for (Facts facts : patients) {
      PatientIndex patient = PatientIndex.of(facts.build());
      TrialResult full = TrialEvaluator.evaluate(set, patient, AS_OF);
      TrialAssessment light = TrialEvaluator.assess(set, patient, AS_OF);
      String who = facts.build().id();
      assertThat(light.verdict()).as(who).isEqualTo(full.verdict());
      assertThat(light.statuses()).as(who).containsExactlyElementsOf(full.criteria().stream()
          .map(CriterionResult::status).toList());
      assertThat(light.questions()).as(who).containsExactlyElementsOf(full.questions());
    }
    TrialAssessment open = TrialEvaluator.assess(set, PatientIndex.of(patients.get(1).build()), AS_OF);
    assertThat(open.questions()).contains("Does this apply? \u201cAny condition that in the investigator's opinion "
        + "makes the patient unsuitable\u201d", "Most recent platelet count?");
  }

  @Test
  void anOpenCriterionWhoseRuleAsksNothingIsAskedInItsOwnWords() {
    // "received any drug products containing the same ingredient as eltrombopag (including investigational
    // products)": any of two unread parts and eltrombopag; a record with other drugs settles only the eltrombopag
    String text = "Patients who have received any drug products containing the same ingredient as eltrombopag";
    CriteriaSet set = new CriteriaSet("NCT00000006", List.of(new Criterion("exc-4", CriterionType.EXCLUSION, text,
        new org.eligo.core.rule.AnyOf(List.of(new org.eligo.core.rule.Unparsed("same ingredient"),
            ConditionRule.ever("myelodysplastic syndrome", "mds"))), RuleOrigin.PARSED)));
    PatientIndex patient = PatientIndex.of(Facts.patient("p").born("1980-01-01")
        .condition("ITP", ClinicalStatus.ACTIVE, "2025-01-01", null, "immune-thrombocytopenia").build());
    TrialResult full = TrialEvaluator.evaluate(set, patient, AS_OF);
    assertThat(full.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    String asked = "Does this apply? \u201c" + text + "\u201d";
    assertThat(full.questions()).as("the trial's questions").containsExactly(asked);
    assertThat(full.criteria().getFirst().questions()).as("the criterion's question").containsExactly(asked);
    assertThat(TrialEvaluator.assess(set, patient, AS_OF).questions()).containsExactly(asked);
  }

  @Test
  void matcherOrderEqualsTheRankingComparatorOnAMixedShuffledRegistry() {
    java.util.Random random = new java.util.Random(7);
    List<MatchCandidate> candidates = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String nct = String.format("NCT%08d", random.nextInt(99_999_999));
      List<Criterion> criteria = new java.util.ArrayList<>();
      switch (random.nextInt(3)) {
        case 0 -> { } // no criteria: eligible
        case 1 -> criteria.add(new Criterion("inc-sex", CriterionType.INCLUSION, "Women",
            new org.eligo.core.rule.SexRule(Set.of(org.eligo.core.patient.Sex.FEMALE)), RuleOrigin.REGISTRY_FIELDS));
        default -> {
          for (int k = 0; k <= random.nextInt(4); k++) {
            criteria.add(new Criterion("inc-" + k, CriterionType.INCLUSION, "lab " + k, MeasurementRule.of("lab" + k,
                "lab " + k, Comparator.GE, 1, "g/L"), RuleOrigin.PARSED));
          }
        }
      }
      candidates.add(candidate(new CriteriaSet(nct, criteria)));
    }
    org.eligo.core.patient.PatientFacts man = Facts.patient("p").sex(org.eligo.core.patient.Sex.MALE).build();
    List<TrialMatch> ranked = Matcher.match(man, candidates, AS_OF);
    assertThat(ranked).extracting(TrialMatch::verdict).contains(Verdict.ELIGIBLE, Verdict.NEEDS_INFO,
        Verdict.INELIGIBLE);
    assertThat(ranked).isSortedAccordingTo(Matcher.RANKING).hasSize(candidates.size());
  }

  private static MatchCandidate candidate(CriteriaSet set) {
    Trial trial = new Trial(new Identification(set.trialId(), List.of(), null, List.of(), "t", null, null, null),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new MatchCandidate(trial, set);
  }
}
