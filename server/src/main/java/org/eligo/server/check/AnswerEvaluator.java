package org.eligo.server.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;

/**
 * Evaluates a trial's criteria over questionnaire answers with the same evaluator as a FHIR record. Coded history is
 * read closed-world from records, but a questionnaire is not a record: a history question not (yet) answered is
 * turned into an open question (UNKNOWN), a "yes" or "no" into a yes/no fact. Age becomes a birth date, test results
 * measurements dated today in the measure's usual unit.
 */
public final class AnswerEvaluator {
  static final String ANSWER_CONCEPT = "answer:";

  private AnswerEvaluator() {}

  /**
   * The trial's result for these answers; criteria in the result are the trial's own (as registered).
   *
   * @param wording how a question is put to a person, for the questions left open
   */
  public static TrialResult evaluate(CriteriaSet set, Answers answers, LocalDate asOf,
                                     Function<Question, String> wording) {
    PatientFacts facts = facts(answers, QuestionPlanner.questions(set), asOf);
    List<Criterion> rewritten = new ArrayList<>(set.criteria().size());
    for (Criterion c : set.criteria()) {
      Rule rule;
      if (c.rule() instanceof Unparsed) {
        Question q = QuestionPlanner.questions(set.trialId(), c).get(0);
        rule = answers.known(q.key()) ? answered(q) : c.rule();
      } else {
        rule = rewrite(c.rule(), set.trialId(), c, answers, wording);
      }
      rewritten.add(new Criterion(c.id(), c.type(), c.text(), rule, c.origin()));
    }
    TrialResult raw = TrialEvaluator.evaluate(new CriteriaSet(set.trialId(), rewritten), PatientIndex.of(facts),
        new EvaluationContext(asOf));
    List<CriterionResult> restored = new ArrayList<>(raw.criteria().size());
    for (int i = 0; i < raw.criteria().size(); i++) {
      CriterionResult r = raw.criteria().get(i);
      restored.add(new CriterionResult(set.criteria().get(i), r.status(), r.evidence().stream()
          .filter(e -> !e.resource().startsWith("Answer/")).toList(), r.questions()));
    }
    return new TrialResult(raw.trialId(), raw.verdict(), restored, raw.questions(), raw.toConfirm());
  }

  /** The facts the answers state; "yes" to a history question becomes a fact with the question's own concept. */
  static PatientFacts facts(Answers answers, List<Question> questions, LocalDate asOf) {
    LocalDate birth = null;
    if (answers.known(QuestionPlanner.AGE)) {
      Integer years = wholeNumber(answers.get(QuestionPlanner.AGE));
      if (years != null && years >= 0 && years <= 130) birth = asOf.minusYears(years);
    }
    Sex sex = Sex.UNKNOWN;
    if ("female".equals(answers.get(QuestionPlanner.SEX))) sex = Sex.FEMALE;
    if ("male".equals(answers.get(QuestionPlanner.SEX))) sex = Sex.MALE;
    List<Measurement> measurements = new ArrayList<>();
    List<CodedObservation> coded = new ArrayList<>();
    List<ConditionFact> conditions = new ArrayList<>();
    List<ProcedureFact> procedures = new ArrayList<>();
    answers.values().forEach((key, value) -> {
      if (key.startsWith("m.") && !value.equals(Answers.UNKNOWN)) {
        questions.stream().filter(q -> q.key().equals(key)).findFirst()
            .flatMap(q -> measurement(q, value, answers, asOf)).ifPresent(measurements::add);
      } else if (key.startsWith("h.") || key.startsWith("c.")) {
        if (value.equals("yes")) {
          conditions.add(new ConditionFact(Set.of(ANSWER_CONCEPT + key), "your answer: yes", ClinicalStatus.ACTIVE,
              null, null, new SourceRef("Answer", key)));
        } else if (value.equals("no")) {
          // naming nothing, it still makes the answers a list of diagnoses that can rule one out (a record with no
          // diagnosis at all rules none out)
          conditions.add(new ConditionFact(Set.of(), "your answer: no", ClinicalStatus.UNKNOWN, null, null,
              new SourceRef("Answer", key)));
        }
      }
    });
    pregnancy(answers, QuestionPlanner.PREGNANT, "pregnancy-status", "pregnant", asOf).ifPresent(coded::add);
    pregnancy(answers, QuestionPlanner.BREASTFEEDING, "lactation-status", "lactating", asOf).ifPresent(coded::add);
    if ("yes".equals(answers.get(QuestionPlanner.TRANSFUSION))) {
      procedures.add(new ProcedureFact(Set.of("transfusion"), "blood transfusion (your answer)", asOf,
          new SourceRef("Answer", QuestionPlanner.TRANSFUSION)));
    }
    return new PatientFacts("questionnaire", birth, sex, measurements, coded, conditions, List.of(), procedures,
        List.of(), List.of());
  }

  private static java.util.Optional<Measurement> measurement(Question q, String value, Answers answers,
                                                             LocalDate asOf) {
    Double number = decimal(value);
    if (number == null || number < 0) return java.util.Optional.empty();
    String unit = answers.get("unit." + q.key());
    UnitChoice choice = q.units().stream().filter(c -> c.code().equals(unit)).findFirst()
        .orElse(q.units().isEmpty() ? null : q.units().get(0));
    // a unit the question did not offer (a tampered form) leaves the value unread: the criterion stays open
    if (unit != null && !q.units().isEmpty() && q.units().stream().noneMatch(c -> c.code().equals(unit))) {
      return java.util.Optional.empty();
    }
    double factor = choice == null ? 1 : choice.toCanonical();
    Double uln = answers.known("uln." + q.key()) ? decimal(answers.get("uln." + q.key())) : null;
    return java.util.Optional.of(new Measurement(q.key().substring(2), number * factor, q.unit(), asOf,
        uln == null ? null : uln * factor, null, value + (choice == null ? "" : " " + choice.code()),
        new SourceRef("Answer", q.key())));
  }

  private static java.util.Optional<CodedObservation> pregnancy(Answers answers, String key, String measure,
                                                                String concept, LocalDate asOf) {
    String v = answers.get(key);
    if (!"yes".equals(v) && !"no".equals(v)) return java.util.Optional.empty();
    return java.util.Optional.of(new CodedObservation(measure, Set.of(v.equals("yes") ? concept : "not-" + concept),
        v.equals("yes") ? "yes (your answer)" : "no (your answer)", asOf, new SourceRef("Answer", key)));
  }

  private static Rule rewrite(Rule rule, String trialId, Criterion criterion, Answers answers,
                              Function<Question, String> wording) {
    return switch (rule) {
      case AllOf r -> new AllOf(r.rules().stream().map(p -> rewrite(p, trialId, criterion, answers, wording)).toList());
      case AnyOf r -> new AnyOf(r.rules().stream().map(p -> rewrite(p, trialId, criterion, answers, wording)).toList());
      case AtLeast r -> new AtLeast(r.count(), r.rules().stream()
          .map(p -> rewrite(p, trialId, criterion, answers, wording)).toList());
      case Not r -> new Not(rewrite(r.rule(), trialId, criterion, answers, wording));
      case ConditionRule r -> history(r, answers, wording);
      case MedicationRule r -> history(r, answers, wording);
      case ProcedureRule r -> history(r, answers, wording);
      case AllergyRule r -> history(r, answers, wording);
      case ImmunizationRule r -> history(r, answers, wording);
      default -> rule;
    };
  }

  /** A closed-world leaf: a yes/no fact when answered, an open question otherwise. */
  private static Rule history(Rule leaf, Answers answers, Function<Question, String> wording) {
    String key = QuestionPlanner.keyOf(leaf);
    Question q = QuestionPlanner.questions("", new Criterion("x", org.eligo.core.rule.CriterionType.INCLUSION, "x",
        leaf, org.eligo.core.rule.RuleOrigin.PARSED)).stream().filter(x -> x.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no question for " + leaf));
    return answers.known(key) ? answered(q) : new Ask(wording.apply(q));
  }

  private static Rule answered(Question q) {
    return new ConditionRule(Set.of(ANSWER_CONCEPT + q.key()), Set.of(), TimeWindow.EVER, q.label());
  }

  static Integer wholeNumber(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Double decimal(String text) {
    try {
      double d = Double.parseDouble(text.strip().replace(',', '.'));
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
