package org.eligo.criteria.parse;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;

/**
 * How far a leading "no"/"not" reaches in a sentence whose parts are joined by "and". "Not pregnant and treated with
 * rituximab", "Not receiving anticoagulants and with platelet count ≥ 50 × 10⁹/L", "No prior transplant and ECOG ≤ 2":
 * the negation denies what comes before the "and"; what comes after opens a clause of its own (a verb of its own, or a
 * limit to meet) and is required as written. Read as "not (pregnant and rituximab)", the sentence had admitted a
 * pregnant patient without rituximab and turned away no one without it. Bare names after the "and" ("No prior
 * chemotherapy and radiotherapy", "no therapy with rituximab and with eltrombopag") stay under the negation, each
 * denied ({@link #neither}).
 */
final class NegationScope {
  private NegationScope() {
  }

  /**
   * "and" then a word that starts a clause of its own: a verb, or "who", also after an adverb ("and newly diagnosed
   * ITP", "and histologically confirmed …") or as "a diagnosis of": each denied, "No prior splenectomy and newly
   * diagnosed ITP" had ruled out every patient with ITP (DECISIONS §40).
   */
  private static final Pattern OWN_CLAUSE = Pattern.compile(
      "^[\\s,;]*and\\s+(?:(?:is|are|be)\\s+)?(?:[a-z]+ly\\s+)?(?:treated|receiving|received|taking|takes|has|have"
          + "|having|had|must|should|able|willing|who|requires?|requiring|scheduled|planned|eligible|candidates?"
          + "|diagnosed|undergoing|underwent|previously|documented|confirmed|meets?|meeting"
          + "|(?:an?\\s+)?(?:[a-z]+\\s+)?diagnosis\\s+of)\\b");

  /**
   * "and" then "with" or nothing before a limit ("and with platelets ≥ 50", "and ECOG ≤ 2"), also after the span a
   * washout denies ("No rituximab for at least 6 months and platelets &lt; 30").
   */
  private static final Pattern AND_BEFORE_LIMIT = Pattern.compile("^[\\s,;]*(?:for\\s+(?:at\\s+least|a\\s+minimum\\s+of"
      + "|more\\s+than|over|≥)\\s*" + Durations.DURATION + "[\\s,;]*)?and\\s+(?:with\\s+|has\\s+|have\\s+)?"
      + "(?:an?\\s+|the\\s+)?");

  /**
   * The index of the first part that opens a clause of its own, or -1. {@code between[i]} is the text from the end of
   * part {@code i - 1} to the end of part {@code i} (the joining words and the part's own words).
   */
  static int firstAffirmed(List<String> between, List<Rule> rules) {
    for (int i = 1; i < rules.size(); i++) {
      String words = between.get(i);
      if (OWN_CLAUSE.matcher(words).find()) return i;
      if (limit(rules.get(i)) && AND_BEFORE_LIMIT.matcher(words).lookingAt()) return i;
    }
    return -1;
  }

  /** Words that make "A and B" one exposure to both: "in combination", "concomitantly", "together", "both". */
  private static final Pattern TOGETHER = Pattern.compile("\\b(?:combination|combined|together|concomitantly"
      + "|concurrently|simultaneous\\w*|both|plus|at the same time|same time)\\b");
  /**
   * "No concurrent use of anticoagulants and antiplatelet agents", "no concomitant A and B": the use now (each denied)
   * or the two taken together; a patient on one of them is asked.
   */
  private static final Pattern PERHAPS_TOGETHER = Pattern.compile("\\b(?:concurrent|concomitant)\\b");

  /**
   * What a leading "no"/"not" denies over names joined by "and": "Not receiving anticoagulants and antiplatelet
   * agents", "No prior rituximab and eltrombopag", "No history of diabetes and hypertension" deny each, neither is
   * allowed: any of them, for the caller to deny. Read as "not (both)", a patient on warfarin alone was admitted. Where
   * the sentence says the two are taken together ("concomitantly", "in combination", "both") the denial stays of
   * both, and anything other than names (a limit, a question, words not read) is left as it was: all of them.
   */
  static Rule neither(String text, List<Rule> rules, UnaryOperator<List<Rule>> merge) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (rules.size() < 2 || TOGETHER.matcher(lower).find() || !rules.stream().allMatch(NegationScope::named)
        || treatmentAndDisease(rules)) {
      return rules.size() == 1 ? rules.get(0) : new AllOf(rules);
    }
    List<Rule> merged = merge.apply(rules);
    Rule any = merged.size() == 1 ? merged.get(0) : new AnyOf(merged);
    if (!PERHAPS_TOGETHER.matcher(lower).find()) return any;
    // denied, this is: none of them, or not both and the question whether one alone is ruled out
    return new AllOf(List.of(any, new AnyOf(List.of(new AllOf(rules), new Ask("Does \u201c" + text + "\u201d rule"
        + " out a patient on only one of them (it may mean the two taken together)?")))));
  }

  /**
   * "No prior immunosuppressive therapy and severe aplastic anemia": a treatment denied beside a disease is as likely
   * the disease required as denied; read as neither, every patient with the trial's own disease failed, so both stay
   * denied together, as before DECISIONS §35 (§40).
   */
  private static boolean treatmentAndDisease(List<Rule> rules) {
    return rules.stream().anyMatch(r -> names(r, ConditionRule.class))
        && rules.stream().anyMatch(r -> names(r, MedicationRule.class) || names(r, ProcedureRule.class));
  }

  private static boolean names(Rule rule, Class<? extends Rule> kind) {
    return switch (rule) {
      case AnyOf any -> any.rules().stream().anyMatch(r -> names(r, kind));
      case AllOf all -> all.rules().stream().anyMatch(r -> names(r, kind));
      default -> kind.isInstance(rule);
    };
  }

  /** A disease, drug, procedure or vaccine, alone or with the question of past use ("Not on warfarin"). */
  private static boolean named(Rule rule) {
    return switch (rule) {
      case ConditionRule c -> true;
      case MedicationRule m -> true;
      case ProcedureRule p -> true;
      case ImmunizationRule i -> true;
      case AnyOf any -> any.rules().stream().allMatch(r -> r instanceof Ask || named(r));
      case AllOf all -> all.rules().stream().allMatch(r -> r instanceof Ask || named(r))
          && all.rules().stream().anyMatch(r -> !(r instanceof Ask));
      default -> false;
    };
  }

  private static boolean limit(Rule rule) {
    return rule instanceof MeasurementRule || rule instanceof AgeRule;
  }
}
