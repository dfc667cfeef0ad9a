package org.eligo.core.eval;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ValueBound;
import org.eligo.core.rule.Comparator;

/**
 * A result written as a bound against a threshold: MET when every result the bound allows passes, NOT_MET when none
 * does, else UNKNOWN. "&lt;5" passes "&lt; 10" and fails "≥ 10", but says nothing of "&lt; 3"; "&lt;=5" says nothing of
 * "&lt; 5" (the result may be 5). A bound within a relative 1e-9 of the threshold counts as equal to it, as in
 * {@link Comparator#test}.
 */
final class BoundComparison {
  private BoundComparison() {}

  static Truth truth(ValueBound bound, double value, Comparator comparator, double threshold) {
    if (Math.abs(value - threshold) <= 1e-9 * Math.max(1.0, Math.abs(threshold))) value = threshold;
    boolean on = value == threshold;
    boolean boundIncludesIt = bound.inclusive();
    if (comparator == Comparator.EQ) {
      // a bound allows infinitely many results: never all equal to the threshold
      boolean excluded = bound.upper() ? value < threshold : value > threshold;
      return excluded || (on && !boundIncludesIt) ? Truth.NOT_MET : Truth.UNKNOWN;
    }
    boolean ruleUpper = comparator == Comparator.LT || comparator == Comparator.LE;
    boolean ruleIncludesIt = comparator == Comparator.LE || comparator == Comparator.GE;
    // how far the bound reaches past the threshold, in the direction the bound opens
    boolean beyond = bound.upper() ? value < threshold : value > threshold;
    if (bound.upper() == ruleUpper) {
      // same direction ("<5" against "< 10"): every allowed result passes when the bound lies inside the rule's range
      return beyond || (on && (ruleIncludesIt || !boundIncludesIt)) ? Truth.MET : Truth.UNKNOWN;
    }
    // opposite directions ("<5" against "≥ 10"): none passes when the bound lies outside the rule's range
    return beyond || (on && !(ruleIncludesIt && boundIncludesIt)) ? Truth.NOT_MET : Truth.UNKNOWN;
  }
}
