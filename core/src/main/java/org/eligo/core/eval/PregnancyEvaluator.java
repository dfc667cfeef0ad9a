package org.eligo.core.eval;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.PregnancyRule.State;

/**
 * Pregnancy and breastfeeding, open-world for anyone who could be pregnant.
 *
 * <ol>
 *   <li>Male: NOT_MET.</li>
 *   <li>An active, confirmed pregnancy (or lactation) condition: MET; a pregnancy that began more than 43 weeks
 *       before the evaluation date counts for nothing (its entry was never closed).</li>
 *   <li>A status observation ({@code pregnancy-status} / {@code lactation-status}) within the rule's recency window:
 *       MET when its value carries the concept {@code pregnant} / {@code lactating}, NOT_MET when it carries
 *       {@code not-pregnant} / {@code not-lactating}.</li>
 *   <li>Nothing recorded, and the patient surely under {@value #YOUNGEST_ASKED} or at least {@value #OLDEST_ASKED}
 *       years old on the evaluation date (whatever day of an imprecise birth year): NOT_MET, with the age as
 *       evidence. Asking whether a girl of six or a woman of seventy is pregnant or breastfeeding only keeps her at
 *       NEEDS_INFO; a pregnancy the record does show still counts at any age.</li>
 *   <li>Otherwise UNKNOWN, with the question.</li>
 * </ol>
 */
final class PregnancyEvaluator {
  /** 43 weeks: no pregnancy lasts longer, so an "active" pregnancy that began earlier is a stale entry. */
  static final int LONGEST_PREGNANCY_DAYS = 301;
  static final int YOUNGEST_ASKED = PregnancyRule.YOUNGEST_ASKED;
  static final int OLDEST_ASKED = PregnancyRule.OLDEST_ASKED;

  private PregnancyEvaluator() {}

  static Outcome evaluate(PregnancyRule rule, PatientIndex patient, EvaluationContext context) {
    boolean pregnancy = rule.state() == State.PREGNANT;
    String word = pregnancy ? "pregnant" : "lactating";
    if (patient.facts().sex() == Sex.MALE) {
      if (!context.explain()) return Outcome.of(Truth.NOT_MET);
      return Outcome.of(Truth.NOT_MET, List.of(new Evidence("Patient/" + patient.facts().id(), "sex male", null,
          null, null)));
    }
    LocalDate asOf = context.asOf();
    for (ConditionFact c : patient.conditions(Set.of(pregnancy ? "pregnancy" : "lactation"))) {
      boolean ended = c.abatement() != null && !c.abatement().isAfter(asOf);
      // a pregnancy that began more than 43 weeks ago has ended, whatever its status says (a stale entry)
      if (pregnancy && c.onset() != null && c.onset().isBefore(asOf.minusDays(LONGEST_PREGNANCY_DAYS))) continue;
      // a pregnancy only suspected ("Possible pregnancy", provisional) proves nothing: the question stays
      if (c.confirmed() && !ended && c.status().isActive() && (c.onset() == null || !c.onset().isAfter(asOf))) {
        if (!context.explain()) return Outcome.of(Truth.MET);
        return Outcome.of(Truth.MET, List.of(new Evidence(c.source().toString(), c.text(), null, null, c.onset())));
      }
    }
    for (CodedObservation o : patient.coded(pregnancy ? "pregnancy-status" : "lactation-status")) {
      if (o.date().isAfter(asOf)) continue;
      if (o.date().isBefore(asOf.minusDays(rule.recencyDays()))) break;
      if (!context.explain()) {
        if (o.valueConcepts().contains(word)) return Outcome.of(Truth.MET);
        if (o.valueConcepts().contains("not-" + word)) return Outcome.of(Truth.NOT_MET);
        continue;
      }
      Evidence e = new Evidence(o.source().toString(), (pregnancy ? "pregnancy status: " : "breastfeeding: ")
          + o.valueText(), null, null, o.date());
      if (o.valueConcepts().contains(word)) return Outcome.of(Truth.MET, List.of(e));
      if (o.valueConcepts().contains("not-" + word)) return Outcome.of(Truth.NOT_MET, List.of(e));
    }
    Integer age = ageOutsideChildbearing(patient, asOf);
    if (age != null) {
      if (!context.explain()) return Outcome.of(Truth.NOT_MET);
      return Outcome.of(Truth.NOT_MET, List.of(new Evidence("Patient/" + patient.facts().id(), "age " + age
          + (age < YOUNGEST_ASKED ? ": under " + YOUNGEST_ASKED : ": " + OLDEST_ASKED + " or older")
          + ", taken as not " + word + " (nothing in the record says otherwise)", null, null, null)));
    }
    if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
    return Outcome.unknown(pregnancy ? "Is the patient pregnant?" : "Is the patient breastfeeding?");
  }

  /**
   * The patient's age in whole years when every day her birth date can be puts her below {@link #YOUNGEST_ASKED} or
   * at {@link #OLDEST_ASKED} or over on {@code asOf}; null when she may be of childbearing age or has no birth date.
   */
  private static Integer ageOutsideChildbearing(PatientIndex patient, LocalDate asOf) {
    LocalDate earliest = patient.facts().birthDate();
    if (earliest == null || earliest.isAfter(asOf)) return null;
    LocalDate latest = patient.facts().birthDateLatest();
    // the same date comparisons as the SQL engines of population screening (SqlRuleCompiler)
    if (earliest.isAfter(asOf.minusYears(YOUNGEST_ASKED))) return Period.between(earliest, asOf).getYears();
    if (!latest.isAfter(asOf.minusYears(OLDEST_ASKED))) return Period.between(latest, asOf).getYears();
    return null;
  }
}
