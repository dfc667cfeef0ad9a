package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.ReadableNumber;
import org.eligo.core.rule.RuleDescriber;

/**
 * A measure's most recent value against a threshold, open-world.
 *
 * <ul>
 *   <li>Several results on the newest day: the one with the latest time of day; where times are missing and the
 *       results read differently, UNKNOWN (which came last is not recorded). A result the record dates only by a
 *       year or month ({@link Measurement#dateLatest()}) may be the latest when its last possible day reaches the
 *       newest day: where it and the others that may be the latest read differently, UNKNOWN too.</li>
 *   <li>No result on or before the evaluation date, or the newest older than the rule's recency window: UNKNOWN,
 *       asking for a recent value (the stale result is shown as evidence). A year or month of a result that starts
 *       before the window is UNKNOWN alike: it may be recent or not.</li>
 *   <li>{@code × ULN}: compared with the result's own upper reference limit; a result without one is UNKNOWN (no
 *       population ULN is guessed).</li>
 *   <li>A result the record gives only as a bound ("&lt;5 mg/L", {@link Measurement#bound()}): MET or NOT_MET when
 *       every result the bound allows gives that answer ("&lt;5" against "&lt; 10", or against "≥ 10"), else UNKNOWN
 *       asking for the exact value ({@link BoundComparison}); as a result in all else (recency, ULN, transfusions).</li>
 *   <li>"Without transfusion support": a passing value measured within the window after a transfusion is UNKNOWN;
 *       a failing one stays NOT_MET, since a transfusion only raises counts.</li>
 * </ul>
 */
final class MeasurementEvaluator {
  /** Concept id of any blood-product transfusion procedure. */
  static final Set<String> TRANSFUSION = Set.of("transfusion");

  private MeasurementEvaluator() {}

  /**
   * The first transfusion the record may date between {@code from} and {@code last}, or null: a transfusion procedure,
   * a blood product given as a medication administration (red cells, platelets), or a blood product whose kind Eligo
   * cannot tell ({@link Unidentified#BLOOD_PRODUCT}); one undated counts. Read from procedures alone, a platelet count
   * measured the day after platelets recorded as a MedicationAdministration met "without transfusion in the previous 7
   * days" (DECISIONS 87).
   */
  private static Evidence transfusionBetween(PatientIndex patient, LocalDate from, LocalDate last) {
    for (Set<String> concepts : List.of(TRANSFUSION, Unidentified.BLOOD_PRODUCTS)) {
      for (ProcedureFact t : patient.procedures(concepts)) {
        LocalDate day = t.date();
        if (day == null || (!t.dateLatest().isBefore(from) && !day.isAfter(last))) {
          return new Evidence(t.source().toString(), "transfusion " + t.text(), null, null, day);
        }
      }
      for (MedicationExposure m : patient.medications(concepts)) {
        if (m.status() == MedicationExposure.ExposureStatus.INTENDED) continue;
        LocalDate day = m.start() != null ? m.start() : m.end();
        LocalDate latest = m.end() != null ? m.endLatest() : m.startLatest();
        if (day == null || latest == null || (!latest.isBefore(from) && !day.isAfter(last))) {
          return new Evidence(m.source().toString(), "transfusion " + m.text(), null, null, day);
        }
      }
    }
    return null;
  }

  static Outcome evaluate(MeasurementRule rule, PatientIndex patient, EvaluationContext context) {
    LocalDate asOf = context.asOf();
    Measurement latest = null;
    List<Measurement> results = patient.measurements(rule.measure());
    int first = 0;
    for (; first < results.size(); first++) {
      if (!results.get(first).date().isAfter(asOf)) {
        latest = results.get(first);
        break;
      }
    }
    boolean explain = context.explain();
    if (latest == null) return explain ? Outcome.unknown("Most recent " + rule.label() + "?") : Outcome.of(Truth.UNKNOWN);
    LocalDate oldest = asOf.minusDays(rule.recencyDays());
    // Several results may be the latest: those of the newest day with the latest time of day, or without a time (which
    // came last is not recorded), and any the record dates only by a year or month that reaches that day. They settle
    // the criterion only when they agree.
    Truth decided = decide(rule, latest, oldest, asOf, patient);
    boolean imprecise = patient.hasImpreciseDates(rule.measure());
    List<Measurement> mayBeLatest = null;
    boolean disagree = false;
    for (int i = first + 1; i < results.size(); i++) {
      Measurement m = results.get(i);
      boolean candidate;
      if (m.date().equals(latest.date()) && !m.imprecise() && !latest.imprecise()) {
        candidate = latest.at() == null || m.at() == null || m.at().equals(latest.at());
      } else if (!imprecise) {
        break; // exact days only: every later entry is of an older day
      } else {
        // a year or month that reaches the newest day may be later than it
        candidate = !Days.last(m.date(), m.dateLatest(), asOf).isBefore(latest.date());
      }
      if (!candidate) continue;
      if (mayBeLatest == null) mayBeLatest = new ArrayList<>(List.of(latest));
      mayBeLatest.add(m);
      disagree |= decide(rule, m, oldest, asOf, patient) != decided;
    }
    if (disagree) {
      if (!explain) return Outcome.of(Truth.UNKNOWN);
      List<Evidence> all = mayBeLatest.stream().map(m -> evidence(rule, m)).toList();
      if (mayBeLatest.stream().noneMatch(Measurement::imprecise)) {
        return Outcome.unknown("Which " + rule.label() + " of " + latest.date() + " is the latest? The record has "
            + mayBeLatest.size() + " that day (" + String.join(", ", mayBeLatest.stream()
                .map(MeasurementEvaluator::shown).toList()) + ").", all);
      }
      return Outcome.unknown("Which " + rule.label() + " is the latest? The record gives only the month or year of "
          + "some, so it cannot tell (" + String.join(", ", mayBeLatest.stream()
              .map(m -> shown(m) + " of " + day(m)).toList()) + ").", all);
    }
    if (!explain) return Outcome.of(decided);
    List<Evidence> evidence = new ArrayList<>();
    if (mayBeLatest != null && mayBeLatest.stream().anyMatch(Measurement::imprecise)) {
      for (Measurement m : mayBeLatest) evidence.add(evidence(rule, m));
    } else {
      evidence.add(evidence(rule, latest));
    }
    LocalDate last = Days.last(latest.date(), latest.dateLatest(), asOf);
    if (latest.date().isBefore(oldest)) {
      // a year or month reaching into the window may or may not be recent: it settles nothing either way
      return Outcome.unknown(article(rule.label()) + " " + rule.label() + " from the last " + rule.recencyDays()
          + " days? (the latest, " + day(latest) + ", " + (last.isBefore(oldest) ? "is older" : "may be older")
          + ")", evidence);
    }
    double threshold = rule.threshold();
    if (rule.relativeToUln()) {
      if (latest.referenceHigh() == null) {
        return Outcome.unknown("Upper limit of normal for the " + rule.label() + " of " + day(latest) + "?",
            evidence);
      }
      threshold = rule.threshold() * latest.referenceHigh();
    }
    if (rule.relativeToLln()) {
      // the lab's own lower limit, never a guessed one (§86)
      if (latest.referenceLow() == null) {
        return Outcome.unknown("Lower limit of normal for the " + rule.label() + " of " + day(latest) + "?",
            evidence);
      }
      threshold = rule.threshold() * latest.referenceLow();
    }
    Truth truth = compare(rule, latest, threshold);
    if (truth == Truth.UNKNOWN) {
      // a bound that reaches across the threshold: the exact result would decide
      return Outcome.unknown("Exact " + rule.label() + "? The latest (" + day(latest) + ") was reported as "
          + shown(latest) + (rule.relativeToUln() ? ", upper limit of normal " + format(latest.referenceHigh()) : "")
          + (rule.relativeToLln() ? ", lower limit of normal " + format(latest.referenceLow()) : "")
          + ".", evidence);
    }
    if (truth.isMet() && rule.transfusionFreeDays() != null) {
      LocalDate from = latest.date().minusDays(rule.transfusionFreeDays());
      // a transfusion (or a result) the record dates by a month or year counts when any day of it may fall in the
      // window before the result
      Evidence transfusion = transfusionBetween(patient, from, last);
      if (transfusion != null) {
        evidence.add(transfusion);
        return Outcome.unknown("Was the " + rule.label() + " of " + day(latest)
            + " measured without transfusion support?", evidence);
      }
    }
    return Outcome.of(truth, evidence);
  }

  /** The same decision as {@link #evaluate}, without evidence or questions, for one result taken as the latest. */
  private static Truth decide(MeasurementRule rule, Measurement latest, LocalDate oldest, LocalDate asOf,
                              PatientIndex patient) {
    // a year or month starting before the window is stale or may be: UNKNOWN either way
    if (latest.date().isBefore(oldest)) return Truth.UNKNOWN;
    double threshold = rule.threshold();
    if (rule.relativeToUln()) {
      if (latest.referenceHigh() == null) return Truth.UNKNOWN;
      threshold = rule.threshold() * latest.referenceHigh();
    }
    if (rule.relativeToLln()) {
      if (latest.referenceLow() == null) return Truth.UNKNOWN;
      threshold = rule.threshold() * latest.referenceLow();
    }
    Truth compared = compare(rule, latest, threshold);
    if (compared != Truth.MET) return compared;
    if (rule.transfusionFreeDays() != null) {
      LocalDate from = latest.date().minusDays(rule.transfusionFreeDays());
      LocalDate last = Days.last(latest.date(), latest.dateLatest(), asOf);
      if (transfusionBetween(patient, from, last) != null) return Truth.UNKNOWN;
    }
    return Truth.MET;
  }

  /**
   * A result against the threshold: an exact value passes or fails; a bound ("<5") decides only when every result it
   * allows gives the same answer ({@link BoundComparison}), else UNKNOWN.
   */
  private static Truth compare(MeasurementRule rule, Measurement m, double threshold) {
    if (m.exact()) return Truth.of(rule.comparator().test(m.value(), threshold));
    return BoundComparison.truth(m.bound(), m.value(), rule.comparator(), threshold);
  }

  /** A result in its canonical unit as a person reads it, with its comparator when it is a bound: {@code <5 mg/L}. */
  private static String shown(Measurement m) {
    return (m.exact() ? "" : m.bound().code()) + format(m.value()) + RuleDescriber.unit(m.unit());
  }

  /** The day of a result as the record gives it: {@code 2026-01-10}, or {@code 2025-12 (only the month recorded)}. */
  private static String day(Measurement m) {
    return DayRange.described(m.date(), m.dateLatest());
  }

  private static Evidence evidence(MeasurementRule rule, Measurement m) {
    String text = rule.label() + " " + shown(m);
    String plain = (m.exact() ? "" : m.bound().code()) + format(m.value()) + " " + m.unit();
    if (m.original() != null && !m.original().isBlank() && !m.original().equals(plain)) {
      text += " (" + m.original() + ")";
    }
    if (rule.relativeToUln() && m.referenceHigh() != null) {
      text += ", upper limit of normal " + format(m.referenceHigh());
    }
    if (rule.relativeToLln() && m.referenceLow() != null) {
      text += ", lower limit of normal " + format(m.referenceLow());
    }
    if (m.imprecise()) text += ", " + day(m);
    return new Evidence(m.source().toString(), text, ReadableNumber.clean(m.value()), m.unit(), m.date(),
        m.exact() ? null : m.bound().code());
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
