package org.eligo.criteria.pass;

import java.util.List;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A vaccination a patient must have ("Vaccinated against Neisseria meningitidis", "Meningococcal vaccination within 3
 * years") is one the trial team can give before the first dose: complement-inhibitor trials vaccinate at screening, "at
 * the time of initiating study drug". Read as a fact of the record alone, a patient not yet vaccinated was ruled out.
 * Where a vaccination must hold (an inclusion's positive part, or denied in an exclusion), it becomes any of (the
 * vaccination on record, the question whether it can be given before the study treatment): a record that shows it
 * meets the criterion, one that does not leaves it asked, never failed. A vaccination that excludes ("Live vaccine
 * within 30 days") is unchanged.
 */
public final class VaccinationToComePass {

  public Rule apply(Rule rule, CriterionType type) {
    return type == null ? rule : rewrite(rule, type == CriterionType.INCLUSION);
  }

  private Rule rewrite(Rule rule, boolean mustHold) {
    return switch (rule) {
      case ImmunizationRule i when mustHold -> new AnyOf(List.of(i, new Ask("If the record does not show it: can the "
          + "patient receive the " + i.label() + " before starting the study treatment, as the trial requires?")));
      case AllOf a -> new AllOf(each(a.rules(), mustHold));
      case AnyOf a -> new AnyOf(each(a.rules(), mustHold));
      case AtLeast a -> new AtLeast(a.count(), each(a.rules(), mustHold));
      case Not n -> new Not(rewrite(n.rule(), !mustHold));
      default -> rule;
    };
  }

  private List<Rule> each(List<Rule> rules, boolean mustHold) {
    return rules.stream().map(r -> rewrite(r, mustHold)).toList();
  }
}
