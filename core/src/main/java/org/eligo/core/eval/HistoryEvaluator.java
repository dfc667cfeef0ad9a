package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.TimeWindow;

/**
 * Procedures, vaccines and allergies, closed-world: nothing matching in the record is NOT_MET — provided the record
 * lists procedures (vaccinations) at all: one without a single procedure (vaccination) rules none out (UNKNOWN), as for
 * diagnoses and drugs. A condition carrying a
 * procedure's concept (a transplant-status code) counts as that procedure, dated by its onset. A dated event counts
 * for a window when its date lies in it; an undated one counts for "ever" and is UNKNOWN for a window, and so does
 * one the record dates only by a year or month that the window's first day falls within. An entry Eligo could not
 * identify leaves a criterion open only when its date can fall in the criterion's window.
 */
final class HistoryEvaluator {
  private HistoryEvaluator() {}

  static Outcome procedure(ProcedureRule rule, PatientIndex patient, EvaluationContext context) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    boolean imprecise = false; // an entry dated by a month or year the window starts within
    Tally tally = new Tally(rule.units());
    for (ProcedureFact p : patient.procedures(rule.concepts())) {
      if (rule.excepted(p.concepts())) continue;
      Truth t = dated(p.date(), p.dateLatest(), rule.window(), context.asOf());
      tally.add(t, 'P', p.date(), p.units());
      imprecise |= t == Truth.UNKNOWN && DayRange.imprecise(p.date(), p.dateLatest());
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence,
          new Evidence(p.source().toString(), text(p.text(), p.date(), p.dateLatest()), null, null, p.date()));
    }
    // A status condition (e.g. ICD-10-CM Z94.84, stem cell transplant status) records that the procedure happened.
    for (ConditionFact c : patient.conditions(rule.concepts())) {
      if (rule.excepted(c.concepts())) continue;
      Truth t = dated(c.onset(), c.onsetLatest(), rule.window(), context.asOf());
      imprecise |= t == Truth.UNKNOWN && DayRange.imprecise(c.onset(), c.onsetLatest());
      if (t == Truth.MET && !c.confirmed()) t = Truth.UNKNOWN; // a provisional status entry proves nothing
      tally.add(t, 'C', c.onset(), null);
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence,
          new Evidence(c.source().toString(), text(c.text(), c.onset(), c.onsetLatest()), null, null, c.onset()));
    }
    // A blood product given as a MedicationAdministration ("Packed red blood cells 1 unit") is the transfusion: read
    // as procedures alone, a record listing other procedures failed "RBC transfusion dependence" and met
    // "RBC transfusion-independent" (DECISIONS 83). One planned, or whose status is unknown, is asked.
    for (org.eligo.core.patient.MedicationExposure m : patient.medications(rule.concepts())) {
      if (m.status() == org.eligo.core.patient.MedicationExposure.ExposureStatus.INTENDED) continue;
      if (rule.excepted(m.concepts())) continue;
      LocalDate day = m.end() != null ? m.end() : m.start();
      LocalDate latest = m.end() != null ? m.endLatest() : m.startLatest();
      Truth t = dated(day, latest, rule.window(), context.asOf());
      if (t == Truth.MET && m.status() == org.eligo.core.patient.MedicationExposure.ExposureStatus.UNKNOWN) {
        t = Truth.UNKNOWN;
      }
      tally.add(t, 'M', day, m.units());
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence,
          new Evidence(m.source().toString(), text(m.text(), day, latest), null, null, day));
    }
    Outcome counted = null;
    if (rule.counted() && best != Truth.NOT_MET) {
      // "≥ 4 units of RBC in the 8 weeks", "≥ 2 RBC transfusion episodes": one entry is not enough (DECISIONS 92)
      Truth t = tally.truth(rule.atLeast());
      if (t != best) {
        best = t;
        if (t == Truth.UNKNOWN) counted = Outcome.unknown("Did the patient have " + RuleDescriber.describe(rule)
            + "? (The record lists " + tally.describe() + ".)", evidence);
        else evidence.clear();
      }
    }
    if (best == Truth.NOT_MET) {
      // one Eligo could not identify may be it, when its date can fall in the window (as for diagnoses and drugs)
      for (ProcedureFact u : patient.procedures(Unidentified.CONCEPTS)) {
        if (dated(u.date(), u.dateLatest(), rule.window(), context.asOf()) == Truth.NOT_MET) continue;
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        return unread(u.source(), u.text(), rule.label());
      }
    }
    if (best == Truth.NOT_MET && Unidentified.aboutTransfusion(rule.concepts())) {
      // a blood product the record names so that Eligo cannot tell its kind ("FFP 2 units", an ISBT 128 code, "Red
      // cell exchange") may be the transfusion asked about: a count that comes up short is not proven (DECISIONS 87)
      for (ProcedureFact u : patient.procedures(Unidentified.BLOOD_PRODUCTS)) {
        if (dated(u.date(), u.dateLatest(), rule.window(), context.asOf()) == Truth.NOT_MET) continue;
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        return bloodProduct(u.source(), u.text(), rule.label());
      }
      for (org.eligo.core.patient.MedicationExposure m : patient.medications(Unidentified.BLOOD_PRODUCTS)) {
        if (m.status() == org.eligo.core.patient.MedicationExposure.ExposureStatus.INTENDED) continue;
        LocalDate day = m.end() != null ? m.end() : m.start();
        LocalDate latest = m.end() != null ? m.endLatest() : m.startLatest();
        if (dated(day, latest, rule.window(), context.asOf()) == Truth.NOT_MET) continue;
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        return bloodProduct(m.source(), m.text(), rule.label());
      }
      // a diagnosis that mentions a transfusion without being one proven ("Platelet transfusion refractoriness"), as
      // a status condition is read: dated by its onset (DECISIONS 87, amendment)
      for (ConditionFact c : patient.conditions(Unidentified.BLOOD_PRODUCTS)) {
        if (dated(c.onset(), c.onsetLatest(), rule.window(), context.asOf()) == Truth.NOT_MET) continue;
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        return bloodProduct(c.source(), c.text(), rule.label());
      }
    }
    if (best == Truth.NOT_MET && patient.facts().procedures().isEmpty()) {
      // a record without a single procedure says nothing about them, as one without diagnoses or drugs: "Prior
      // splenectomy" had turned away every patient whose record came without procedures
      // the question keeps the window: "Has the patient had HSCT?" is answered yes for one long before it
      return context.explain() ? Outcome.unknown("Has the patient " + RuleDescriber.describe(rule) + "? (The record "
          + "lists no procedures.)") : Outcome.of(Truth.UNKNOWN);
    }
    if (!context.explain()) return Outcome.of(best);
    if (counted != null) return counted;
    return finish(best, evidence, "Date of the patient's " + rule.label() + "?" + (imprecise
        ? " (The record gives only the month or year.)" : ""));
  }

  /**
   * How many transfusions (units) the entries in a window prove, and how many they may be (DECISIONS 92). Entries the
   * window holds for sure (MET) prove a count; those that may fall in it (UNKNOWN) may add to it. The same transfusion
   * may be written twice: as a procedure, a status diagnosis and an administration, or twice of one kind (a statement
   * and an administration, the same administration from two feeds), and on days a day apart when it ran past midnight
   * (a procedure dated by its end, an administration by its start). So entries on one day prove only the largest of
   * them, and entries on consecutive days only what no two of them a day apart could share: in each run of
   * consecutive days, the larger of the sums over its alternate days (two days of daily platelets prove one, four
   * prove two; §92 review). The sum of all of them is possible. Counting entries, a day proves one; counting units, an
   * entry gives its units, or proves one. Either way an entry may add its units, or any number when it gives none: "≥
   * 2 RBC transfusions" may mean units, so a count of entries proves (MET) but fails only where the units cannot reach
   * it. Entries the record leaves undated are one day.
   */
  static final class Tally {
    private final boolean units;
    /** The largest size an entry proves on each day (of any kind: P procedure, C condition, M medication). */
    private final java.util.TreeMap<LocalDate, Integer> proven = new java.util.TreeMap<>();
    private long possible;
    private boolean unbounded;
    private int entries;
    private int unsized;

    Tally(boolean units) {
      this.units = units;
    }

    void add(Truth t, char kind, LocalDate day, Integer size) {
      if (t == Truth.NOT_MET) return;
      entries++;
      int known = units && size != null ? size : 1;
      // what an entry may add is its units either way: "≥ 2 RBC transfusions" may mean units, and an entry of two
      // units may be two transfusions to the trial; counting entries only proves, it never fails, on entries alone
      if (size == null) {
        unsized++;
        unbounded = true;
      }
      possible += size != null ? size : 1;
      if (t == Truth.MET) proven.merge(day == null ? LocalDate.MIN : day, known, Math::max);
    }

    long proven() {
      // runs of consecutive days: one transfusion may be written on two days a day apart, never on three, so a run
      // proves the larger of the sums over its odd and its even days (SqlRuleCompiler.counted reads it the same way)
      long sum = 0;
      long odd = 0;
      long even = 0;
      int position = 0;
      LocalDate last = null;
      for (java.util.Map.Entry<LocalDate, Integer> e : proven.entrySet()) {
        if (last == null || !e.getKey().equals(last.plusDays(1))) {
          sum += Math.max(odd, even);
          odd = 0;
          even = 0;
          position = 0;
        }
        long size = units ? e.getValue() : 1;
        if (position++ % 2 == 0) odd += size;
        else even += size;
        last = e.getKey();
      }
      return sum + Math.max(odd, even);
    }

    Truth truth(int atLeast) {
      if (proven() >= atLeast) return Truth.MET;
      return unbounded || possible >= atLeast ? Truth.UNKNOWN : Truth.NOT_MET;
    }

    String describe() {
      String what = entries == 1 ? "1 such entry" : entries + " such entries";
      if (!units) return what + " in the window, on " + proven.size() + (proven.size() == 1 ? " day" : " days")
          + (unsized == 0 ? "" : ", " + unsized + " of them without the number of units given");
      return what + " in the window, " + proven() + " units proven" + (unsized == 0 ? ""
          : ", " + unsized + (unsized == 1 ? " of them without" : " of them without") + " its number of units");
    }
  }

  /**
   * An entry of this kind the record holds but Eligo could not read may be what the criterion asks about: nothing is
   * concluded from its absence.
   */
  private static Outcome unread(SourceRef source, String text, String label) {
    return Outcome.unknown("Could the record entry \u201c" + text + "\u201d be: " + label + "? (Eligo could not read "
        + "it.)", List.of(new Evidence(source.toString(), text, null, null, null)));
  }

  /** A blood product the record names without a kind Eligo can tell: it may be the transfusion asked about. */
  private static Outcome bloodProduct(SourceRef source, String text, String label) {
    return Outcome.unknown("Was the record entry \u201c" + text + "\u201d " + article(label) + " " + label + "? (Eligo "
        + "could not tell whether it was a transfusion, or of which blood product.)",
        List.of(new Evidence(source.toString(), text, null, null, null)));
  }

  private static String article(String label) {
    return label.isEmpty() || "aeiouAEIOU".indexOf(label.charAt(0)) < 0 ? "a" : "an";
  }

  static Outcome immunization(ImmunizationRule rule, PatientIndex patient, EvaluationContext context) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    boolean imprecise = false; // an entry dated by a month or year the window starts within
    for (ImmunizationFact i : patient.immunizations(rule.concepts())) {
      Truth t = dated(i.date(), i.dateLatest(), rule.window(), context.asOf());
      imprecise |= t == Truth.UNKNOWN && DayRange.imprecise(i.date(), i.dateLatest());
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence,
          new Evidence(i.source().toString(), text(i.text(), i.date(), i.dateLatest()), null, null, i.date()));
    }
    if (best == Truth.NOT_MET) {
      for (ImmunizationFact u : patient.immunizations(Unidentified.CONCEPTS)) {
        if (dated(u.date(), u.dateLatest(), rule.window(), context.asOf()) == Truth.NOT_MET) continue;
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        return unread(u.source(), u.text(), rule.label());
      }
    }
    if (best == Truth.NOT_MET && patient.facts().immunizations().isEmpty()) {
      // a record without a single vaccination rules none out ("Vaccinated against Neisseria meningitidis")
      return context.explain() ? Outcome.unknown("Has the patient " + RuleDescriber.describe(rule) + "? (The record "
          + "lists no vaccinations.)") : Outcome.of(Truth.UNKNOWN);
    }
    if (!context.explain()) return Outcome.of(best);
    return finish(best, evidence, "Date of the patient's last " + rule.label() + "?" + (imprecise
        ? " (The record gives only the month or year.)" : ""));
  }

  static Outcome allergy(AllergyRule rule, PatientIndex patient) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    for (AllergyFact a : patient.allergies(rule.concepts())) {
      Truth t = !rule.anaphylaxisOnly() || a.anaphylaxis() ? Truth.MET : Truth.UNKNOWN;
      best = collect(best, t, evidence, new Evidence(a.source().toString(), "allergy: " + a.text(), null, null, null));
    }
    if (best == Truth.NOT_MET && !patient.allergies(Unidentified.CONCEPTS).isEmpty()) {
      AllergyFact u = patient.allergies(Unidentified.CONCEPTS).getFirst();
      return unread(u.source(), u.text(), "an allergy to " + rule.label());
    }
    return finish(best, evidence, "Was the patient's reaction to " + rule.label() + " anaphylactic?");
  }

  /**
   * Whether an event dated {@code first} (to {@code latest}, when the record gives only a year or month) counts for
   * the window: a window starting inside that year or month leaves it UNKNOWN ({@link Days}).
   */
  private static Truth dated(LocalDate first, LocalDate latest, TimeWindow window, LocalDate asOf) {
    if (first != null && first.isAfter(asOf)) return Truth.NOT_MET;
    if (first == null) {
      return window instanceof TimeWindow.Ever || window instanceof TimeWindow.Present ? Truth.MET : Truth.UNKNOWN;
    }
    LocalDate last = Days.last(first, latest, asOf);
    return switch (window) {
      case TimeWindow.Ever e -> Truth.MET;
      case TimeWindow.Present p -> Truth.MET; // an event named without a time: had at any time
      case TimeWindow.Active a -> Days.onOrAfter(first, last, asOf);
      case TimeWindow.WithinDays w -> Days.onOrAfter(first, last, asOf.minusDays(w.days()));
    };
  }

  /** An entry's name with its date when the record gives only a year or month of it. */
  private static String text(String text, LocalDate first, LocalDate latest) {
    return DayRange.imprecise(first, latest) ? text + " (" + DayRange.described(first, latest) + ")" : text;
  }

  private static Truth collect(Truth best, Truth t, List<Evidence> evidence, Evidence e) {
    if (t == Truth.NOT_MET) return best;
    if (t.ordinal() > best.ordinal()) {
      evidence.clear();
      best = t;
    }
    if (t == best) evidence.add(e);
    return best;
  }

  private static Outcome finish(Truth best, List<Evidence> evidence, String question) {
    return best == Truth.UNKNOWN ? Outcome.unknown(question, evidence) : Outcome.of(best, evidence);
  }
}
