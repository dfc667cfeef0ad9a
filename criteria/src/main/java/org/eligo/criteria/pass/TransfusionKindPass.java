package org.eligo.criteria.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.TimeWindow;

/**
 * A red-cell or platelet transfusion named in a criterion may be the transfusion the record lists without its kind
 * ("Blood transfusion", "Transfusion of blood product"): §77 read it so for counts and independence, but a sentence
 * that names the transfusion alone ("RBC transfusion within the previous 12 weeks", "No red blood cell transfusion
 * within 4 weeks before screening", "Platelet transfusion within 7 days prior to screening") was the kind alone, so a
 * patient whose record says only "Blood transfusion" two weeks ago failed the first and met the second (DECISIONS 87).
 *
 * <p>Each such rule becomes: the kind named, or a transfusion in the same window the record gives without a kind with
 * the question whether it was of that kind. Where the rule must not hold (an exclusion, a denial in the inclusion
 * list), a transfusion of the other kind in the window accounts for the unnamed one, as §77's independence does: a
 * patient given platelets alone is not asked about red cells. Rules the count recogniser already built so are left.
 */
public final class TransfusionKindPass {
  private static final String RED = "red-cell-transfusion";
  private static final String PLATELET = "platelet-transfusion";
  private static final Set<String> ANY = Set.of("transfusion");

  public Rule apply(Rule rule, CriterionType type) {
    return rewrite(rule, type == CriterionType.INCLUSION);
  }

  private Rule rewrite(Rule rule, boolean mustHold) {
    return switch (rule) {
      case ProcedureRule p when kind(p) != null -> ofKind(p, mustHold);
      case AnyOf a when alreadyRead(a) -> a;
      case AllOf a -> new AllOf(each(a.rules(), mustHold));
      case AnyOf a -> new AnyOf(each(a.rules(), mustHold));
      case AtLeast a -> new AtLeast(a.count(), each(a.rules(), mustHold));
      case Not n -> new Not(rewrite(n.rule(), !mustHold));
      default -> rule;
    };
  }

  private List<Rule> each(List<Rule> rules, boolean mustHold) {
    return rules.stream().map(r -> rewrite(r, mustHold)).toList();
  }

  /** The kind a rule names alone (red cells or platelets), or null. */
  private static String kind(ProcedureRule p) {
    return p.concepts().equals(Set.of(RED)) ? RED : p.concepts().equals(Set.of(PLATELET)) ? PLATELET : null;
  }

  /** The count recogniser's reading (§77): the kind, or a transfusion of no stated kind asked about. */
  private static boolean alreadyRead(AnyOf a) {
    boolean named = false;
    boolean unnamed = false;
    for (Rule r : a.rules()) {
      named |= r instanceof ProcedureRule p && kind(p) != null;
      unnamed |= r instanceof AllOf all && !all.rules().isEmpty() && all.rules().getFirst() instanceof ProcedureRule p
          && p.concepts().equals(ANY);
    }
    return named && unnamed;
  }

  private static Rule ofKind(ProcedureRule named, boolean mustHold) {
    String kind = kind(named);
    String label = kind.equals(RED) ? "red blood cell transfusion" : "platelet transfusion";
    List<Rule> unnamed = new ArrayList<>();
    // plasma is a stated kind, no red cells or platelets: it is not asked about (DECISIONS 92)
    unnamed.add(new ProcedureRule(ANY, named.window(), "blood transfusion", named.atLeast(), named.units(),
        Set.of("plasma-transfusion")));
    if (!mustHold) {
      String other = kind.equals(RED) ? PLATELET : RED;
      unnamed.add(new Not(new ProcedureRule(Set.of(other), named.window(), other.equals(PLATELET)
          ? "platelet transfusion" : "red blood cell transfusion")));
    }
    String when = named.window() instanceof TimeWindow.WithinDays w ? " in the last " + RuleDescriber.span(w.days())
        : "";
    unnamed.add(new Ask("The record lists a transfusion" + when + " without saying what was given: was it a " + label
        + "?"));
    return AnyOf.of(named, new AllOf(unnamed));
  }
}
