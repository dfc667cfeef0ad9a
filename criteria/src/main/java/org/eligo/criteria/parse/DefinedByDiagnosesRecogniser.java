package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;

/**
 * A disease and the diseases that define it: "Diagnosis of Evans syndrome, defined as the presence of AIHA and ITP",
 * "Evans syndrome (defined as AIHA and ITP)". Read side by side, the definition was required beside the disease, so a
 * patient whose record codes Evans syndrome alone (as coders do, the syndrome being the two together) was failed.
 * The definition says what the disease is: the disease on record meets it, and so do the diseases it is defined by.
 * Only when both sides are diagnoses and nothing else (a definition by limits, treatments or words not read is left
 * to the other passes).
 */
final class DefinedByDiagnosesRecogniser implements Recogniser {
  private static final Pattern DEFINED_AS = Pattern.compile("(?i)^\\s*(?<name>[^()]*?\\S)[\\s,]*(?<open>\\()?\\s*"
      + "(?:(?:as\\s+)?defined\\s+(?:as|by)|which\\s+is\\s+defined\\s+as)\\s+(?:the\\s+)?(?:(?:presence|combination"
      + "|coexistence|co-occurrence)\\s+of\\s+)?(?:both\\s+)?(?<definition>[^()]+?)\\s*(?<close>\\))?\\s*[.;]?\\s*$");

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() || !s.lower.contains("defined")) return;
    Matcher m = DEFINED_AS.matcher(s.text);
    if (!m.matches() || (m.group("open") == null) != (m.group("close") == null)) return;
    Rule name = s.parser.parseNested(m.group("name"), s.type, s.depth + 1);
    Rule definition = s.parser.parseNested(m.group("definition"), s.type, s.depth + 1);
    if (!(name instanceof ConditionRule disease) || !diagnosesOnly(definition) || name.equals(definition)) return;
    if (definition instanceof ConditionRule kinds) {
      // "Thrombotic microangiopathy, defined as TTP or HUS", "History of thrombosis, defined as DVT or PE within the
      // past 12 months": the definition names the kinds that count, and its time. The disease on record alone (a
      // transplant-associated TMA, a DVT of 2019) is asked, never met: in the exclusion list it had excluded
      // (DECISIONS 89, review)
      // (the narrower time of the two: "Active autoimmune disease, defined as SLE or RA" is an active SLE)
      TimeWindow window = kinds.window() instanceof TimeWindow.Ever ? disease.window() : kinds.window();
      ConditionRule named = new ConditionRule(disease.concepts(), disease.except(), window, disease.label());
      ConditionRule kind = new ConditionRule(kinds.concepts(), kinds.except(), window, kinds.label());
      s.settle(new AnyOf(List.of(kind, new AllOf(List.of(named, new Ask("Is the patient's " + disease.label()
          + " one the definition names: \u201c" + s.text.strip() + "\u201d?"))))));
      return;
    }
    // "Evans syndrome, defined as AIHA and ITP": the syndrome is its parts together, either meets it; a part that
    // carries a time the disease does not is left to the other passes
    if (!sameWindow(definition, disease.window())) return;
    s.settle(new AnyOf(List.of(name, definition)));
  }

  private static boolean sameWindow(Rule rule, TimeWindow window) {
    return switch (rule) {
      case ConditionRule c -> c.window().equals(window);
      case AllOf a -> a.rules().stream().allMatch(r -> sameWindow(r, window));
      case AnyOf a -> a.rules().stream().allMatch(r -> sameWindow(r, window));
      default -> false;
    };
  }

  /** Diagnoses joined by "and" or "or", with nothing else in them. */
  private static boolean diagnosesOnly(Rule rule) {
    return switch (rule) {
      case ConditionRule c -> true;
      case AllOf a -> a.rules().size() > 1 && a.rules().stream().allMatch(DefinedByDiagnosesRecogniser::diagnosesOnly);
      case AnyOf a -> a.rules().size() > 1 && a.rules().stream().allMatch(DefinedByDiagnosesRecogniser::diagnosesOnly);
      default -> false;
    };
  }
}
