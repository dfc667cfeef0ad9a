package org.eligo.criteria.parse;

import java.util.List;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A drug denied within a window in the inclusion list: "At least 4 weeks since last dose of rituximab", "Must not have
 * received romiplostim within 4 weeks", "No rituximab within 6 months". A record that lists the drug as ongoing, with
 * no end date, does not tell when the last dose was: an infusion (rituximab, IVIG, ATG) or a weekly injection
 * (romiplostim) stays "active" on a medication list between doses given months apart. Read as {@code not(taken within
 * N days)} alone, such a patient was INELIGIBLE on a dose the record never dates. The denial is therefore
 * {@code any of (not(taken within N days), all of (taking it now, ask: when was the last dose?))}: a course that
 * ended within the window fails, one that ended before it passes, one ongoing or without an end date is asked, and a
 * record without medications rules nothing out (DECISIONS §27).
 */
final class DrugWindowDenial {
  private DrugWindowDenial() {}

  /** {@code not(rule)}, asking the last dose where the rule is a drug within a window. */
  static Rule of(Rule rule) {
    if (!(rule instanceof MedicationRule m) || !(m.timing() instanceof MedicationTiming.WithinDays w)) {
      return new Not(rule);
    }
    Rule ongoing = new AllOf(List.of(new MedicationRule(m.concepts(), MedicationTiming.CURRENT, m.label()),
        new Ask("The record lists " + m.label() + " as ongoing: was the last dose more than " + w.days()
            + " days ago?")));
    return new AnyOf(List.of(new Not(m), ongoing));
  }

  /** The drug within its window that {@link #of} denies, or null when {@code rule} is no such denial. */
  static MedicationRule deniedDrug(Rule rule) {
    if (rule instanceof Not n && n.rule() instanceof MedicationRule m
        && m.timing() instanceof MedicationTiming.WithinDays) {
      return m;
    }
    if (rule instanceof AnyOf any && any.rules().size() == 2 && any.rules().get(0) instanceof Not n
        && n.rule() instanceof MedicationRule m && m.timing() instanceof MedicationTiming.WithinDays
        && any.rules().get(1) instanceof AllOf ongoing && ongoing.rules().size() == 2
        && ongoing.rules().get(0) instanceof MedicationRule now && now.timing() instanceof MedicationTiming.Current
        && now.concepts().equals(m.concepts()) && ongoing.rules().get(1) instanceof Ask) {
      return m;
    }
    return null;
  }
}
