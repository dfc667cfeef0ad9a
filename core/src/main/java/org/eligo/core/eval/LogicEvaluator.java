package org.eligo.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.Rule;

/**
 * Combinators in three-valued logic. The evidence and questions reported are those of the parts that decided the
 * result: the failing parts of a failed AND, the unknown parts of an undecided one, all parts of a met one.
 */
final class LogicEvaluator {
  private LogicEvaluator() {}

  static Outcome allOf(AllOf rule, PatientIndex patient, EvaluationContext context) {
    if (!context.explain()) {
      Truth truth = Truth.MET;
      List<Rule> parts = rule.rules();
      for (int i = 0, n = parts.size(); i < n; i++) {
        truth = truth.and(RuleEvaluator.evaluate(parts.get(i), patient, context).truth());
        if (truth == Truth.NOT_MET) break;
      }
      return Outcome.of(truth);
    }
    List<Outcome> parts = evaluateAll(rule.rules(), patient, context);
    Truth truth = Truth.MET;
    for (Outcome part : parts) truth = truth.and(part.truth());
    if (!context.explain()) return Outcome.of(truth);
    // Undecided: show what is known (the met parts' evidence) beside what is asked.
    return Outcome.combine(truth, truth == Truth.UNKNOWN ? parts : deciding(parts, truth));
  }

  static Outcome anyOf(AnyOf rule, PatientIndex patient, EvaluationContext context) {
    if (!context.explain()) {
      Truth truth = Truth.NOT_MET;
      List<Rule> parts = rule.rules();
      for (int i = 0, n = parts.size(); i < n; i++) {
        truth = truth.or(RuleEvaluator.evaluate(parts.get(i), patient, context).truth());
        if (truth == Truth.MET) break;
      }
      return Outcome.of(truth);
    }
    List<Outcome> parts = evaluateAll(rule.rules(), patient, context);
    Truth truth = Truth.NOT_MET;
    for (Outcome part : parts) truth = truth.or(part.truth());
    if (!context.explain()) return Outcome.of(truth);
    return Outcome.combine(truth, deciding(parts, truth));
  }

  /** MET once {@code count} parts are MET; NOT_MET once too few can still be; otherwise UNKNOWN. */
  static Outcome atLeast(AtLeast rule, PatientIndex patient, EvaluationContext context) {
    List<Outcome> parts = evaluateAll(rule.rules(), patient, context);
    int met = 0;
    int unknown = 0;
    for (Outcome part : parts) {
      if (part.truth().isMet()) met++;
      else if (part.truth().isUnknown()) unknown++;
    }
    Truth truth = met >= rule.count() ? Truth.MET : met + unknown < rule.count() ? Truth.NOT_MET : Truth.UNKNOWN;
    if (!context.explain()) return Outcome.of(truth);
    List<Outcome> reported = truth == Truth.UNKNOWN ? parts.stream()
        .filter(p -> !p.truth().isNotMet()).toList() : deciding(parts, truth);
    return Outcome.combine(truth, reported);
  }

  private static List<Outcome> evaluateAll(List<Rule> rules, PatientIndex patient, EvaluationContext context) {
    List<Outcome> parts = new ArrayList<>(rules.size());
    for (Rule r : rules) parts.add(RuleEvaluator.evaluate(r, patient, context));
    return parts;
  }

  private static List<Outcome> deciding(List<Outcome> parts, Truth truth) {
    List<Outcome> same = parts.stream().filter(p -> p.truth() == truth).toList();
    return same.isEmpty() ? parts : same;
  }
}
