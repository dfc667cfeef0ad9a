package org.eligo.criteria.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.junit.jupiter.api.Test;

/** A record less specific than a criterion never excludes: it leaves the criterion open with a question. */
class BroaderDiagnosisPassTest {
  static final TerminologyLexicon LEXICON = TerminologyLexicon.bundled();
  static final BroaderDiagnosisPass PASS = new BroaderDiagnosisPass(LEXICON);
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.of(2026, 11, 23));

  /** A patient whose record says only "aplastic anemia" (the concepts a D61.9 code maps to). */
  static PatientFacts generalAplasticAnemia() {
    Set<String> concepts = LEXICON.broaderThan("acquired-aplastic-anemia");
    assertThat(concepts).as("terminology places acquired AA under aplastic anemia").contains("aplastic-anemia");
    PatientFacts p = PatientFacts.of("p", LocalDate.of(1980, 1, 1), Sex.FEMALE);
    return new PatientFacts("p", p.birthDate(), p.sex(), p.measurements(), p.codedObservations(),
        java.util.List.of(new ConditionFact(Set.of("aplastic-anemia"), "Aplastic anemia, unspecified",
            ClinicalStatus.ACTIVE, LocalDate.of(2024, 1, 1), null, new SourceRef("Condition", "c1"))),
        p.medications(), p.procedures(), p.allergies(), p.immunizations());
  }

  static Truth truth(Rule rule) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(generalAplasticAnemia()), AS_OF).truth();
  }

  @Test
  void anInclusionNamingTheSpecificDiagnosisIsUnknownNotUnmetForAGeneralRecord() {
    Rule acquired = ConditionRule.ever("acquired aplastic anemia", "acquired-aplastic-anemia");
    assertThat(truth(acquired)).as("closed-world reading alone").isEqualTo(Truth.NOT_MET);
    Rule widened = PASS.apply(acquired, CriterionType.INCLUSION);
    assertThat(truth(widened)).isEqualTo(Truth.UNKNOWN);
    var outcome = RuleEvaluator.evaluate(widened, PatientIndex.of(generalAplasticAnemia()), AS_OF);
    assertThat(outcome.questions()).anySatisfy(q -> assertThat(q).contains("acquired aplastic anemia"));
  }

  @Test
  void anExclusionKeepsTheClosedWorldReading() {
    Rule congenital = new ConditionRule(Set.of("acquired-aplastic-anemia"), Set.of(), TimeWindow.EVER, "x");
    assertThat(PASS.apply(congenital, CriterionType.EXCLUSION)).isEqualTo(congenital);
  }

  @Test
  void aNegatedDiagnosisInsideAnExclusionIsWidenedBecauseThereItMustHold() {
    Rule rule = new Not(ConditionRule.ever("acquired aplastic anemia", "acquired-aplastic-anemia"));
    Rule widened = PASS.apply(rule, CriterionType.EXCLUSION);
    assertThat(truth(widened)).isEqualTo(Truth.UNKNOWN);
  }
}
