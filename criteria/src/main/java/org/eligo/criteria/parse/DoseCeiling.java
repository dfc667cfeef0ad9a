package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A most a drug's dose may be, in the inclusion list: "Prednisone dose ≤ 10 mg/day", "Corticosteroids up to 20 mg/day
 * prednisone or equivalent". Read as the drug and a question about its dose, it required the drug, and a patient
 * who never took prednisone failed a limit a dose of none meets. The limit is {@code any of (not the drug, the drug
 * with its dose asked)}: a patient without the drug passes, one on it is asked. "On a stable dose of prednisone ≤ 20
 * mg/day" names a dose the patient is to be on, and stays as read (DECISIONS §30).
 */
final class DoseCeiling {
  private static final Pattern STABLE = Pattern.compile("\\bstable\\b|\\bmust\\s+be\\s+(?:on|receiving|taking)\\b");

  private DoseCeiling() {}

  /** The limit read as the drug with its dose asked, or left as it is when it is not of that shape. */
  static Rule of(Sentence s, Rule rule) {
    if (STABLE.matcher(s.lower).find() || !(rule instanceof AllOf all)) return rule;
    List<Rule> drugs = new ArrayList<>();
    for (Rule part : all.rules()) {
      if (part instanceof MedicationRule) drugs.add(part);
      else if (!(part instanceof Ask)) return rule;
    }
    if (drugs.isEmpty()) return rule;
    Rule taken = drugs.size() == 1 ? drugs.get(0) : new AllOf(drugs);
    return new AnyOf(List.of(new Not(taken), rule));
  }
}
