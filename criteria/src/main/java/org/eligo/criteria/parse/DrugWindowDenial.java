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

  /**
   * The drug taken within its window where the sentence dates the last dose ("Less than 4 weeks since the last dose of
   * rituximab" in the exclusion list): {@code all of (taken within N days, any of (not taking it now, ask: was the last
   * dose within N days?))}, the reading {@link #of} denies. A course that ended within the window excludes, one that
   * ended before it or no such drug passes, one listed as ongoing is asked: its "active" status does not date the last
   * infusion, and read as taken within the window it had excluded a patient whose last dose may be months old. Rules
   * other than a drug within a window (alone, or among all of or any of) are left as they are.
   */
  static Rule lastDoseWithin(Rule rule) {
    if (rule instanceof MedicationRule m && m.timing() instanceof MedicationTiming.WithinDays w) {
      Rule ongoing = new AnyOf(List.of(new Not(new MedicationRule(m.concepts(), MedicationTiming.CURRENT, m.label())),
          new Ask("The record lists " + m.label() + " as ongoing: was the last dose given within the last " + w.days()
              + " days?")));
      return new AllOf(List.of(m, ongoing));
    }
    if (rule instanceof AllOf all) {
      return new AllOf(all.rules().stream().map(DrugWindowDenial::lastDoseWithin)
          .flatMap(r -> r instanceof AllOf inner ? inner.rules().stream() : java.util.stream.Stream.of(r)).toList());
    }
    if (rule instanceof AnyOf any) return new AnyOf(any.rules().stream().map(DrugWindowDenial::lastDoseWithin).toList());
    return rule;
  }

  /**
   * A length of treatment read where the sentence denies the span ("must not have received rituximab for at least 6
   * months"): the drug within that span instead; other rules as they are.
   */
  static Rule spanAsWindow(Rule rule) {
    if (rule instanceof MedicationRule m && m.timing() instanceof MedicationTiming.ForAtLeastDays f) {
      return new MedicationRule(m.concepts(), new MedicationTiming.WithinDays(f.days()), m.label());
    }
    if (rule instanceof AllOf all) return new AllOf(all.rules().stream().map(DrugWindowDenial::spanAsWindow).toList());
    if (rule instanceof AnyOf any) return new AnyOf(any.rules().stream().map(DrugWindowDenial::spanAsWindow).toList());
    return rule;
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
