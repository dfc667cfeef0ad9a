package org.eligo.criteria.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.TimeWindow;

/**
 * Transfusion dependence and independence written as a count of units within a time (DECISIONS §72):
 * "Transfusion-dependent anemia, defined as at least 2 units of red blood cells in the 8 weeks before enrollment",
 * "RBC transfusion dependence (≥ 4 units in the 8 weeks prior)", "Transfusion-independent for at least 8 weeks".
 *
 * <p>A count of units ("≥ 4 units of RBC") or of transfusions ("≥ 2 RBC transfusion episodes") is a counted
 * {@link ProcedureRule} (DECISIONS 92): units summed from the entries that give them, one for each that does not (and
 * then a count that comes up short is asked), transfusions counted as entries on distinct days. A record without
 * procedures rules none out (§24). Independence is no transfusion of the
 * kind named in the window; with no kind named ("transfusion-independent") a transfusion found is asked about, since
 * trials mean red cells, platelets or both.
 */
final class TransfusionCountRecogniser implements Recogniser {
  private static final String WINDOW = "(?:in|within|during|over|for)\\s+(?:the\\s+)?(?:(?:last|past|previous"
      + "|preceding|prior)\\s+)?" + Durations.DURATION;
  /** "at least 2 units of red blood cells in the 8 weeks", "≥ 4 units in the 8 weeks prior", "2 or more RBC transfusions within 8 weeks". */
  private static final Pattern UNITS = Pattern.compile("(?i)(?<least>at\\s+least|≥|>=|a\\s+minimum\\s+of|minimum\\s+of"
      + "|(?<more>more\\s+than|>))?\\s*(?<count>" + Numbers.NUMBER + ")\\s*(?<ormore>or\\s+more\\s+)?(?:(?<unitword>units?|u)\\b"
      + "(?:\\s+of)?|(?=(?:packed\\s+)?(?:red|rbc|prbc|platelet|erythrocyte)[^,;]{0,30}?transfusions?))[^,;()]{0,60}?"
      + WINDOW);
  private static final Pattern INDEPENDENT = Pattern.compile("(?i)\\btransfusion[\\s-]+(?:independen(?:t|ce)|free)\\s+(?:for|during"
      + "|over)\\s+(?:at\\s+least\\s+|≥\\s*|a\\s+minimum\\s+of\\s+|the\\s+(?:last|past|previous|preceding)\\s+)?"
      + Durations.DURATION);
  /**
   * Independence defined by the absence it means (DECISIONS 92): "Platelet transfusion-independent (no platelet
   * transfusions for ≥ 4 weeks)", "RBC transfusion independence, defined as no RBC transfusions in the previous 8
   * weeks", "Transfusion-free: no transfusion within the last 8 weeks before enrollment". The "no" is the definition's,
   * not a negation of the independence.
   */
  private static final Pattern DEFINED = Pattern.compile("(?i)^[\\s*•-]*(?:(?:rbc|prbc|red\\s+(?:blood\\s+)?cell|"
      + "platelet)\\s+)?transfusion[\\s-]+(?:independen(?:t|ce)|free)\\s*(?:\\(|,|:|-|–)?\\s*(?:defined\\s+as\\s+"
      + "|i\\.e\\.,?\\s+|meaning\\s+)?(?:no|without(?:\\s+any)?)\\s+(?:(?:rbc|prbc|red\\s+(?:blood\\s+)?cell|"
      + "platelet)\\s+)?transfusions?\\s+(?:for|in|within|during|over)\\s+(?:the\\s+)?(?:(?:last|past|previous"
      + "|preceding|prior)\\s+)?(?:at\\s+least\\s+|≥\\s*|>=\\s*|a\\s+minimum\\s+of\\s+)?" + Durations.DURATION
      + "(?:\\s+(?:before|prior\\s+to)\\s+(?:enrol+ment|screening|randomi[sz]ation|study\\s+entry|baseline"
      + "|registration|consent|inclusion))?\\s*\\)?\\s*\\.?\\s*$");
  private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:no|not|never|without|none|nor|except|unless)\\b");
  private static final Pattern RED = Pattern.compile("(?i)\\b(?:red\\s+(?:blood\\s+)?cells?|rbcs?|prbcs?|erythrocytes?)\\b");
  private static final Pattern PLATELET = Pattern.compile("(?i)\\bplatelets?\\b");
  /**
   * What may stand beside the count without saying anything more: the words of dependence, anemia, the moment. The
   * plural "RBCs" / "pRBCs" is one of them (§87: "Requiring ≥ 4 units of RBCs in the 8 weeks before randomisation" was
   * unread).
   */
  private static final Pattern BESIDE = Pattern.compile("(?i)\\b(?:rbcs?|prbcs?|red|blood|cells?|packed|erythrocytes?"
      + "|platelets?|episodes?|transfusion[\\s-]*dependen(?:t|ce|cy)|transfusion[\\s-]*independen(?:t|ce)|transfusion[\\s-]*free|transfusions?"
      + "|dependen(?:t|ce|cy)|anaemia|anemia|defined|as|by|of|with|a|an|the|and|or|requiring|required|receiving|received"
      + "|history|documented|patients?|must|have|has|had|be|is|are|units?|u|in|within|during|over|for|at|least"
      + "|minimum|more|than|before|prior|to|preceding|enrol+ment|screening|study|entry|randomi[sz]ation|baseline"
      + "|inclusion|registration|consent|informed|visit|weeks?|days?|months?|or|last|past|previous|ago)\\b"
      + "|[0-9.,;:()≥>=\\-–/]|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\\b");

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() || !s.lower.contains("transfus") && !s.lower.contains("unit")) return;
    Matcher defined = DEFINED.matcher(s.text);
    if (defined.find()) {
      independence(s, kind(s.text), Durations.days(defined));
      return;
    }
    if (NEGATION.matcher(s.text).find()) return;
    if (!BESIDE.matcher(s.text).replaceAll(" ").isBlank()) return;
    // two limits ("Platelet transfusion-free for 2 weeks, and RBC transfusion-free for 8 weeks", "≥ 2 units in the 8
    // weeks or ≥ 4 units in the 16 weeks") are not the first alone: left to the other passes (§92 review)
    if (limits(INDEPENDENT, s.text) + limits(UNITS, s.text) > 1) return;
    Set<String> kind = kind(s.text);
    String label = label(kind);
    Matcher independent = INDEPENDENT.matcher(s.text);
    if (independent.find()) {
      independence(s, kind, Durations.days(independent));
      return;
    }
    Matcher units = UNITS.matcher(s.text);
    if (!units.find() || !s.lower.contains("transfus") && !RED.matcher(s.text).find()
        && !PLATELET.matcher(s.text).find()) {
      return;
    }
    int n = Numbers.count(units.group("count")) + (units.group("more") != null ? 1 : 0);
    int days = Durations.days(units);
    if (n < 1 || days < 1) return;
    // units ("≥ 4 units of RBC") are summed from what each entry gives; transfusions or episodes ("≥ 2 RBC
    // transfusion episodes") are entries (DECISIONS 92)
    boolean unitCount = units.group("unitword") != null;
    s.settle(ofKind(kind, days, label, false, n, unitCount));
  }

  private static int limits(Pattern limit, String text) {
    Matcher m = limit.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  private static Set<String> kind(String text) {
    return RED.matcher(text).find() && !PLATELET.matcher(text).find() ? Set.of("red-cell-transfusion")
        : PLATELET.matcher(text).find() && !RED.matcher(text).find() ? Set.of("platelet-transfusion")
        : Set.of("transfusion");
  }

  private static String label(Set<String> kind) {
    return kind.contains("red-cell-transfusion") ? "red blood cell transfusion"
        : kind.contains("platelet-transfusion") ? "platelet transfusion" : "blood transfusion";
  }

  /** No transfusion of the kind within the days; with no kind named one found is asked (§72). */
  private static void independence(Sentence s, Set<String> kind, int days) {
    if (days < 1) return;
    Not none = new Not(ofKind(kind, days, label(kind), true, 1, false));
    s.settle(kind.contains("transfusion") ? AnyOf.of(none, new Ask("The patient had a transfusion in the last "
        + RuleDescriber.span(days) + ": is the patient transfusion-independent as the trial means it (red cells,"
        + " platelets)?")) : none);
  }

  /**
   * A transfusion of the kind named within the days, or one the record lists without its kind ("Blood transfusion")
   * with the question whether it was of that kind (§77): read as the kind alone, a patient whose record says only
   * "Transfusion" two weeks ago failed "RBC transfusion dependence (≥ 2 units in the 8 weeks prior)" and met "RBC
   * transfusion-independent for 8 weeks". {@code strict} (under a denial) lets a transfusion of the other kind in the
   * window account for the unnamed one, so a patient given platelets alone stays RBC transfusion-independent.
   */
  private static Rule ofKind(Set<String> kind, int days, String label, boolean strict, int n, boolean units) {
    ProcedureRule named = new ProcedureRule(kind, TimeWindow.within(days), label, n, units);
    if (kind.contains("transfusion")) return named;
    java.util.List<Rule> unnamed = new java.util.ArrayList<>();
    // plasma is a stated kind, no red cells or platelets: it is not asked about (DECISIONS 92)
    unnamed.add(new ProcedureRule(Set.of("transfusion"), TimeWindow.within(days), "blood transfusion", n, units,
        Set.of("plasma-transfusion")));
    if (strict) {
      String other = kind.contains("red-cell-transfusion") ? "platelet-transfusion" : "red-cell-transfusion";
      unnamed.add(new Not(new ProcedureRule(Set.of(other), TimeWindow.within(days), other.equals(
          "platelet-transfusion") ? "platelet transfusion" : "red blood cell transfusion")));
    }
    unnamed.add(new Ask(n == 1 ? "The record lists a transfusion in the last " + RuleDescriber.span(days)
        + " without saying what was given: was it a " + label + "?" : "The record lists transfusions in the last "
        + RuleDescriber.span(days) + " without saying what was given: were at least " + n + (units ? " units" : "")
        + " of them " + label + (units ? "" : "s") + "?"));
    return AnyOf.of(named, new AllOf(unnamed));
  }
}
