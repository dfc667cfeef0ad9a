package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.Rule;
import org.eligo.core.trial.RegistryAge;

/**
 * The ages at which a group of patients read by its ages can be sure to hold a patient (§99 review): "adults" are
 * sure from 18 (16 and 17 only asked), "patients ≥ 65 years" from 65, "children" from 2 to 11. Two groups whose sure
 * ages meet hold some patient in both. Groups not read by ages alone (by sex, by a disease) are not judged here: they
 * are held each to its own limit, as §88 reads them.
 */
final class AgeSpans {
  private AgeSpans() {
  }

  /** A span of ages in days, from (inclusive) to (exclusive). */
  private record Span(double from, double to) {
  }

  /** Whether some patient may surely be in both groups, both read by their ages. */
  static boolean mayOverlap(Rule a, Rule b) {
    List<Span> x = sure(a);
    List<Span> y = sure(b);
    if (x == null || y == null) return false;
    for (Span s : x) {
      for (Span t : y) {
        if (s.from() < t.to() && t.from() < s.to()) return true;
      }
    }
    return false;
  }

  /** The ages at which the group can be true, or null where it is not read by ages alone (any age). */
  private static List<Span> sure(Rule rule) {
    switch (rule) {
      case AgeRule age -> {
        return List.of(span(age));
      }
      case Ask ask -> {
        return List.of(); // a question is never sure
      }
      case AnyOf any -> {
        List<Span> all = new ArrayList<>();
        for (Rule r : any.rules()) {
          List<Span> s = sure(r);
          if (s == null) return null;
          all.addAll(s);
        }
        return all;
      }
      case AllOf all -> {
        // true only where each part is: any one part's ages bound it
        List<Span> narrowest = null;
        for (Rule r : all.rules()) {
          List<Span> s = sure(r);
          if (s != null && (narrowest == null || s.isEmpty())) narrowest = s;
        }
        return narrowest;
      }
      default -> {
        return null;
      }
    }
  }

  private static Span span(AgeRule age) {
    double from = age.min() == null ? 0 : age.minInclusive() ? age.min().approximateDays() : next(age.min());
    double to = age.max() == null ? Double.MAX_VALUE : age.maxInclusive() ? next(age.max())
        : age.max().approximateDays();
    return new Span(from, to);
  }

  /** The first day past an age counted in completed units: "80 years" inclusive ends at 81. */
  private static double next(RegistryAge age) {
    return new RegistryAge(age.amount() + 1, age.unit()).approximateDays();
  }
}
