package org.eligo.criteria.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Outcome;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.testkit.Facts;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;

/**
 * A chronic, controlled infection (HIV on treatment, chronic hepatitis B) is asked about under a generic "active
 * infection" criterion, never read as one; an acute infection on record still decides.
 */
class ChronicInfectionPassTest {
  static final TerminologyLexicon LEXICON = TerminologyLexicon.bundled();
  static final Terminology TERMS = LEXICON.terminology();
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.of(2026, 6, 1));

  static Trial trial(String nctId, String criteria) {
    Identification id = new Identification(nctId, List.of(), null, List.of(), "Title", null, null, null);
    Eligibility e = new Eligibility(criteria, false, Eligibility.Sex.ALL, null, null, null, null, List.of(), null,
        null);
    return new Trial(id, null, null, null, null, null, null, null, null, e, null, null, null, null, null, null);
  }

  /** The sentence as the compiler reads it, with its safety passes. */
  static Rule compiled(String sentence, CriterionType type) {
    String heading = type == CriterionType.INCLUSION ? "Inclusion Criteria:" : "Exclusion Criteria:";
    return COMPILER.compile(trial("NCT90000009", heading + "\n- " + sentence)).criteria().stream()
        .filter(c -> c.text().equals(sentence)).findFirst().orElseThrow().rule();
  }

  static Outcome eval(Rule rule, Facts patient) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(patient.build()), AS_OF);
  }

  static Facts with(String text, ClinicalStatus status, String id) {
    return Facts.patient("p").condition(text, status, "2015-01-01", null, TERMS.closure(id).toArray(String[]::new));
  }

  static final Facts HIV_ON_TREATMENT = with("HIV disease", ClinicalStatus.ACTIVE, "hiv-infection");
  static final Facts CHRONIC_HEPATITIS_B = with("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "hepatitis-b");
  static final Facts COVID = Facts.patient("p").condition("COVID-19", ClinicalStatus.ACTIVE, "2026-05-25", null,
      TERMS.closure("covid-19").toArray(String[]::new));
  static final Facts NO_INFECTION = with("Essential hypertension", ClinicalStatus.ACTIVE, "hypertension");

  @Test
  void theChronicInfectionsAreFiledUnderInfection() {
    for (String id : ChronicInfectionPass.CHRONIC) {
      assertThat(LEXICON.broaderThan(id)).as(id).contains(ChronicInfectionPass.INFECTION);
    }
  }

  @Test
  void activeInfectionAsksAboutControlledHivOrChronicHepatitisBAndExcludesAnAcuteOne() {
    Rule rule = compiled("Active infection", CriterionType.EXCLUSION);
    Outcome hiv = eval(rule, HIV_ON_TREATMENT);
    assertThat(hiv.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(hiv.questions()).anySatisfy(q -> assertThat(q).contains("chronic infection").contains("count as"));
    assertThat(eval(rule, CHRONIC_HEPATITIS_B).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(eval(rule, Facts.patient("p").condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01",
        null, "hypertension").infectionResult("HBsAg: Positive", INFECTED, "2026-05-10", "hepatitis-b",
        TERMS.closure("hepatitis-b").toArray(String[]::new))).truth()).as("a positive HBsAg alone")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(eval(rule, COVID).truth()).isEqualTo(Truth.MET);
    assertThat(eval(rule, NO_INFECTION).truth()).isEqualTo(Truth.NOT_MET);
    assertThat(eval(rule, Facts.patient("p")).truth()).as("no diagnoses").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void noActiveInfectionsInAnInclusionIsAskedForControlledHiv() {
    Rule rule = compiled("No active infections", CriterionType.INCLUSION);
    assertThat(eval(rule, HIV_ON_TREATMENT).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(eval(rule, COVID).truth()).isEqualTo(Truth.NOT_MET);
    assertThat(eval(rule, NO_INFECTION).truth()).isEqualTo(Truth.MET);
  }

  @Test
  void aCriterionThatNamesTheChronicInfectionStillExcludesOnIt() {
    Rule rule = compiled("Active infection, including HIV", CriterionType.EXCLUSION);
    assertThat(eval(rule, HIV_ON_TREATMENT).truth()).isEqualTo(Truth.MET);
    assertThat(eval(rule, CHRONIC_HEPATITIS_B).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anInclusionThatRequiresAnInfectionIsLeftAlone() {
    Rule rule = compiled("Active infection", CriterionType.INCLUSION);
    assertThat(eval(rule, HIV_ON_TREATMENT).truth()).isEqualTo(Truth.MET);
  }

  @Test
  void aCuratedNoActiveInfectionsIsAskedForControlledHivToo() {
    Rule rule = COMPILER.compile(trial("NCT06802055", "")).criteria().stream()
        .filter(c -> c.text().startsWith("No active infections")).findFirst().orElseThrow().rule();
    assertThat(eval(rule, HIV_ON_TREATMENT).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(eval(rule, COVID).truth()).isEqualTo(Truth.NOT_MET);
  }
}
