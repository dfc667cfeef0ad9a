package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.ReadableNumber;
import org.eligo.core.rule.RuleDescriber;

/**
 * A measure's most recent value against a threshold, open-world.
 *
 * <ul>
 *   <li>Several results on the newest day: the one with the latest time of day; where times are missing and the
 *       results read differently, UNKNOWN (which came last is not recorded).</li>
 *   <li>No result on or before the evaluation date, or the newest older than the rule's recency window: UNKNOWN,
 *       asking for a recent value (the stale result is shown as evidence).</li>
 *   <li>{@code × ULN}: compared with the result's own upper reference limit; a result without one is UNKNOWN (no
 *       population ULN is guessed).</li>
 *   <li>"Without transfusion support": a passing value measured within the window after a transfusion is UNKNOWN;
 *       a failing one stays NOT_MET, since a transfusion only raises counts.</li>
 * </ul>
 */
final class MeasurementEvaluator {
  /** Concept id of any blood-product transfusion procedure. */
  static final Set<String> TRANSFUSION = Set.of("transfusion");

  private MeasurementEvaluator() {}

  static Outcome evaluate(MeasurementRule rule, PatientIndex patient, EvaluationContext context) {
    Measurement latest = null;
    List<Measurement> results = patient.measurements(rule.measure());
    int first = 0;
    for (; first < results.size(); first++) {
      if (!results.get(first).date().isAfter(context.asOf())) {
        latest = results.get(first);
        break;
      }
    }
    boolean explain = context.explain();
    if (latest == null) return explain ? Outcome.unknown("Most recent " + rule.label() + "?") : Outcome.of(Truth.UNKNOWN);
    LocalDate oldest = context.asOf().minusDays(rule.recencyDays());
    // Several results on the latest day (a recollection, a repeat): the one with the latest time of day counts; where
    // the record gives no time, which came last is unknown, so they settle the criterion only when they agree.
    Truth decided = decide(rule, latest, oldest, patient);
    List<Measurement> sameDay = null;
    boolean disagree = false;
    for (int i = first + 1; i < results.size() && results.get(i).date().equals(latest.date()); i++) {
      Measurement m = results.get(i);
      boolean mayBeLatest = latest.at() == null || m.at() == null || m.at().equals(latest.at());
      if (!mayBeLatest) continue;
      if (sameDay == null) sameDay = new ArrayList<>(List.of(latest));
      sameDay.add(m);
      disagree |= decide(rule, m, oldest, patient) != decided;
    }
    if (disagree) {
      if (!explain) return Outcome.of(Truth.UNKNOWN);
      return Outcome.unknown("Which " + rule.label() + " of " + latest.date() + " is the latest? The record has "
          + sameDay.size() + " that day (" + String.join(", ", sameDay.stream()
              .map(m -> format(m.value()) + RuleDescriber.unit(m.unit())).toList()) + ").",
          sameDay.stream().map(m -> evidence(rule, m)).toList());
    }
    if (!explain) return Outcome.of(decided);
    List<Evidence> evidence = new ArrayList<>(List.of(evidence(rule, latest)));
    if (latest.date().isBefore(oldest)) {
      return Outcome.unknown(article(rule.label()) + " " + rule.label() + " from the last " + rule.recencyDays()
          + " days? (the latest, " + latest.date() + ", is older)", evidence);
    }
    double threshold = rule.threshold();
    if (rule.relativeToUln()) {
      if (latest.referenceHigh() == null) {
        return Outcome.unknown("Upper limit of normal for the " + rule.label() + " of " + latest.date() + "?",
            evidence);
      }
      threshold = rule.threshold() * latest.referenceHigh();
    }
    Truth truth = Truth.of(rule.comparator().test(latest.value(), threshold));
    if (truth.isMet() && rule.transfusionFreeDays() != null) {
      LocalDate from = latest.date().minusDays(rule.transfusionFreeDays());
      for (ProcedureFact transfusion : patient.procedures(TRANSFUSION)) {
        LocalDate day = transfusion.date();
        // a transfusion the record dates by a month or year counts when any day of it may fall in the window
        if (day == null || (!transfusion.dateLatest().isBefore(from) && !day.isAfter(latest.date()))) {
          evidence.add(new Evidence(transfusion.source().toString(), "transfusion " + transfusion.text(), null, null,
              day));
          return Outcome.unknown("Was the " + rule.label() + " of " + latest.date()
              + " measured without transfusion support?", evidence);
        }
      }
    }
    return Outcome.of(truth, evidence);
  }

  /** The same decision as {@link #evaluate}, without evidence or questions. */
  private static Truth decide(MeasurementRule rule, Measurement latest, LocalDate oldest, PatientIndex patient) {
    if (latest.date().isBefore(oldest)) return Truth.UNKNOWN;
    double threshold = rule.threshold();
    if (rule.relativeToUln()) {
      if (latest.referenceHigh() == null) return Truth.UNKNOWN;
      threshold = rule.threshold() * latest.referenceHigh();
    }
    if (!rule.comparator().test(latest.value(), threshold)) return Truth.NOT_MET;
    if (rule.transfusionFreeDays() != null) {
      LocalDate from = latest.date().minusDays(rule.transfusionFreeDays());
      for (ProcedureFact transfusion : patient.procedures(TRANSFUSION)) {
        LocalDate day = transfusion.date();
        if (day == null || (!transfusion.dateLatest().isBefore(from) && !day.isAfter(latest.date()))) {
          return Truth.UNKNOWN;
        }
      }
    }
    return Truth.MET;
  }

  private static Evidence evidence(MeasurementRule rule, Measurement m) {
    String text = rule.label() + " " + format(m.value()) + RuleDescriber.unit(m.unit());
    if (m.original() != null && !m.original().isBlank() && !m.original().equals(format(m.value()) + " " + m.unit())) {
      text += " (" + m.original() + ")";
    }
    if (rule.relativeToUln() && m.referenceHigh() != null) {
      text += ", upper limit of normal " + format(m.referenceHigh());
    }
    return new Evidence(m.source().toString(), text, ReadableNumber.clean(m.value()), m.unit(), m.date());
  }

  /** "An" before a vowel ("An absolute neutrophil count"), else "A"; "A" before an abbreviation read as a word. */
  static String article(String label) {
    if (label.isEmpty()) return "A";
    char c = Character.toLowerCase(label.charAt(0));
    boolean upperAbbreviation = label.length() > 1 && Character.isUpperCase(label.charAt(0))
        && Character.isUpperCase(label.charAt(1));
    if (upperAbbreviation) return "AEFHILMNORSX".indexOf(Character.toUpperCase(c)) >= 0 ? "An" : "A";
    return "aeiou".indexOf(c) >= 0 ? "An" : "A";
  }

  /** A number as a person reads it ({@link ReadableNumber#of}). */
  static String format(double value) {
    return ReadableNumber.of(value);
  }
}
