package org.eligo.registry.golden;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;

/**
 * Whether an INELIGIBLE verdict rests on the record. A criterion that rules the patient out must show a record
 * fact as evidence, or be about coded history (conditions, medications, procedures, allergies, vaccines), which is
 * read closed-world on purpose: no record of PRCA means no PRCA. Anything else (a missing lab, age, sex or
 * pregnancy status deciding against the patient with nothing to show) is a false exclusion.
 */
final class ExclusionGrounds {
  private ExclusionGrounds() {}

  /** The excluding criteria of an INELIGIBLE result that rest on no record fact; empty when all is well. */
  static List<String> ungrounded(TrialResult result) {
    List<String> out = new ArrayList<>();
    if (result.verdict() != Verdict.INELIGIBLE) return out;
    List<CriterionResult> reasons = result.reasons();
    if (reasons.isEmpty()) out.add(result.trialId() + ": INELIGIBLE with no excluding criterion");
    for (CriterionResult r : reasons) {
      if (r.evidence().isEmpty() && !closedWorld(r.criterion().rule())) {
        out.add(result.trialId() + " " + r.criterion().id() + " (" + r.criterion().type() + " " + r.status()
            + ") rests on no record fact: " + r.criterion().text());
      }
    }
    return out;
  }

  /** True when the rule has a coded-history part, which may decide on the absence of a record. */
  static boolean closedWorld(Rule rule) {
    return switch (rule) {
      case ConditionRule r -> true;
      case MedicationRule r -> true;
      case ProcedureRule r -> true;
      case AllergyRule r -> true;
      case ImmunizationRule r -> true;
      case AllOf r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case AnyOf r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case AtLeast r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case Not r -> closedWorld(r.rule());
      default -> false;
    };
  }
}
