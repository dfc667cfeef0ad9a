package org.eligo.core.eval;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.SexRule;
import org.eligo.core.trial.RegistryAge;

/**
 * Age and sex, open-world: a record without a birth date or sex leaves the rule UNKNOWN.
 *
 * <p>Age is counted in completed units of the limit's own unit on the evaluation date: someone born 2024-05-10 is
 * 1 year old on 2026-05-09 and 2 on 2026-05-10. A record giving only a year (or month) of birth is read at both ends
 * of it: a limit that one end meets and the other does not leaves the rule UNKNOWN.
 */
final class DemographicsEvaluator {
  private DemographicsEvaluator() {}

  static Outcome age(AgeRule rule, PatientIndex patient, EvaluationContext context) {
    LocalDate birth = patient.facts().birthDate();
    if (birth == null) return context.explain() ? Outcome.unknown("Date of birth?") : Outcome.of(Truth.UNKNOWN);
    if (!context.explain()) return Outcome.of(birth.isAfter(context.asOf()) ? Truth.UNKNOWN : ageTruth(rule, patient,
        context));
    LocalDate latest = patient.facts().birthDateLatest();
    String born = patient.facts().birthDateImprecise() ? "born between " + birth + " and " + latest : "born " + birth;
    List<Evidence> evidence = List.of(new Evidence(patientRef(patient.facts()), born, null, null, null));
    if (birth.isAfter(context.asOf())) return Outcome.unknown("Date of birth? (the record's is in the future)", evidence);
    Truth t = ageTruth(rule, patient, context);
    if (t == Truth.UNKNOWN) return Outcome.unknown("Exact date of birth? (the record gives " + born + ")", evidence);
    return Outcome.of(t, evidence);
  }

  /** The truth for the earliest possible birth date and, when the record gives only a year or month, the latest. */
  private static Truth ageTruth(AgeRule rule, PatientIndex patient, EvaluationContext context) {
    boolean oldest = admits(rule, unit -> patient.completedAge(context.asOf(), unit));
    if (!patient.facts().birthDateImprecise()) return Truth.of(oldest);
    LocalDate latest = patient.facts().birthDateLatest();
    boolean youngest = latest.isAfter(context.asOf()) ? oldest // not yet born on the latest day: only the earlier count
        : admits(rule, unit -> completed(latest, context.asOf(), unit));
    return oldest == youngest ? Truth.of(oldest) : Truth.UNKNOWN; // the limit falls within the uncertain span
  }

  private static boolean admits(AgeRule rule, java.util.function.ToLongFunction<RegistryAge.Unit> ageIn) {
    boolean ok = true;
    if (rule.min() != null) {
      long age = ageIn.applyAsLong(rule.min().unit());
      ok = rule.minInclusive() ? age >= rule.min().amount() : age > rule.min().amount();
    }
    if (ok && rule.max() != null) {
      long age = ageIn.applyAsLong(rule.max().unit());
      ok = rule.maxInclusive() ? age <= rule.max().amount() : age < rule.max().amount();
    }
    return ok;
  }

  static Outcome sex(SexRule rule, PatientIndex patient, EvaluationContext context) {
    Sex sex = patient.facts().sex();
    if (!context.explain()) {
      boolean undecided = sex == Sex.UNKNOWN || (sex == Sex.OTHER && !rule.allowed().contains(Sex.OTHER));
      return Outcome.of(undecided ? Truth.UNKNOWN : Truth.of(rule.allowed().contains(sex)));
    }
    if (sex == Sex.UNKNOWN) return Outcome.unknown("Sex?");
    List<Evidence> evidence = List.of(new Evidence(patientRef(patient.facts()), "sex " + sex.name().toLowerCase(
        java.util.Locale.ROOT), null, null, null));
    if (sex == Sex.OTHER && !rule.allowed().contains(Sex.OTHER)) {
      return Outcome.unknown("Sex as the trial defines it (the record says other)?", evidence);
    }
    return Outcome.of(Truth.of(rule.allowed().contains(sex)), evidence);
  }

  /** Completed units between two dates. */
  static long completed(LocalDate from, LocalDate to, RegistryAge.Unit unit) {
    return switch (unit) {
      case YEARS -> Period.between(from, to).getYears();
      case MONTHS -> Period.between(from, to).toTotalMonths();
      case WEEKS -> ChronoUnit.WEEKS.between(from, to);
      case DAYS -> ChronoUnit.DAYS.between(from, to);
      case HOURS -> ChronoUnit.DAYS.between(from, to) * 24;
      case MINUTES -> ChronoUnit.DAYS.between(from, to) * 1440;
    };
  }

  private static String patientRef(PatientFacts facts) {
    return "Patient/" + facts.id();
  }
}
