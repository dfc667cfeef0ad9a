package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.InfectionResult.Finding;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.TimeWindow;

/**
 * What the record's infection test results (HBsAg, HCV RNA, HIV antigen/antibody ...) say about a diagnosis rule,
 * beside the diagnoses themselves ({@link ConditionEvaluator}). Results after the evaluation date, and those about an
 * infection the rule excepts, are passed over; the others are read per infection, newest first.
 *
 * <ul>
 *   <li>Current ({@link TimeWindow.Active}): the infection is shown when the newest result showing it is later than
 *       any ruling it out and no older than a lab value may be ({@link MeasurementRule#DEFAULT_RECENCY_DAYS}); an
 *       older one leaves the question whether it is still present. A result ruling it out from that window, and later
 *       than any showing it, rules it out — unless an antibody (a past or present infection, as an HCV antibody)
 *       came after it. Results of one day that disagree, and antibodies alone, leave it open; so do results that
 *       disagree and cannot be ordered because the record gives only the year or month of one (it may be before or
 *       after the other). A negative result whose year or month starts before the window rules nothing out.</li>
 *   <li>Ever: any result showing the infection shows it; an antibody alone leaves it open (it may be a false
 *       reactive screen); negative results rule nothing out.</li>
 *   <li>Present (named without a time): as ever, but an infection a later negative result shows cleared leaves the
 *       question whether a past one counts.</li>
 *   <li>Within N days: a result showing the infection inside the window shows it; one before, or an antibody, leaves
 *       it open; negative results rule nothing out.</li>
 * </ul>
 * The rule is shown when one infection it names is; open when one is open; ruled out only when the window is current
 * and each concept it names is an infection a recent result rules out (a negative HBsAg says nothing about an
 * "active infection" of any kind).
 */
final class InfectionEvidence {
  /** How old a result may be to say what is current: as for lab values. */
  static final int RECENT_DAYS = MeasurementRule.DEFAULT_RECENCY_DAYS;

  private InfectionEvidence() {}

  /** What the results say, from strongest to weakest. */
  enum Says { SHOWN, OPEN, RULED_OUT, NOTHING }

  /**
   * What the results say about a rule, with the results it rests on and, when open, the questions that would settle
   * it (empty when deciding only).
   */
  record Reading(Says says, List<Evidence> evidence, List<String> questions) {
    static final Reading NOTHING = new Reading(Says.NOTHING, List.of(), List.of());
  }

  static Reading read(ConditionRule rule, PatientIndex patient, LocalDate asOf, boolean explain) {
    if (!patient.hasInfectionResults()) return Reading.NOTHING;
    Map<String, List<InfectionResult>> byInfection = new LinkedHashMap<>();
    for (InfectionResult r : patient.infectionResults(rule.concepts())) {
      // a result that shows nothing about the infection (an undetectable viral load) is read by viral-load rules only
      if (r.finding() == null || r.date().isAfter(asOf) || excepted(r, rule)) continue;
      byInfection.computeIfAbsent(r.infection(), k -> new ArrayList<>()).add(r);
    }
    if (byInfection.isEmpty()) return Reading.NOTHING;
    Says best = Says.NOTHING;
    List<Evidence> evidence = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    Map<String, Reading> ruledOut = new LinkedHashMap<>();
    for (Map.Entry<String, List<InfectionResult>> group : byInfection.entrySet()) {
      Reading r = switch (rule.window()) {
        case TimeWindow.Active a -> current(group.getValue(), asOf, explain);
        case TimeWindow.Ever e -> ever(group.getValue(), explain);
        case TimeWindow.Present p -> present(group.getValue(), asOf, explain);
        case TimeWindow.WithinDays w -> within(group.getValue(), asOf.minusDays(w.days()), w.days(), explain);
      };
      if (r.says() == Says.RULED_OUT) ruledOut.put(group.getKey(), r);
      if (r.says() == Says.RULED_OUT || r.says().ordinal() > best.ordinal()) continue;
      if (r.says().ordinal() < best.ordinal()) {
        best = r.says();
        evidence.clear();
        questions.clear();
      }
      evidence.addAll(r.evidence());
      questions.addAll(r.questions());
    }
    if (best == Says.NOTHING && !ruledOut.isEmpty() && ruledOut.keySet().containsAll(rule.concepts())) {
      best = Says.RULED_OUT;
      ruledOut.values().forEach(r -> evidence.addAll(r.evidence()));
    }
    return best == Says.NOTHING ? Reading.NOTHING : new Reading(best, evidence, questions);
  }

  /**
   * One infection's results, newest first, read for whether it is present now. A result is after another when its
   * first day is after the other's last: one the record dates only by a year or month that reaches the day of a
   * result reading otherwise cannot be ordered with it, and leaves the question which is the latest.
   */
  private static Reading current(List<InfectionResult> results, LocalDate asOf, boolean explain) {
    results = withoutAntibodyNegativesAfterInfection(results, asOf);
    InfectionResult infected = newest(results, Finding.INFECTED);
    InfectionResult negative = newest(results, Finding.NOT_INFECTED);
    InfectionResult exposed = newest(results, Finding.EXPOSED);
    LocalDate recent = asOf.minusDays(RECENT_DAYS);
    InfectionResult infectedLast = latest(results, Finding.INFECTED, asOf);
    InfectionResult negativeLast = latest(results, Finding.NOT_INFECTED, asOf);
    if (infected != null && (negative == null || infected.date().isAfter(last(negativeLast, asOf)))) {
      if (!infected.date().isBefore(recent)) return reading(Says.SHOWN, explain, null, infected);
      return reading(Says.OPEN, explain, "Is the infection " + shown(infected) + " still present? (the result is "
          + (last(infected, asOf).isBefore(recent) ? "more than " : "dated only by month or year and may be more than ")
          + RECENT_DAYS + " days old)", infected);
    }
    if (infected != null && !negative.date().isAfter(last(infectedLast, asOf))) {
      // neither is after the other: the same day, or a year or month that may be before or after
      if (!infected.imprecise() && !negative.imprecise() && infectedLast == infected && negativeLast == negative) {
        return reading(Says.OPEN, explain, "Which result of " + infected.date() + " is right: " + infected.text()
            + " or " + negative.text() + "?", infected, negative);
      }
      List<InfectionResult> basis = new ArrayList<>(List.of(infected, negative));
      if (!basis.contains(infectedLast)) basis.add(infectedLast);
      if (!basis.contains(negativeLast)) basis.add(negativeLast);
      return reading(Says.OPEN, explain, "Which result is the latest: " + String.join(" or ", basis.stream()
          .map(r -> r.text() + " (" + day(r) + ")").toList()) + "? The record gives only the month or year of some, "
          + "so it cannot tell", basis.toArray(InfectionResult[]::new));
    }
    InfectionResult exposedLast = latest(results, Finding.EXPOSED, asOf);
    if (negative != null && (exposed == null || !last(exposedLast, asOf).isAfter(negative.date()))) {
      // a year or month starting before the window may or may not be recent: it rules nothing out (the diagnoses
      // decide, as they would if it were older, and a record without diagnoses stays open)
      return negative.date().isBefore(recent) ? Reading.NOTHING : reading(Says.RULED_OUT, explain, null, negative);
    }
    if (exposed != null) {
      InfectionResult antibody = exposed.date().isAfter(exposedLast.date()) ? exposed : exposedLast;
      return reading(Says.OPEN, explain, antibodyQuestion(antibody), antibody);
    }
    return Reading.NOTHING;
  }

  /**
   * The results without the negative antibody tests that a result showing the infection may precede: antibodies come
   * weeks after the virus (HCV RNA or HIV-1 RNA detected, anti-HCV or the HIV screen still negative in an acute
   * infection) and an immunosuppressed patient may never make them, so such a negative says nothing of whether the
   * infection has gone. Read as ruling it out, it had let a patient with detectable HCV RNA pass "active hepatitis C".
   */
  private static List<InfectionResult> withoutAntibodyNegativesAfterInfection(List<InfectionResult> results,
                                                                              LocalDate asOf) {
    List<InfectionResult> kept = null;
    for (int i = 0; i < results.size(); i++) {
      InfectionResult r = results.get(i);
      boolean after = false;
      if (r.antibody() && r.finding() == Finding.NOT_INFECTED) {
        for (InfectionResult s : results) {
          if (s.finding() == Finding.INFECTED && !s.date().isAfter(last(r, asOf))) {
            after = true;
            break;
          }
        }
      }
      if (after && kept == null) kept = new ArrayList<>(results.subList(0, i));
      else if (!after && kept != null) kept.add(r);
    }
    return kept == null ? results : kept;
  }

  /** The result of a finding whose last possible day is the latest, or null. */
  private static InfectionResult latest(List<InfectionResult> results, Finding finding, LocalDate asOf) {
    InfectionResult best = null;
    for (InfectionResult r : results) {
      if (r.finding() == finding && (best == null || last(r, asOf).isAfter(last(best, asOf)))) best = r;
    }
    return best;
  }

  /** The last day a result can be of, not after {@code asOf} ({@link Days#last}). */
  private static LocalDate last(InfectionResult r, LocalDate asOf) {
    return Days.last(r.date(), r.dateLatest(), asOf);
  }

  /** The day of a result as the record gives it: {@code 2026-01-10}, or {@code 2025-12 (only the month recorded)}. */
  private static String day(InfectionResult r) {
    return DayRange.described(r.date(), r.dateLatest());
  }

  /** One infection's results read for whether it was ever present. */
  private static Reading ever(List<InfectionResult> results, boolean explain) {
    InfectionResult infected = newest(results, Finding.INFECTED);
    if (infected != null) return reading(Says.SHOWN, explain, null, infected);
    InfectionResult exposed = newest(results, Finding.EXPOSED);
    if (exposed != null) {
      return reading(Says.OPEN, explain, "Was the infection " + shown(exposed) + " confirmed? (a reactive antibody "
          + "screen can be false)", exposed);
    }
    return Reading.NOTHING;
  }

  /**
   * One infection's results read for an infection named without a time ({@link TimeWindow.Present}): as at any time,
   * except that one a later result shows cleared is a past infection, which leaves the question whether it counts
   * (read as at any time, a hepatitis C cured years ago had excluded under "Hepatitis C").
   */
  private static Reading present(List<InfectionResult> results, LocalDate asOf, boolean explain) {
    Reading any = ever(results, explain);
    if (any.says() != Says.SHOWN) return any;
    InfectionResult infectedLast = latest(results, Finding.INFECTED, asOf);
    InfectionResult negative = newest(results, Finding.NOT_INFECTED);
    if (negative == null || !negative.date().isAfter(last(infectedLast, asOf))) return any;
    return reading(Says.OPEN, explain, "The results show a past infection, cleared since (" + shown(negative)
        + "): does a past infection count for this trial?", infectedLast, negative);
  }

  /** One infection's results read for whether it was present in the window from {@code start}. */
  private static Reading within(List<InfectionResult> results, LocalDate start, int days, boolean explain) {
    InfectionResult infected = newest(results, Finding.INFECTED);
    if (infected != null && !infected.date().isBefore(start)) return reading(Says.SHOWN, explain, null, infected);
    InfectionResult earlier = infected != null ? infected : newest(results, Finding.EXPOSED);
    if (earlier == null) return Reading.NOTHING;
    return reading(Says.OPEN, explain, "Was the infection " + shown(earlier) + " present in the last " + days
        + " days?", earlier);
  }

  private static String antibodyQuestion(InfectionResult exposed) {
    return "Is the infection " + shown(exposed) + " current and confirmed? (an antibody test stays reactive after a "
        + "cleared infection and a screen can be falsely reactive; a test for the virus itself settles it)";
  }

  private static String shown(InfectionResult r) {
    return "shown by " + r.text() + " (" + day(r) + ")";
  }

  private static InfectionResult newest(List<InfectionResult> results, Finding finding) {
    for (InfectionResult r : results) if (r.finding() == finding) return r;
    return null;
  }

  private static Reading reading(Says says, boolean explain, String question, InfectionResult... basis) {
    if (!explain) return new Reading(says, List.of(), List.of());
    List<Evidence> evidence = new ArrayList<>();
    for (InfectionResult r : basis) evidence.add(evidence(r));
    return new Reading(says, evidence, question == null ? List.of() : List.of(question));
  }

  static Evidence evidence(InfectionResult r) {
    return new Evidence(r.source().toString(), r.text() + " (" + day(r) + ")", null, null, r.date());
  }

  private static boolean excepted(InfectionResult r, ConditionRule rule) {
    if (rule.except().isEmpty()) return false;
    for (String concept : r.concepts()) if (rule.except().contains(concept)) return true;
    return false;
  }

  /**
   * A recent result ruling out an infection the record lists as a diagnosis, dated after the diagnosis began and after
   * every result showing it ("Chronic hepatitis C", active since 2015; "HCV RNA: not detected" last
   * month): the diagnosis may be cured, cleared or treated, so it no longer proves a current ({@link TimeWindow.Active})
   * or present ({@link TimeWindow.Present}) criterion. A diagnosis without an onset may be older than any result: a recent one
   * contradicts it. Null when there is none, or when the window is another (a cured infection was still once had). Only results whose negative rules the infection out are kept as
   * {@link Finding#NOT_INFECTED} (HBsAg, HCV RNA or antibody, HIV antigen/antibody), never an undetectable viral load
   * of a treated infection.
   */
  static InfectionResult clearedSince(org.eligo.core.patient.ConditionFact c, TimeWindow window, PatientIndex patient,
                                      LocalDate asOf) {
    if (!(window instanceof TimeWindow.Active) && !(window instanceof TimeWindow.Present)) return null;
    if (!patient.hasInfectionResults()) return null;
    LocalDate recent = asOf.minusDays(RECENT_DAYS);
    InfectionResult cleared = null;
    List<InfectionResult> results = patient.infectionResults(c.concepts());
    for (InfectionResult r : results) {
      if (r.finding() != Finding.NOT_INFECTED || !c.concepts().contains(r.infection()) || r.date().isAfter(asOf)
          || r.date().isBefore(recent)
          || c.onset() != null && !r.date().isAfter(Days.last(c.onset(), c.onsetLatest(), asOf))) {
        continue;
      }
      if (cleared == null || r.date().isAfter(cleared.date())) cleared = r;
    }
    if (cleared == null) return null;
    for (InfectionResult r : results) {
      // a result showing the infection that is not before the negative one: they disagree (an antibody after it
      // does not: antibodies stay after a cured hepatitis C)
      if (r.finding() == Finding.INFECTED && r.infection().equals(cleared.infection()) && !r.date().isAfter(asOf)
          && !last(r, asOf).isBefore(cleared.date())) {
        return null;
      }
    }
    return cleared;
  }
}
