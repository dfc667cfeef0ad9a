package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** What a rule's shape alone says about the truth values it can take; screening skips criteria on this basis. */
class PossibleTruthsTest {
  private static final Rule MDS = new ConditionRule(Set.of("mds"), Set.of(), TimeWindow.EVER, "MDS");
  private static final Rule ASK = new Ask("Is it severe?");

  @Test
  void questionsAndUnparsedSentencesAreAlwaysUnknown() {
    assertThat(PossibleTruths.of(ASK).alwaysUnknown()).isTrue();
    assertThat(PossibleTruths.of(new Unparsed("not understood")).alwaysUnknown()).isTrue();
    assertThat(PossibleTruths.of(MDS)).isEqualTo(new PossibleTruths(true, true));
  }

  @Test
  void combinatorsCarryTheQuestionThrough() {
    assertThat(PossibleTruths.of(new AllOf(List.of(MDS, ASK)))).isEqualTo(new PossibleTruths(false, true));
    assertThat(PossibleTruths.of(new AnyOf(List.of(MDS, ASK)))).isEqualTo(new PossibleTruths(true, false));
    assertThat(PossibleTruths.of(new Not(new AllOf(List.of(MDS, ASK))))).isEqualTo(new PossibleTruths(true, false));
    assertThat(PossibleTruths.of(new AtLeast(2, List.of(MDS, ASK, ASK))).alwaysUnknown()).isTrue();
    assertThat(PossibleTruths.of(new AtLeast(1, List.of(MDS, ASK)))).isEqualTo(new PossibleTruths(true, false));
    assertThat(PossibleTruths.of(new AtLeast(2, List.of(MDS, MDS, ASK)))).isEqualTo(new PossibleTruths(true, true));
  }

  @Test
  void anExclusionThatHingesOnAQuestionCannotExcludeButTheSameInclusionCan() {
    Rule severeMds = new AllOf(List.of(MDS, ASK));
    assertThat(PossibleTruths.canExclude(criterion(CriterionType.EXCLUSION, severeMds))).isFalse();
    assertThat(PossibleTruths.canExclude(criterion(CriterionType.INCLUSION, severeMds))).isTrue();
    assertThat(PossibleTruths.canExclude(criterion(CriterionType.EXCLUSION, MDS))).isTrue();
  }

  /** Never MET means never MET: checked against the evaluator on patients with and without the diagnosis. */
  @Test
  void whatIsImpossibleNeverHappensWhenEvaluated() {
    EvaluationContext context = new EvaluationContext(java.time.LocalDate.parse("2026-11-23"), false);
    List<Rule> rules = List.of(new AllOf(List.of(MDS, ASK)), new AnyOf(List.of(MDS, ASK)),
        new Not(new AnyOf(List.of(MDS, ASK))), new AtLeast(2, List.of(MDS, ASK, ASK)));
    List<PatientIndex> patients = List.of(PatientIndex.of(Facts.patient("a").build()), PatientIndex.of(
        Facts.patient("b").condition("MDS", org.eligo.core.patient.ClinicalStatus.ACTIVE, "2025-01-01", null, "mds")
            .build()));
    for (Rule rule : rules) {
      PossibleTruths possible = PossibleTruths.of(rule);
      for (PatientIndex p : patients) {
        var truth = RuleEvaluator.evaluate(rule, p, context).truth();
        if (!possible.met()) assertThat(truth).as(rule.toString()).isNotEqualTo(org.eligo.core.logic.Truth.MET);
        if (!possible.notMet()) assertThat(truth).as(rule.toString()).isNotEqualTo(org.eligo.core.logic.Truth.NOT_MET);
      }
    }
  }

  private static Criterion criterion(CriterionType type, Rule rule) {
    return new Criterion("c", type, "text", rule, RuleOrigin.PARSED);
  }
}
