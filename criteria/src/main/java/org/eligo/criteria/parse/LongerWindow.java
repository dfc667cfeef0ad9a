package org.eligo.criteria.parse;

import java.util.List;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.Unparsed;

/**
 * A window "or 5 half-lives, whichever is longer" ({@link Sentence#longerBound}): the record can compute the window
 * but not the half-lives, so the window is the least the washout can be. In the inclusion list "At least 4 weeks since
 * the last dose of rituximab or 5 half-lives, whichever is longer" is {@code all of (the washout of the window, any of
 * (never took the drug, ask: was the last dose more than 5 half-lives ago?))}: a dose within the window fails, a
 * patient never on the drug passes, one dosed before the window or listed as ongoing is asked. Read with the half-lives
 * as words not understood, a course listed as ongoing failed and a patient never on the drug was asked. In the
 * exclusion list "Rituximab within 4 weeks or 5 half-lives, whichever is longer" is {@code any of (the drug within the
 * window, all of (the drug at any time, ask: within 5 half-lives?))}. Any other shape is left unread (DECISIONS §35).
 */
final class LongerWindow {
  private LongerWindow() {}

  static Rule of(Sentence s, Rule rule) {
    MedicationRule denied = DrugWindowDenial.deniedDrug(rule);
    if (s.type == CriterionType.INCLUSION && denied != null) return washout(rule, denied, s.longerBound, s.text);
    if (s.type == CriterionType.EXCLUSION && windowed(rule)) return orLonger(s, (MedicationRule) rule);
    // "Rituximab within 4 weeks or 5 half-lives, whichever is longer, or splenectomy within 3 months": the one drug in
    // a window is what the half-lives lengthen, the other alternatives stay as read (unread, a recent splenectomy was
    // only asked)
    if (s.type == CriterionType.EXCLUSION && rule instanceof AnyOf any
        && any.rules().stream().filter(LongerWindow::windowed).count() == 1
        && any.rules().stream().noneMatch(r -> r instanceof Unparsed)) {
      return new AnyOf(any.rules().stream().map(r -> windowed(r) ? orLonger(s, (MedicationRule) r) : r).toList());
    }
    return new Unparsed("a window or " + s.longerBound + ", whichever is longer, over what is not one drug's last dose");
  }

  private static boolean windowed(Rule rule) {
    return rule instanceof MedicationRule m && m.timing() instanceof MedicationTiming.WithinDays;
  }

  /** In the exclusion list: the drug within the window, or taken and the half-lives asked. */
  private static Rule orLonger(Sentence s, MedicationRule m) {
    Ask ask = new Ask("Was the last dose of " + m.label() + " given within the last " + s.longerBound + " (the"
        + " trial's window is the longer: \u201c" + s.text + "\u201d)?");
    return new AnyOf(List.of(m, new AllOf(List.of(ever(m), ask))));
  }

  /** The washout {@code denial} of {@code drug}'s window, and the half-lives asked of a patient who took it. */
  private static Rule washout(Rule denial, MedicationRule drug, String bound, String sentence) {
    Ask ask = new Ask("Was the last dose of " + drug.label() + " more than " + bound + " ago (the trial's washout is"
        + " the longer: \u201c" + sentence + "\u201d)?");
    return new AllOf(List.of(denial, new AnyOf(List.of(new Not(ever(drug)), ask))));
  }

  /**
   * "Must not have received eltrombopag within 14 days or 5 half-lives, whichever is longer": the denial of what the
   * exclusion list reads ({@link #of}) is the inclusion list's washout; null when {@code forbidden} is not of that shape.
   */
  static Rule denied(Rule forbidden, String sentence) {
    java.util.regex.Matcher bound = ShorterWindowRecogniser.LONGER.matcher(sentence.toLowerCase(java.util.Locale.ROOT));
    if (!bound.find() || !(forbidden instanceof AnyOf any) || any.rules().size() != 2
        || !(any.rules().get(0) instanceof MedicationRule m) || !(m.timing() instanceof MedicationTiming.WithinDays)) {
      return null;
    }
    return washout(DrugWindowDenial.of(m), m, bound.group("bound"), sentence);
  }

  private static MedicationRule ever(MedicationRule m) {
    return new MedicationRule(m.concepts(), MedicationTiming.EVER, m.label());
  }
}
