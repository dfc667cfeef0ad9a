package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ReadableNumber;
import org.eligo.core.rule.Rule;

/**
 * A QTc limit that names its correction formula ("QTcF ≤ 470 ms", "QTc (Fridericia) &gt; 480 ms", "QTcB &gt; 450 ms"):
 * the record's QTc does not say which formula gave it. ECG machines mostly report Bazett's, which reads higher than
 * Fridericia's at heart rates over 60 and lower below it (QTcB = QT/√RR, QTcF = QT/∛RR), and the terminology's QTc
 * measure holds the formula-specific LOINC codes (76634-5 Fridericia, 76635-2 Bazett) beside the unspecified one
 * (8636-3). So a value that would fail such a limit, or exclude on it, is asked ("Is the QTc by Fridericia's formula
 * ≤ 470 ms?") instead of deciding; one that meets it, or does not exclude, decides as before. A QTc limit without a
 * formula takes the record's QTc, as before.
 */
final class QtcFormula {
  static final String QTC = "qtc";
  private static final Pattern FRIDERICIA = Pattern.compile("(?i)\\bqtc\\s*-?\\s*f\\b|fridericia");
  private static final Pattern BAZETT = Pattern.compile("(?i)\\bqtc\\s*-?\\s*b\\b|bazett");
  private static final Pattern OTHER = Pattern.compile("(?i)\\bframingham\\b|\\bhodges\\b|\\bsagie\\b");

  private QtcFormula() {}

  /** {@code rule} with each QTc limit softened where it would fail the patient, when {@code text} names a formula. */
  static Rule soften(Rule rule, CriterionType type, String text) {
    if (type == null || text == null) return rule;
    String formula = FRIDERICIA.matcher(text).find() ? "Fridericia's formula"
        : BAZETT.matcher(text).find() ? "Bazett's formula"
        : OTHER.matcher(text).find() ? "the formula the criterion names" : null;
    return formula == null ? rule : rewrite(rule, type == CriterionType.INCLUSION, formula);
  }

  /** {@code mustHold}: the part must be met for the patient to stay eligible (NOT_MET would fail or exclude). */
  private static Rule rewrite(Rule rule, boolean mustHold, String formula) {
    return switch (rule) {
      case MeasurementRule m when QTC.equals(m.measure()) -> {
        Ask ask = new Ask("Is the QTc by " + formula + " " + m.comparator().symbol() + " "
            + ReadableNumber.of(m.threshold()) + " ms? (The record's QTc does not say which formula gave it.)");
        yield mustHold ? new AnyOf(List.of(m, ask)) : new AllOf(List.of(m, ask));
      }
      case AllOf a -> new AllOf(each(a.rules(), mustHold, formula));
      case AnyOf a -> new AnyOf(each(a.rules(), mustHold, formula));
      case AtLeast a -> new AtLeast(a.count(), each(a.rules(), mustHold, formula));
      case Not n -> new Not(rewrite(n.rule(), !mustHold, formula));
      default -> rule;
    };
  }

  private static List<Rule> each(List<Rule> rules, boolean mustHold, String formula) {
    return rules.stream().map(r -> rewrite(r, mustHold, formula)).toList();
  }
}
