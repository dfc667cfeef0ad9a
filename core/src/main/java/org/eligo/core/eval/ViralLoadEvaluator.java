package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.rule.ViralLoadRule;

/**
 * A viral-load rule against the latest result of its test, read as a lab value is: the newest result, at most
 * {@code recencyDays} old, else UNKNOWN with the question. Results of the newest day are read together: those that
 * decide must agree ("Detected" and "Not detected" leave it open, and so do 5,000 IU/mL and "Not detected" for a
 * limit), and one that cannot say ("&lt;20 IU/mL") adds nothing to one that can ("Not detected" the same day). Results the record dates only by a year or month that may be the
 * newest, or may be older than the window, decide only when they all agree and are surely recent.
 *
 * <ul>
 *   <li>Detectable: a result detecting the virus (or an amount above zero) MET; "Not detected" or zero NOT_MET; an
 *       amount below a bound ("&lt;20 IU/mL": a trace under the limit of quantification, or nothing) UNKNOWN.</li>
 *   <li>A threshold: an exact amount in the rule's unit is compared; a bound decides only when every amount it allows
 *       gives the same answer ("&lt;20" passes "&lt; 50", fails "≥ 20", and says nothing of "&lt; 10"). "Not detected"
 *       is below the assay's detection limit, which the record does not give: it is not zero, and decides no
 *       threshold. An amount in another unit (copies/mL against IU/mL) decides nothing.</li>
 * </ul>
 */
final class ViralLoadEvaluator {
  private ViralLoadEvaluator() {}

  static Outcome evaluate(ViralLoadRule rule, PatientIndex patient, EvaluationContext context) {
    LocalDate asOf = context.asOf();
    List<InfectionResult> results = new ArrayList<>();
    if (patient.hasInfectionResults()) {
      for (InfectionResult r : patient.infectionResults(Set.of(rule.infection()))) {
        if (rule.test().equals(r.test()) && r.load() != null && !r.date().isAfter(asOf)) results.add(r);
      }
    }
    if (results.isEmpty()) return unknown(rule, context, "no result in the record");
    // newest first (PatientIndex order); those of the same day, and those dated by a year or month reaching the
    // newest's day, may be the newest
    InfectionResult newest = results.get(0);
    List<InfectionResult> mayBeNewest = new ArrayList<>();
    boolean sameDay = true;
    for (InfectionResult r : results) {
      if (r == newest || !Days.last(r.date(), r.dateLatest(), asOf).isBefore(newest.date())) {
        mayBeNewest.add(r);
        sameDay &= !r.imprecise() && r.date().equals(newest.date());
      }
    }
    LocalDate windowStart = asOf.minusDays(rule.recencyDays());
    Truth truth = null;
    boolean stale = false;
    boolean unsure = false;
    boolean found = false;
    boolean notFound = false;
    Truth decided = null;
    boolean conflict = false;
    for (InfectionResult r : mayBeNewest) {
      found |= r.load().virus() == ViralLoad.Virus.DETECTED;
      notFound |= r.load().virus() == ViralLoad.Virus.NOT_DETECTED;
      Truth recent = Days.onOrAfter(r.date(), Days.last(r.date(), r.dateLatest(), asOf), windowStart);
      stale |= recent == Truth.NOT_MET;
      unsure |= recent == Truth.UNKNOWN;
      Truth t = truth(rule, r.load());
      if (sameDay) {
        // results of one day (a qualitative "Not detected" beside "<20 IU/mL"): one that cannot say adds nothing, and
        // two that decide differently leave it open whatever else that day shows
        if (t != Truth.UNKNOWN) {
          if (decided != null && decided != t) conflict = true;
          decided = t;
        }
        truth = conflict || decided == null ? Truth.UNKNOWN : decided;
      } else {
        truth = truth == null || truth == t ? t : Truth.UNKNOWN;
      }
    }
    // one finds the virus and another does not: one of them is wrong, so neither decides a limit either ("Not
    // detected" decides no limit alone, but beside 5,000 IU/mL it says that amount may not be the patient's)
    if (found && notFound) truth = Truth.UNKNOWN;
    if (stale || unsure) {
      return unknown(rule, context, stale ? "the latest is more than " + rule.recencyDays() + " days old"
          : "the record gives only the month or year of the latest, which may be more than " + rule.recencyDays()
              + " days old", mayBeNewest);
    }
    if (truth != Truth.UNKNOWN) {
      if (!context.explain()) return Outcome.of(truth);
      return Outcome.of(truth, evidence(mayBeNewest));
    }
    return unknown(rule, context, mayBeNewest.size() > 1 ? "results that may be the latest disagree"
        : rule.detection() ? "the latest, " + newest.text() + ", may be a trace below the limit of quantification or "
            + "nothing" : "the latest, " + newest.text() + ", does not settle the limit", mayBeNewest);
  }

  /** What one result says of the rule. */
  static Truth truth(ViralLoadRule rule, ViralLoad load) {
    if (rule.detection()) {
      return switch (load.virus()) {
        case DETECTED -> Truth.MET;
        case NOT_DETECTED -> Truth.NOT_MET;
        case UNSETTLED -> Truth.UNKNOWN;
      };
    }
    if (!load.hasAmount() || !load.unit().equals(rule.unit())) return Truth.UNKNOWN;
    if (load.bound() == null) return rule.comparator().test(load.amount(), rule.threshold()) ? Truth.MET : Truth.NOT_MET;
    return BoundComparison.truth(load.bound(), load.amount(), rule.comparator(), rule.threshold());
  }

  private static Outcome unknown(ViralLoadRule rule, EvaluationContext context, String why) {
    return unknown(rule, context, why, List.of());
  }

  private static Outcome unknown(ViralLoadRule rule, EvaluationContext context, String why,
                                 List<InfectionResult> basis) {
    if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
    String question = rule.detection() ? "Is the patient's " + rule.label() + " detectable?"
        : "What is the patient's latest " + rule.label() + (rule.unit().isEmpty() ? "" : " in " + shownUnit(rule.unit()))
            + "?";
    return Outcome.unknown(question + " (" + why + ")", evidence(basis));
  }

  private static String shownUnit(String ucum) {
    return ucum.equals(ViralLoad.IU_PER_ML) ? "IU/mL" : ucum.equals(ViralLoad.COPIES_PER_ML) ? "copies/mL" : ucum;
  }

  private static List<Evidence> evidence(List<InfectionResult> basis) {
    List<Evidence> out = new ArrayList<>();
    for (InfectionResult r : basis) {
      out.add(new Evidence(r.source().toString(), r.text() + " (" + DayRange.described(r.date(), r.dateLatest()) + ")",
          null, null, r.date()));
    }
    return out;
  }
}
