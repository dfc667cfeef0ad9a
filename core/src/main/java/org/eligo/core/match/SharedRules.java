package org.eligo.core.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.eval.TrialEvaluator.Decision;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;

/**
 * The deciding criteria of a candidate list with every distinct rule numbered once. Registries repeat criteria
 * ("18 years or older", "pregnant or breastfeeding", the same blood counts), and a rule's truth depends only on the
 * rule, the patient and the date, so one match evaluates each distinct rule at most once and every later trial that
 * shares it reads the remembered truth. Screening confirmations never decide and are left out.
 */
final class SharedRules {
  private static final byte NOT_YET = 0;
  private static final Decision INELIGIBLE = new Decision(Verdict.INELIGIBLE, 0);
  private static final Decision ELIGIBLE = new Decision(Verdict.ELIGIBLE, 0);

  private final Rule[] rules;
  /** Per candidate, in registry order: the rule's number shifted left once, plus 1 for an exclusion. */
  private final int[][] criteria;
  private volatile Decision[] needsInfo = new Decision[0];

  private SharedRules(Rule[] rules, int[][] criteria) {
    this.rules = rules;
    this.criteria = criteria;
  }

  static SharedRules of(List<MatchCandidate> candidates) {
    Map<Rule, Integer> numbers = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    int[][] criteria = new int[candidates.size()][];
    for (int i = 0; i < criteria.length; i++) {
      List<Criterion> all = candidates.get(i).criteria().criteria();
      int[] coded = new int[all.size()];
      int n = 0;
      for (Criterion c : all) {
        if (c.rule() instanceof ScreeningConfirmation) continue;
        int number = numbers.computeIfAbsent(c.rule(), r -> {
          rules.add(r);
          return rules.size() - 1;
        });
        coded[n++] = number << 1 | (c.type() == CriterionType.EXCLUSION ? 1 : 0);
      }
      criteria[i] = java.util.Arrays.copyOf(coded, n);
    }
    return new SharedRules(rules.toArray(Rule[]::new), criteria);
  }

  /** The same rules for the candidates at {@code positions} of this list, in that order. */
  SharedRules subset(int[] positions) {
    int[][] kept = new int[positions.length][];
    for (int i = 0; i < positions.length; i++) kept[i] = criteria[positions[i]];
    return new SharedRules(rules, kept);
  }

  /** Distinct rules across the list. */
  int distinctRules() {
    return rules.length;
  }

  /** Fresh memory for one match: one truth per distinct rule, none evaluated yet. */
  byte[] newMemory() {
    return new byte[rules.length];
  }

  /**
   * Decides candidate {@code position} exactly as {@link org.eligo.core.eval.TrialEvaluator#decide} would, reading
   * and filling {@code memory}, which must belong to this patient and context.
   */
  Decision decide(int position, byte[] memory, PatientIndex patient, EvaluationContext deciding) {
    int[] coded = criteria[position];
    int open = 0;
    for (int code : coded) {
      int number = code >>> 1;
      byte truth = memory[number];
      if (truth == NOT_YET) {
        truth = code(RuleEvaluator.evaluate(rules[number], patient, deciding).truth());
        memory[number] = truth;
      }
      boolean exclusion = (code & 1) != 0;
      if (exclusion ? truth == 1 : truth == 2) return INELIGIBLE;
      if (truth == 3) open++;
    }
    return open > 0 ? needsInfo(open) : ELIGIBLE;
  }

  private static byte code(Truth truth) {
    return switch (truth) {
      case MET -> 1;
      case NOT_MET -> 2;
      case UNKNOWN -> 3;
    };
  }

  private Decision needsInfo(int open) {
    Decision[] known = needsInfo;
    if (open < known.length) return known[open];
    Decision[] grown = java.util.Arrays.copyOf(known, Math.max(open + 1, known.length * 2));
    for (int i = known.length; i < grown.length; i++) grown[i] = new Decision(Verdict.NEEDS_INFO, i);
    needsInfo = grown;
    return grown[open];
  }
}
