package org.eligo.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.testkit.Facts;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.junit.jupiter.api.Test;

/**
 * Matching evaluates each distinct rule once per patient and reuses its truth for every trial that shares it; the
 * verdicts and open-criteria counts must be exactly those of deciding and of explaining each trial on its own, even
 * when one rule is an inclusion in one trial and an exclusion in another.
 */
class SharedRulesTest {
  private static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-11-23"));

  /** A small pool of rules, built afresh for each criterion so sharing rests on equal values, not on identity. */
  private static Rule rule(int which) {
    return switch (which) {
      case 0 -> AgeRule.atLeast(RegistryAge.parse("18 Years"));
      case 1 -> AgeRule.atLeast(RegistryAge.parse("65 Years"));
      case 2 -> new SexRule(Set.of(Sex.FEMALE));
      case 3 -> MeasurementRule.of("platelets", "platelet count", Comparator.LT, 50, "10*9/L");
      case 4 -> MeasurementRule.of("hemoglobin", "hemoglobin", Comparator.LT, 100, "g/L");
      case 5 -> ConditionRule.ever("myelodysplastic syndrome", "mds");
      case 6 -> ConditionRule.ever("aplastic anemia", "aplastic-anemia");
      default -> new ScreeningConfirmation("informed consent");
    };
  }

  private static List<MatchCandidate> registry(Random random, int trials) {
    List<MatchCandidate> candidates = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      List<Criterion> criteria = new ArrayList<>();
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) {
        CriterionType type = random.nextBoolean() ? CriterionType.INCLUSION : CriterionType.EXCLUSION;
        criteria.add(new Criterion((type == CriterionType.INCLUSION ? "inc-" : "exc-") + k, type, "criterion " + k,
            rule(random.nextInt(8)), RuleOrigin.PARSED));
      }
      String nct = String.format("NCT%08d", t);
      Trial trial = new Trial(new Identification(nct, List.of(), null, List.of(), "t", null, null, null),
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
      // some trials study a disease the patients may have: the ranking puts those first among equals
      List<String> studied = switch (random.nextInt(4)) {
        case 0 -> List.of("aplastic-anemia");
        case 1 -> List.of("mds", "aplastic-anemia");
        default -> List.of();
      };
      candidates.add(new MatchCandidate(trial, new CriteriaSet(nct, criteria),
          org.eligo.core.rule.ConceptSet.copyOf(studied)));
    }
    return candidates;
  }

  private static PatientFacts patient(Random random) {
    Facts facts = Facts.patient("p");
    if (random.nextBoolean()) facts.born(random.nextBoolean() ? "1950-03-01" : "2000-03-01");
    if (random.nextBoolean()) facts.sex(random.nextBoolean() ? Sex.FEMALE : Sex.MALE);
    if (random.nextBoolean()) facts.lab("platelets", random.nextInt(120), "10*9/L", "2026-11-01");
    if (random.nextBoolean()) facts.lab("hemoglobin", 60 + random.nextInt(80), "g/L", "2026-11-01");
    if (random.nextBoolean()) facts.condition("MDS", ClinicalStatus.ACTIVE, "2025-01-01", null, "mds");
    if (random.nextBoolean()) {
      facts.condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null, "aplastic-anemia");
    }
    return facts.build();
  }

  @Test
  void sharedRulesAreEvaluatedOnceAndDecideExactlyAsEachTrialAlone() {
    Random random = new Random(11);
    CandidateList all = CandidateList.of(registry(random, 400));
    assertThat(all.rules().distinctRules()).as("the registry's rules collapse to the pool").isLessThanOrEqualTo(7);
    CandidateList even = all.filter(c -> c.trial().nctId().hashCode() % 2 == 0);
    for (int p = 0; p < 60; p++) {
      PatientFacts facts = patient(random);
      PatientIndex index = PatientIndex.of(facts);
      for (CandidateList list : List.of(all, even)) {
        List<TrialMatch> matches = Matcher.match(facts, list, AS_OF);
        assertThat(matches).hasSize(list.size()).isSortedAccordingTo(Matcher.RANKING);
        for (TrialMatch m : matches) {
          CriteriaSet criteria = list.asList().stream().filter(c -> c.trial() == m.trial()).findFirst()
              .orElseThrow().criteria();
          TrialEvaluator.Decision alone = TrialEvaluator.decide(criteria, index, AS_OF);
          assertThat(m.verdict()).as(m.trial().nctId()).isEqualTo(alone.verdict())
              .isEqualTo(TrialEvaluator.evaluate(criteria, index, AS_OF).verdict());
          assertThat(m.openCriteria()).as(m.trial().nctId()).isEqualTo(alone.openCriteria());
        }
      }
    }
  }
}
