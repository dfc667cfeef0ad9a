package org.eligo.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Verdict;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConceptSet;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.testkit.Facts;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.junit.jupiter.api.Test;

/**
 * Among trials with the same standing, those that study one of the patient's diagnoses come first: an extension study
 * for another disease, whose criteria never name it, must not head the list of a patient it is not for.
 */
class MatcherRankingTest {
  private static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-01-15"));

  private static MatchCandidate trial(String nct, List<String> studied, Rule... inclusions) {
    List<Criterion> criteria = new java.util.ArrayList<>();
    for (int i = 0; i < inclusions.length; i++) {
      criteria.add(new Criterion("inc-" + (i + 1), CriterionType.INCLUSION, "criterion " + (i + 1), inclusions[i],
          RuleOrigin.PARSED));
    }
    Trial trial = new Trial(new Identification(nct, List.of(), null, List.of(), nct, null, null, null),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new MatchCandidate(trial, new CriteriaSet(nct, criteria), ConceptSet.copyOf(studied));
  }

  private static Rule ask(String question) {
    return new Ask(question);
  }

  private static final Rule ADULT = AgeRule.atLeast(RegistryAge.parse("18 Years"));

  private static PatientFacts itpPatient() {
    return Facts.patient("p").born("1981-02-11").condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
        "2023-02-02", null, "immune-thrombocytopenia").build();
  }

  private static List<String> order(List<TrialMatch> matches) {
    return matches.stream().map(m -> m.trial().nctId()).toList();
  }

  @Test
  void aTrialForThePatientsDiseaseComesBeforeOneForAnotherWithFewerQuestions() {
    List<MatchCandidate> registry = List.of(
        trial("NCT00000001", List.of("severe-aplastic-anemia"), ask("Completed the parent study?")),
        trial("NCT00000002", List.of("immune-thrombocytopenia"), ask("Steroid-resistant?"), ask("Relapsed?")),
        trial("NCT00000003", List.of("immune-thrombocytopenia"), ask("Refractory?")),
        trial("NCT00000004", List.of("immune-thrombocytopenia"), new AgeRule(null, true, RegistryAge.parse("17 Years"), true)),
        trial("NCT00000005", List.of(), ADULT),
        trial("NCT00000006", List.of("immune-thrombocytopenia"), ADULT));

    List<TrialMatch> ranked = Matcher.match(itpPatient(), registry, AS_OF);

    assertThat(order(ranked)).containsExactly(
        "NCT00000006", // ELIGIBLE, for ITP
        "NCT00000005", // ELIGIBLE, studies nothing the record holds
        "NCT00000003", // NEEDS_INFO for ITP, one question
        "NCT00000002", // NEEDS_INFO for ITP, two questions
        "NCT00000001", // NEEDS_INFO for aplastic anemia, one question: after every ITP trial
        "NCT00000004"); // INELIGIBLE
    assertThat(ranked).isSortedAccordingTo(Matcher.RANKING);
    assertThat(ranked.get(0).studiesAConditionOfThePatient()).isTrue();
    assertThat(ranked.get(4).studiesAConditionOfThePatient()).isFalse();
    assertThat(ranked.get(4).verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aRecordWithoutDiagnosesKeepsTheOrderByStandingAlone() {
    List<MatchCandidate> registry = List.of(
        trial("NCT00000001", List.of("severe-aplastic-anemia"), ask("Completed the parent study?")),
        trial("NCT00000002", List.of("immune-thrombocytopenia"), ask("Steroid-resistant?"), ask("Relapsed?")));
    PatientFacts noDiagnoses = Facts.patient("p").born("1981-02-11").build();

    assertThat(order(Matcher.match(noDiagnoses, registry, AS_OF))).containsExactly("NCT00000001", "NCT00000002");
  }
}
