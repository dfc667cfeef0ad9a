package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A washout that B-cell recovery waives: "No rituximab within 6 months (or B-cell recovery)", "At least 6 months since
 * last dose of rituximab or documented B-cell recovery", and in the exclusion list "Rituximab within 6 months (or
 * until B-cell recovery)" (DECISIONS §73). The recovery had been read as an alternative not understood inside the
 * drug's window: in the inclusion list a patient dosed 3 months ago whose B cells had recovered failed, and in the
 * exclusion list was excluded, while one never on the drug was only asked. The clause is a way out of the washout:
 * the sentence without it, read as the other passes read it, or (inclusion) the recovery asked; and (exclusion) the
 * washout with the question whether the B cells are still depleted. The record holds no B-cell recovery as such (a
 * CD19 count has no limit the trial states here), so it is always a question.
 */
final class RecoveryAlternative implements Recogniser {
  private static final String B_CELLS = "(?:peripheral\\s+)?(?:B[- ]?cells?|B[- ]?lymphocytes?|CD19\\+?(?:\\s*B[- ]?"
      + "cells?)?|CD20\\+?(?:\\s*B[- ]?cells?)?)";
  private static final Pattern RECOVERY = Pattern.compile("(?i)\\s*[,(]?\\s*(?:or|and/or)\\s+(?:until\\s+|unless\\s+)?"
      + "(?:there\\s+is\\s+)?(?:(?:documented|evidence\\s+of|confirmed|laboratory)\\s+)?(?:" + B_CELLS
      + "(?:\\s+counts?)?\\s+(?:recovery|repletion|reconstitution)|(?:recovery|repletion|reconstitution)\\s+of\\s+"
      + B_CELLS + "(?:\\s+counts?)?|" + B_CELLS + "(?:\\s+counts?)?\\s+(?:has|have)\\s+recovered)"
      + "(?:\\s+(?:is|has\\s+been)\\s+(?:documented|confirmed|demonstrated))?\\s*\\)?\\s*[.;]?\\s*$");

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() || !s.lower.contains("recover") && !s.lower.contains("repletion")
        && !s.lower.contains("reconstitution")) {
      return;
    }
    Matcher m = RECOVERY.matcher(s.text);
    if (!m.find()) return;
    String washout = s.text.substring(0, m.start()).strip();
    if (washout.isEmpty()) return;
    Rule rule = s.parser.parseNested(washout, s.type, s.depth + 1);
    if (!namesDrug(rule)) return;
    String quoted = "\u201c" + s.text.strip() + "\u201d";
    s.settle(s.type == CriterionType.EXCLUSION
        ? new AllOf(List.of(rule, new Ask("Are the patient's B cells still depleted (not recovered), as the trial means "
            + "it: " + quoted + "?")))
        : new AnyOf(List.of(rule, new Ask("Have the patient's B cells recovered, as the trial means it: " + quoted
            + "?"))));
  }

  private static boolean namesDrug(Rule rule) {
    return switch (rule) {
      case MedicationRule m -> true;
      case Not n -> namesDrug(n.rule());
      case AnyOf a -> a.rules().stream().anyMatch(RecoveryAlternative::namesDrug);
      case AllOf a -> a.rules().stream().anyMatch(RecoveryAlternative::namesDrug);
      case AtLeast a -> a.rules().stream().anyMatch(RecoveryAlternative::namesDrug);
      default -> false;
    };
  }
}
