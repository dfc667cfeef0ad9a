package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.TimeWindow;

/**
 * Procedures, vaccines and allergies, closed-world: nothing matching in the record is NOT_MET. A condition carrying a
 * procedure's concept (a transplant-status code) counts as that procedure, dated by its onset. A dated event counts
 * for a window when its date lies in it; an undated one counts for "ever" and is UNKNOWN for a window.
 */
final class HistoryEvaluator {
  private HistoryEvaluator() {}

  static Outcome procedure(ProcedureRule rule, PatientIndex patient, EvaluationContext context) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    for (ProcedureFact p : patient.procedures(rule.concepts())) {
      Truth t = dated(p.date(), rule.window(), context.asOf());
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence, new Evidence(p.source().toString(), p.text(), null, null, p.date()));
    }
    // A status condition (e.g. ICD-10-CM Z94.84, stem cell transplant status) records that the procedure happened.
    for (ConditionFact c : patient.conditions(rule.concepts())) {
      Truth t = dated(c.onset(), rule.window(), context.asOf());
      if (t == Truth.MET && !c.confirmed()) t = Truth.UNKNOWN; // a provisional status entry proves nothing
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence, new Evidence(c.source().toString(), c.text(), null, null, c.onset()));
    }
    if (best == Truth.NOT_MET) {
      List<ProcedureFact> unread = patient.procedures(Unidentified.CONCEPTS);
      if (!unread.isEmpty()) {
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        ProcedureFact u = unread.getFirst();
        return unread(u.source(), u.text(), rule.label());
      }
    }
    if (!context.explain()) return Outcome.of(best);
    return finish(best, evidence, "Date of the patient's " + rule.label() + "?");
  }

  /**
   * An entry of this kind the record holds but Eligo could not read may be what the criterion asks about: nothing is
   * concluded from its absence.
   */
  private static Outcome unread(SourceRef source, String text, String label) {
    return Outcome.unknown("Could the record entry \u201c" + text + "\u201d be: " + label + "? (Eligo could not read "
        + "it.)", List.of(new Evidence(source.toString(), text, null, null, null)));
  }

  static Outcome immunization(ImmunizationRule rule, PatientIndex patient, EvaluationContext context) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    for (ImmunizationFact i : patient.immunizations(rule.concepts())) {
      Truth t = dated(i.date(), rule.window(), context.asOf());
      if (!context.explain()) best = best.or(t);
      else best = collect(best, t, evidence, new Evidence(i.source().toString(), i.text(), null, null, i.date()));
    }
    if (best == Truth.NOT_MET) {
      List<ImmunizationFact> unread = patient.immunizations(Unidentified.CONCEPTS);
      if (!unread.isEmpty()) {
        if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
        ImmunizationFact u = unread.getFirst();
        return unread(u.source(), u.text(), rule.label());
      }
    }
    if (!context.explain()) return Outcome.of(best);
    return finish(best, evidence, "Date of the patient's last " + rule.label() + "?");
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

  private static Truth dated(LocalDate date, TimeWindow window, LocalDate asOf) {
    if (date != null && date.isAfter(asOf)) return Truth.NOT_MET;
    return switch (window) {
      case TimeWindow.Ever e -> Truth.MET;
      case TimeWindow.Active a -> date == null ? Truth.UNKNOWN : Truth.of(date.isEqual(asOf));
      case TimeWindow.WithinDays w -> date == null ? Truth.UNKNOWN : Truth.of(!date.isBefore(asOf.minusDays(w.days())));
    };
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
