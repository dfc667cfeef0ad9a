package org.eligo.core.eval;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.PregnancyRule.State;

/**
 * Pregnancy and breastfeeding, open-world for anyone who could be pregnant.
 *
 * <ol>
 *   <li>Male: NOT_MET.</li>
 *   <li>An active, confirmed pregnancy (or lactation) condition: MET; a pregnancy that began more than 43 weeks
 *       before the evaluation date counts for nothing (its entry was never closed), and so does a lactation that began more
 *       than two years before it (one may go on longer, so the patient is then asked, not taken as not breastfeeding,
 *       unless a recent status says). Without an onset, the day the entry was recorded dates it (the pregnancy began
 *       on or before it); an entry with neither is of any year: the patient is asked, whatever her age, unless a
 *       recent status says (§62).</li>
 *   <li>A status observation ({@code pregnancy-status} / {@code lactation-status}) within the rule's recency window:
 *       MET when its value carries the concept {@code pregnant} / {@code lactating}, NOT_MET when it carries
 *       {@code not-pregnant} / {@code not-lactating}. A status the record dates only by a year or month that starts
 *       before the window may be recent or not, and one that reaches the day of a later status may be the latest:
 *       each reading that may be the latest counts, and they decide only when they agree (else UNKNOWN). A
 *       "pregnant" status is not read as a pregnancy now when a recorded pregnancy ended on or after its day (the
 *       test was of that pregnancy), nor when a later status says neither yes nor no (an answer Eligo does not read,
 *       "Not detected", may be the negative that follows): UNKNOWN then, never MET on the older one.</li>
 *   <li>Nothing recorded, and the patient surely under {@value #YOUNGEST_ASKED} or at least {@value #OLDEST_ASKED}
 *       years old on the evaluation date (whatever day of an imprecise birth year): NOT_MET, with the age as
 *       evidence. Asking whether a girl of six or a woman of seventy is pregnant or breastfeeding only keeps her at
 *       NEEDS_INFO; a pregnancy the record does show still counts at any age.</li>
 *   <li>Otherwise UNKNOWN, with the question.</li>
 * </ol>
 */
final class PregnancyEvaluator {
  /**
   * 43 weeks: no pregnancy lasts longer (post-term is 42 completed weeks, 294 days, from the last menstrual period;
   * 0.3 % of US births in 2019), so an "active" pregnancy that began, or was recorded, earlier is a stale entry.
   */
  static final int LONGEST_PREGNANCY_DAYS = 301;
  /**
   * Two years: WHO recommends breastfeeding "for up to two years or more" (eLENA, continued breastfeeding), so an
   * "active" breastfeeding entry that began earlier may well be one never closed. It is not read as breastfeeding now:
   * a recent status decides, else the patient is asked (§58).
   */
  static final int LONGEST_LACTATION_DAYS = PregnancyRule.LONGEST_LACTATION_DAYS;
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
    ConditionFact undated = null; // an active entry with no date at all: it may be current or long over
    // a girl under ten is not breastfeeding: a breastfeeding entry or status in her record ("Breastfeeding",
    // "Breastfeeding problem in newborn", "Nursing bottle caries") is her own feeding, or another sense of the word;
    // read as hers, an infant girl was excluded by "Pregnant or breastfeeding" (DECISIONS 64)
    if (!pregnancy && child(patient, asOf)) {
      if (!context.explain()) return Outcome.of(Truth.NOT_MET);
      return Outcome.of(Truth.NOT_MET, List.of(new Evidence("Patient/" + patient.facts().id(), "age "
          + Period.between(patient.facts().birthDate(), asOf).getYears() + ": under " + YOUNGEST_ASKED
          + ", not breastfeeding (a breastfeeding entry in a child's record is her own feeding)", null, null, null)));
    }
    for (ConditionFact c : patient.conditions(Set.of(pregnancy ? "pregnancy" : "lactation"))) {
      boolean ended = c.abatement() != null && !c.abatement().isAfter(asOf);
      // the day the pregnancy (or breastfeeding) was there by: its onset, else the day the entry was recorded (it
      // began on or before it)
      LocalDate by = c.knownBy();
      // a pregnancy that began more than 43 weeks ago has ended, whatever its status says (a stale entry)
      if (pregnancy && by != null && by.isBefore(asOf.minusDays(LONGEST_PREGNANCY_DAYS))) continue;
      // a breastfeeding entry begun more than two years ago, still "active": perhaps never closed, so it is asked
      if (!pregnancy && by != null && by.isBefore(asOf.minusDays(LONGEST_LACTATION_DAYS))) continue;
      // a pregnancy only suspected ("Possible pregnancy", provisional) proves nothing: the question stays
      if (c.confirmed() && !ended && c.status().isActive() && (by == null || !by.isAfter(asOf))) {
        if (by == null) {
          // neither an onset nor a recorded day: a pregnancy of any year, perhaps never closed; asked, never MET
          if (undated == null) undated = c;
          continue;
        }
        if (!context.explain()) return Outcome.of(Truth.MET);
        return Outcome.of(Truth.MET, List.of(new Evidence(c.source().toString(), c.text()
            + (c.onset() == null ? " (recorded " + by + ")" : ""), null, null, by)));
      }
    }
    // the newest status that says yes or no decides, when it is from the recency window; a status the record dates
    // only by a year or month may be the newest when it reaches that status's day, and may or may not be recent
    List<CodedObservation> statuses = patient.coded(pregnancy ? "pregnancy-status" : "lactation-status");
    LocalDate windowStart = asOf.minusDays(rule.recencyDays());
    boolean anyImprecise = anyImprecise(statuses);
    CodedObservation newest = null;
    List<CodedObservation> others = null; // statuses dated by a year or month that may be newer than it, or it such
    for (CodedObservation o : statuses) {
      if (o.date().isAfter(asOf) || says(o, word) == null) continue;
      if (newest == null) {
        newest = o;
      } else if ((imprecise(o) || imprecise(newest))
          && !Days.last(o.date(), o.dateLatest(), asOf).isBefore(newest.date())) {
        if (others == null) others = new ArrayList<>();
        others.add(o);
      } else if (!anyImprecise) {
        break;
      }
    }
    if (newest != null) {
      List<CodedObservation> mayBeNewest = new ArrayList<>(List.of(newest));
      if (others != null) mayBeNewest.addAll(others);
      Truth truth = null;
      boolean disagree = false;
      boolean staleOnly = true;
      Outcome fallback = null;
      for (CodedObservation o : mayBeNewest) {
        Truth recent = Days.onOrAfter(o.date(), Days.last(o.date(), o.dateLatest(), asOf), windowStart);
        Truth t = says(o, word);
        if (t == Truth.MET && pregnancy && endedAfter(patient, o, asOf)) {
          // a positive test taken before a pregnancy the record ends (delivered, miscarried): it was that pregnancy
          recent = Truth.NOT_MET;
        }
        if (recent != Truth.MET) {
          // older than the window, or may be: what the record says without it
          if (fallback == null) fallback = withoutStatus(patient, asOf, word, pregnancy, undated, context.explain());
          t = recent == Truth.NOT_MET ? fallback.truth() : Days.either(Truth.UNKNOWN, t, fallback.truth());
        }
        staleOnly &= recent == Truth.NOT_MET;
        disagree |= truth != null && t != truth;
        truth = truth == null ? t : truth;
      }
      if (!(staleOnly && !disagree)) {
        if (disagree) truth = Truth.UNKNOWN;
        CodedObservation unread = truth == Truth.MET ? unreadSince(statuses, newest, word, asOf) : null;
        if (unread != null) {
          // a later test whose answer Eligo does not read ("Not detected", "NEG") may be the negative that
          // closes the older positive: it is asked, never excluded on the older one
          if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
          return Outcome.unknown((pregnancy ? "Is the patient pregnant?" : "Is the patient breastfeeding?")
              + " (A later result, '" + unread.valueText() + "', is not an answer Eligo reads.)",
              List.of(new Evidence(unread.source().toString(), (pregnancy ? "pregnancy status: "
                  : "breastfeeding: ") + unread.valueText(), null, null, unread.date())));
        }
        if (!context.explain()) return Outcome.of(truth);
        List<Evidence> evidence = new ArrayList<>();
        for (CodedObservation o : mayBeNewest) {
          evidence.add(new Evidence(o.source().toString(), (pregnancy ? "pregnancy status: " : "breastfeeding: ")
              + o.valueText() + (imprecise(o) ? " (" + DayRange.described(o.date(), o.dateLatest()) + ")" : ""),
              null, null, o.date()));
        }
        if (truth != Truth.UNKNOWN) {
          if (fallback != null) evidence.addAll(fallback.evidence());
          return Outcome.of(truth, evidence);
        }
        return Outcome.unknown((pregnancy ? "Is the patient pregnant?" : "Is the patient breastfeeding?")
            + " (The record gives only the month or year of the latest status, so it may not be from the last "
            + rule.recencyDays() + " days" + (mayBeNewest.size() > 1 ? ", nor which status is the latest" : "")
            + ".)", evidence);
      }
    }
    return withoutStatus(patient, asOf, word, pregnancy, undated, context.explain());
  }

  /**
   * Whether a pregnancy the record ends (its abatement on or before {@code asOf}) ended on or after the day of the
   * status {@code o}: the test was of that pregnancy, and says nothing of a new one.
   */
  private static boolean endedAfter(PatientIndex patient, CodedObservation o, LocalDate asOf) {
    for (ConditionFact c : patient.conditions(Set.of("pregnancy"))) {
      if (c.abatement() != null && !c.abatement().isAfter(asOf)
          && !c.abatement().isBefore(Days.last(o.date(), o.dateLatest(), asOf))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A status on or after the day of {@code newest} (when the record dates it by a month or year, one that may be)
   * whose answer says neither yes nor no, or null: the unread newer result ("Not detected", "Unknown").
   */
  private static CodedObservation unreadSince(List<CodedObservation> statuses, CodedObservation newest, String word,
                                              LocalDate asOf) {
    for (CodedObservation o : statuses) {
      if (o.date().isAfter(asOf) || says(o, word) != null) continue;
      if (!Days.last(o.date(), o.dateLatest(), asOf).isBefore(newest.date())) return o;
    }
    return null;
  }

  /** What a status says: MET for {@code word}, NOT_MET for {@code not-word}, null for neither. */
  private static Truth says(CodedObservation o, String word) {
    if (o.valueConcepts().contains(word)) return Truth.MET;
    if (o.valueConcepts().contains("not-" + word)) return Truth.NOT_MET;
    return null;
  }

  private static boolean imprecise(CodedObservation o) {
    return DayRange.imprecise(o.date(), o.dateLatest());
  }

  private static boolean anyImprecise(List<CodedObservation> statuses) {
    for (CodedObservation o : statuses) if (imprecise(o)) return true;
    return false;
  }

  /**
   * The outcome when no recent status says yes or no: the question when the record lists an active entry without
   * any date ({@code undated}, whatever the age: the record shows one), else by age, else the question.
   */
  private static Outcome withoutStatus(PatientIndex patient, LocalDate asOf, String word, boolean pregnancy,
                                       ConditionFact undated, boolean explain) {
    if (undated != null) {
      if (!explain) return Outcome.of(Truth.UNKNOWN);
      return Outcome.unknown((pregnancy ? "Is the patient pregnant?" : "Is the patient breastfeeding?")
          + " (The record lists '" + text(undated, pregnancy) + "' as active but gives no date, so it may be long"
          + " over.)", List.of(new Evidence(undated.source().toString(), text(undated, pregnancy)
              + " (active, undated)", null, null, null)));
    }
    Integer age = ageOutsideChildbearing(patient, asOf);
    if (age != null) {
      if (!explain) return Outcome.of(Truth.NOT_MET);
      return Outcome.of(Truth.NOT_MET, List.of(new Evidence("Patient/" + patient.facts().id(), "age " + age
          + (age < YOUNGEST_ASKED ? ": under " + YOUNGEST_ASKED : ": " + OLDEST_ASKED + " or older")
          + ", taken as not " + word + " (nothing in the record says otherwise)", null, null, null)));
    }
    if (!explain) return Outcome.of(Truth.UNKNOWN);
    return Outcome.unknown(pregnancy ? "Is the patient pregnant?" : "Is the patient breastfeeding?");
  }

  private static String text(ConditionFact c, boolean pregnancy) {
    return c.text() == null || c.text().isBlank() ? (pregnancy ? "pregnancy" : "breastfeeding") : c.text();
  }

  /** Whether every day her birth date can be puts the patient below {@link #YOUNGEST_ASKED} on {@code asOf}. */
  private static boolean child(PatientIndex patient, LocalDate asOf) {
    LocalDate earliest = patient.facts().birthDate();
    // the same date comparison as the SQL engines of population screening (SqlRuleCompiler)
    return earliest != null && !earliest.isAfter(asOf) && earliest.isAfter(asOf.minusYears(YOUNGEST_ASKED));
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
