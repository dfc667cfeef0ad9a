package org.eligo.registry.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.Evidence;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.TimeWindow;
import org.junit.jupiter.api.Test;

/** The false-exclusion check itself: it must catch what it is there to catch, and pass what rests on the record. */
class ExclusionGroundsTest {
  private static final PatientFacts AA_PATIENT = ExclusionGrounds.facts(
      RecipeBook.load().patient("nfe-diagnosis-only").bundleJson());

  private static TrialResult ineligible(Rule rule, List<Evidence> evidence) {
    Criterion c = new Criterion("inc-1", CriterionType.INCLUSION, "the sentence", rule, RuleOrigin.PARSED);
    return new TrialResult("NCT00000001", Verdict.INELIGIBLE, List.of(new CriterionResult(c, Truth.NOT_MET,
        evidence, List.of())), List.of(), List.of());
  }

  @Test
  void aLabDecidingWithNothingToShowIsAFalseExclusion() {
    Rule anc = MeasurementRule.of("anc", "absolute neutrophil count", Comparator.GE, 0.5, "10*9/L");
    assertThat(ExclusionGrounds.ungrounded(ineligible(anc, List.of()), AA_PATIENT)).singleElement()
        .asString().startsWith("NCT00000001 inc-1: ").contains("rests on no record fact");
  }

  @Test
  void aLabDecidingOnARecordedResultIsGrounded() {
    Rule anc = MeasurementRule.of("anc", "absolute neutrophil count", Comparator.GE, 0.5, "10*9/L");
    Evidence result = new Evidence("Observation/x", "absolute neutrophil count 0.3 10*9/L", 0.3, "10*9/L",
        GoldenRegistry.AS_OF);
    assertThat(ExclusionGrounds.ungrounded(ineligible(anc, List.of(result)), AA_PATIENT)).isEmpty();
  }

  @Test
  void aMissingDiagnosisIsClosedWorldAndGrounded() {
    Rule prca = new ConditionRule(Set.of("pure-red-cell-aplasia"), Set.of(), TimeWindow.EVER, "PRCA");
    assertThat(ExclusionGrounds.ungrounded(ineligible(prca, List.of()), AA_PATIENT)).isEmpty();
  }

  @Test
  void requiringSevereAplasticAnemiaOfAnUnspecifiedAplasticAnemiaIsAFalseExclusion() {
    Rule saa = new ConditionRule(Set.of("severe-aplastic-anemia"), Set.of(), TimeWindow.EVER, "SAA");
    assertThat(ExclusionGrounds.ungrounded(ineligible(saa, List.of()), AA_PATIENT)).singleElement().asString()
        .contains("requires severe-aplastic-anemia but the record's aplastic-anemia");
  }
}
