package org.eligo.criteria.pass;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;

/**
 * Keeps a chronic, possibly controlled infection from excluding a patient under a generic "infection" criterion.
 *
 * <p>The terminology files HIV and hepatitis B and C under {@code infection}, so "Active infection" or "No
 * active infections" would read a patient with HIV on treatment, or chronic hepatitis B, as having an active infection
 * and exclude them; what a trial means by it (an infection the patient is fighting now) is a judgement the record
 * does not hold. Where the generic infection would exclude — an exclusion's positive part, or negated inside an
 * inclusion — this pass turns {@code condition(infection)} into {@code any of: condition(infection, except those);
 * all of: condition(those), ask("does it count?")}: an acute infection on record (COVID-19, tuberculosis) still
 * excludes, a chronic one leaves the criterion open with the question. A criterion that names the chronic infection
 * itself ("Active infection, HIV or hepatitis B") still excludes on it.
 */
public final class ChronicInfectionPass {
  /** The generic concept. */
  static final String INFECTION = "infection";
  /**
   * Chronic viral infections under it, often controlled for years on treatment: whether they count is asked. An active
   * H. pylori infection is one to treat and clear, so it still counts (as the reviewed NCT06802055 cases say).
   */
  static final List<String> CHRONIC = List.of("hiv-infection", "hepatitis-b", "hepatitis-c");

  private final ConditionRewrite rewrite = new ConditionRewrite((c, mustHold) -> mustHold ? c : narrow(c));

  public Rule apply(Rule rule, CriterionType type) {
    return rewrite.apply(rule, type);
  }

  private static Rule narrow(ConditionRule c) {
    if (!c.concepts().contains(INFECTION)) return c;
    Set<String> chronic = new LinkedHashSet<>();
    for (String id : CHRONIC) {
      if (!c.concepts().contains(id) && !c.except().contains(id)) chronic.add(id);
    }
    if (chronic.isEmpty()) return c;
    Set<String> except = new LinkedHashSet<>(c.except());
    except.addAll(chronic);
    ConditionRule acute = new ConditionRule(c.concepts(), except, c.window(), c.label());
    ConditionRule lasting = new ConditionRule(chronic, c.except(), c.window(),
        "a chronic infection (HIV, hepatitis B or C)");
    Ask counts = new Ask("Does the patient's chronic infection (HIV, hepatitis B or C) count as \u201c"
        + c.label() + "\u201d as the trial means it (e.g. when it is treated and controlled)?");
    return AnyOf.of(acute, AllOf.of(lasting, counts));
  }
}
