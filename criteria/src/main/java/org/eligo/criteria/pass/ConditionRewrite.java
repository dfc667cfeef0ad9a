package org.eligo.criteria.pass;

import java.util.List;
import java.util.function.BiFunction;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * Rewrites every diagnosis rule in a criterion's rule tree, knowing for each whether the patient stays eligible only if
 * it is MET ({@code mustHold}: an inclusion's positive part, or negated inside an exclusion) or only if it is NOT_MET.
 * The passes that keep a record from wrongly excluding a patient differ only in what they do to one diagnosis rule.
 */
final class ConditionRewrite {
  private final BiFunction<ConditionRule, Boolean, Rule> leaf;

  /** @param leaf the rewrite of one diagnosis rule, given whether it must hold */
  ConditionRewrite(BiFunction<ConditionRule, Boolean, Rule> leaf) {
    this.leaf = leaf;
  }

  Rule apply(Rule rule, CriterionType type) {
    return rewrite(rule, type == CriterionType.INCLUSION);
  }

  private Rule rewrite(Rule rule, boolean mustHold) {
    return switch (rule) {
      case ConditionRule c -> leaf.apply(c, mustHold);
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
