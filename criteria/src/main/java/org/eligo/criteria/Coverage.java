package org.eligo.criteria;

import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/**
 * How much of a trial's (or many trials') criteria became rules, for {@code eligo criteria --coverage}.
 *
 * @param total criteria, registry-field criteria included
 * @param registryFields from the structured age/sex fields
 * @param parsed turned into a rule by the parser
 * @param curated from a curated rule set
 * @param unparsed not understood ({@link Unparsed})
 * @param confirmations screening confirmations (counted in parsed or curated too)
 */
public record Coverage(int trials, int total, int registryFields, int parsed, int curated, int unparsed,
                       int confirmations) {

  public static final Coverage NONE = new Coverage(0, 0, 0, 0, 0, 0, 0);

  public static Coverage of(CriteriaSet set) {
    int registry = 0;
    int parsed = 0;
    int curated = 0;
    int unparsed = 0;
    int confirmations = 0;
    for (Criterion c : set.criteria()) {
      if (c.rule() instanceof Unparsed) unparsed++;
      else if (c.origin() == RuleOrigin.REGISTRY_FIELDS) registry++;
      else if (c.origin() == RuleOrigin.CURATED) curated++;
      else parsed++;
      if (c.rule() instanceof ScreeningConfirmation) confirmations++;
    }
    return new Coverage(1, set.criteria().size(), registry, parsed, curated, unparsed, confirmations);
  }

  public Coverage plus(Coverage o) {
    return new Coverage(trials + o.trials, total + o.total, registryFields + o.registryFields, parsed + o.parsed,
        curated + o.curated, unparsed + o.unparsed, confirmations + o.confirmations);
  }

  /** Share of criteria turned into rules, 0..1; 1 when there are none. */
  public double share() {
    return total == 0 ? 1.0 : (double) (total - unparsed) / total;
  }

  /** One line for people: "14 trials, 120 criteria: 80 parsed, 20 curated, ... (83% understood)". */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "%d trials, %d criteria: %d parsed, %d curated, %d from registry fields, %d unparsed, %d screening "
            + "confirmations (%.0f%% understood)",
        trials, total, parsed, curated, registryFields, unparsed, confirmations, share() * 100);
  }
}
