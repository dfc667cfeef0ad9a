package org.eligo.core.eval;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;

/**
 * Medication use with a time window, closed-world: no matching exposure is NOT_MET — provided the record lists any
 * medication at all; a record without a single one rules no use out (UNKNOWN).
 *
 * <p>An exposure runs from its start to its end; an active one runs to the evaluation date unless it ends later; a
 * finished one without an end date is known to have started but not when it stopped, so a window that depends on
 * the end is UNKNOWN rather than guessed. A start or end the record gives only as a year or month is compared at
 * its first and its last possible day: a time limit falling within it leaves the criterion UNKNOWN. Intended (planned) medications are not exposures. The timings are
 * described on {@link MedicationTiming}. A medication recorded only as a code Eligo does not know ({@link
 * org.eligo.core.patient.Unidentified}) may be the one asked about: where the rest of the record would make the
 * criterion NOT_MET, it makes it UNKNOWN, with the question what it is.
 */
final class MedicationEvaluator {
  private MedicationEvaluator() {}

  /**
   * An exposure clipped to the evaluation date; {@code end} null when not known. Each date is a first and a last
   * possible day, the same when the record gives the day, else the year's or month's ({@link Days}).
   */
  private record Span(MedicationExposure source, LocalDate start, LocalDate startLast, LocalDate end,
                      LocalDate endLast, LocalDate lastDose, int doses, Integer interval, LocalDate latestDose) {
    Span(MedicationExposure source, LocalDate start, LocalDate startLast, LocalDate end, LocalDate endLast) {
      this(source, start, startLast, end, endLast, null, 0, null, null);
    }

    /** Whether it is a course of doses given one at a time: its end is the days its doses cover, not a dose's day. */
    boolean course() {
      return lastDose != null;
    }

    /** Whether a date of it is only a year or month. */
    boolean imprecise() {
      return DayRange.imprecise(source.start(), source.startLatest()) || DayRange.imprecise(source.end(),
          source.endLatest());
    }
  }

  static Outcome evaluate(MedicationRule rule, PatientIndex patient, EvaluationContext context) {
    Outcome known = evaluateKnown(rule, patient, context);
    if (known.truth() != Truth.NOT_MET || patient.unidentifiedMedications().isEmpty()) return known;
    LocalDate asOf = context.asOf();
    List<Span> unidentified = spans(patient.unidentifiedMedications(), asOf);
    List<Span> open = new ArrayList<>();
    if (rule.timing() instanceof MedicationTiming.ContinuousFor c) {
      // the unidentified courses together with the known ones: could they cover the whole window?
      List<Span> all = new ArrayList<>(spans(patient.medications(rule.concepts()), asOf));
      all.addAll(unidentified);
      if (continuous(rule, c, all, asOf, false).truth() != Truth.NOT_MET) {
        LocalDate from = asOf.minusDays(c.days());
        for (Span s : unidentified) if (s.end() == null || !s.endLast().isBefore(from)) open.add(s);
      }
    } else {
      for (Span s : unidentified) if (each(rule.timing(), s, asOf) != Truth.NOT_MET) open.add(s);
    }
    if (open.isEmpty()) return known;
    if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
    String names = String.join(", ", open.stream().map(s -> "\u201c" + s.source().text() + "\u201d").toList());
    return Outcome.unknown((open.size() == 1 ? "Could the medication recorded as " + names + " be: "
        : "Could one of the medications recorded as " + names + " be: ") + rule.label() + "? (Eligo cannot tell"
        + " what " + (open.size() == 1 ? "it is" : "they are") + ".)",
        open.stream().map(MedicationEvaluator::evidence).toList());
  }

  /** The exposures that were taken (not only planned) and began by the evaluation date, clipped to it. */
  private static List<Span> spans(List<MedicationExposure> exposures, LocalDate asOf) {
    List<Span> spans = new ArrayList<>();
    for (MedicationExposure e : exposures) {
      if (e.status() == ExposureStatus.INTENDED) continue;
      if (e.start() != null && e.start().isAfter(asOf)) continue;
      LocalDate startLast = e.start() == null ? null : Days.last(e.start(), e.startLatest(), asOf);
      LocalDate end = effectiveEnd(e, e.end(), asOf);
      spans.add(new Span(e, e.start(), startLast, end, end == null ? null : effectiveEnd(e, e.endLatest(), asOf)));
    }
    return courses(spans, asOf);
  }

  /**
   * The longest a single dose, or a course whose interval the doses do not give, may cover: 8 weeks (ravulizumab's
   * maintenance interval, the longest of the drugs Eligo knows to be given periodically: eculizumab every 2 weeks,
   * IVIG every 4, romiplostim weekly) and its 7-day dosing window (DECISIONS 97).
   */
  static final int UNTIMED_DOSE_DAYS = 63;

  /**
   * The longest interval read from doses: rituximab maintenance every 6 months and a week's window. Doses further
   * apart give no interval.
   */
  static final int LONGEST_INTERVAL_DAYS = 190;

  /**
   * Doses given one at a time (MedicationAdministration: eculizumab every 2 weeks, ravulizumab every 8 weeks,
   * romiplostim weekly) read as courses (DECISIONS 97). The record gives the days a dose was given, not the days it
   * covers: the interval is read from the doses themselves, the upper median of the gaps between consecutive days of
   * the same drug when there are at least three doses. Such a course surely covers its first dose to its last dose
   * plus the interval and a dosing window (a quarter of the interval, 2 to 7 days: eculizumab's label allows 2 days
   * either way, ravulizumab's 7), and may cover up to one missed dose more (the record may lack the next one). With
   * one or two doses the interval is not known: the course surely covers its doses' days and the days between (two
   * doses at most {@link #UNTIMED_DOSE_DAYS} apart), and may cover up to {@link #UNTIMED_DOSE_DAYS} (or twice the gap)
   * after the last one. Doses further apart than a missed dose explains are separate courses; a median gap over
   * {@link #LONGEST_INTERVAL_DAYS} gives no interval. A washout counts from the drug's last dose, whatever course it
   * ends.
   */
  private static List<Span> courses(List<Span> spans, LocalDate asOf) {
    java.util.Map<java.util.Set<String>, List<Span>> byDrug = new java.util.LinkedHashMap<>();
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (dose(s)) byDrug.computeIfAbsent(s.source().concepts(), k -> new ArrayList<>()).add(s);
      else out.add(s);
    }
    for (List<Span> doses : byDrug.values()) {
      doses.sort(Comparator.comparing(Span::start));
      Integer overall = cycle(doses, 0, doses.size());
      int from = 0;
      // the first dose of the courses this one may continue: one before a gap of held or unrecorded doses
      LocalDate chain = doses.getFirst().start();
      for (int i = 1; i <= doses.size(); i++) {
        if (i < doses.size()) {
          long gap = ChronoUnit.DAYS.between(doses.get(i - 1).start(), doses.get(i).start());
          boolean apart = overall == null ? gap > UNTIMED_DOSE_DAYS : gap > 2L * overall + window(overall);
          if (!apart) continue;
        }
        out.add(course(doses, from, i, asOf, doses.getLast().end(), chain));
        if (i < doses.size() && ChronoUnit.DAYS.between(doses.get(i - 1).end(), doses.get(i).start())
            > UNTIMED_DOSE_DAYS) {
          chain = doses.get(i).start();
        }
        from = i;
      }
    }
    return out;
  }

  /**
   * The gap after which days of doses given one day after another end: doses a day or a weekend apart are one
   * administration of a cycle (IVIG over 2 to 5 consecutive days, azacitidine 7 days or 5-2-2, ATG over 4 days).
   */
  static final int CONSECUTIVE_DOSE_DAYS = 3;

  /**
   * The interval between a course's cycles of doses: the upper median of its gaps longer than {@link
   * #CONSECUTIVE_DOSE_DAYS} when there are two or more (IVIG 5 days every 4 weeks: the 24 days between cycles, not the
   * day between doses), else the course's interval; null when it has none. The farthest the next dose may come and
   * what splits a course are read from it (DECISIONS 97 review).
   */
  private static Integer cycle(List<Span> doses, int from, int to) {
    List<Long> gaps = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      long gap = ChronoUnit.DAYS.between(doses.get(i - 1).start(), doses.get(i).start());
      if (gap > CONSECUTIVE_DOSE_DAYS) gaps.add(gap);
    }
    Integer interval = interval(doses, from, to);
    // one long gap is a break between two courses; two or more, a pattern of cycles
    if (gaps.size() < 2 || interval == null) return interval;
    gaps.sort(null);
    long median = gaps.get(gaps.size() / 2);
    return median > LONGEST_INTERVAL_DAYS ? interval : (int) Math.max(median, interval);
  }

  /** Whether a span is one dose given on a day (an administration, dated exactly). */
  private static boolean dose(Span s) {
    MedicationExposure e = s.source();
    return e.source().resourceType().equals("MedicationAdministration") && e.status() == ExposureStatus.COMPLETED
        && !e.local() && s.start() != null && s.end() != null && !s.imprecise()
        && ChronoUnit.DAYS.between(s.start(), s.end()) <= 1;
  }

  /** The upper median of the gaps between the distinct days of doses {@code from} to {@code to}, if 2 or more. */
  private static Integer interval(List<Span> doses, int from, int to) {
    List<Long> gaps = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      long gap = ChronoUnit.DAYS.between(doses.get(i - 1).start(), doses.get(i).start());
      if (gap > 0) gaps.add(gap);
    }
    if (gaps.size() < 2) return null;
    gaps.sort(null);
    long median = gaps.get(gaps.size() / 2);
    return median > LONGEST_INTERVAL_DAYS ? null : (int) median;
  }

  /** The dosing window allowed around a scheduled dose: a quarter of the interval, 2 to 7 days. */
  private static int window(int interval) {
    return Math.max(2, Math.min(7, interval / 4));
  }

  /**
   * A course of doses {@code from} to {@code to}: it surely began at its first dose, and may have begun at {@code
   * chain}, the first dose of the courses before it that no gap longer than {@link #UNTIMED_DOSE_DAYS} separates from
   * it (doses held, as romiplostim's are while the platelet count is high, or missing from the record).
   */
  private static Span course(List<Span> doses, int from, int to, LocalDate asOf, LocalDate latestDose,
                             LocalDate chain) {
    Span first = doses.get(from);
    Span last = doses.get(to - 1);
    LocalDate lastDay = last.end();
    Integer interval = interval(doses, from, to);
    LocalDate sure;
    LocalDate possible;
    if (interval != null) {
      Integer cycle = cycle(doses, from, to);
      sure = lastDay.plusDays(interval + window(interval));
      possible = lastDay.plusDays(2L * cycle + window(cycle));
    } else {
      sure = lastDay;
      long gap = to - from == 2 ? ChronoUnit.DAYS.between(first.start(), last.start()) : 0;
      possible = lastDay.plusDays(Math.max(UNTIMED_DOSE_DAYS, Math.min(2 * gap, LONGEST_INTERVAL_DAYS)));
    }
    if (sure.isAfter(asOf)) sure = asOf;
    if (possible.isAfter(asOf)) possible = asOf;
    return new Span(last.source(), chain, first.start(), sure, possible, lastDay, to - from, interval, latestDose);
  }

  private static Outcome evaluateKnown(MedicationRule rule, PatientIndex patient, EvaluationContext context) {
    LocalDate asOf = context.asOf();
    List<Span> spans = spans(patient.medications(rule.concepts()), asOf);
    if (spans.isEmpty()) {
      if (!patient.facts().medications().isEmpty()) {
        if (!context.explain()) return Outcome.of(Truth.NOT_MET);
        // the drug may be in the record, only planned or starting later: say so rather than call it absent
        List<Evidence> notTaken = new ArrayList<>();
        for (MedicationExposure e : patient.medications(rule.concepts())) {
          String why = e.status() == ExposureStatus.INTENDED ? " \u2014 not counted: planned, not taken"
              : " \u2014 not counted: starts after " + asOf;
          Evidence base = evidence(new Span(e, e.start(), e.startLatest(), e.end(), e.endLatest()));
          notTaken.add(new Evidence(base.resource(), base.description() + why, null, null, base.date()));
        }
        return Outcome.of(Truth.NOT_MET, notTaken.isEmpty() ? absent(rule, patient) : notTaken);
      }
      // a record without a single medication says nothing about drugs: it rules no use out
      return context.explain() ? Outcome.unknown(question(rule) + " (The record lists no medications.)")
          : Outcome.of(Truth.UNKNOWN);
    }
    if (rule.timing() instanceof MedicationTiming.ContinuousFor c) {
      return continuous(rule, c, spans, asOf, context.explain());
    }
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    boolean onlyLocal = true; // every UNKNOWN so far is a local use that would otherwise have settled it
    boolean imprecise = false; // an UNKNOWN comes from a date given only as a year or month
    for (Span span : spans) {
      Truth timed = each(rule.timing(), span, asOf);
      Truth t = timed == Truth.MET && span.source().local() ? Truth.UNKNOWN : timed;
      imprecise |= timed == Truth.UNKNOWN && span.imprecise();
      if (t.ordinal() > best.ordinal()) onlyLocal = true;
      if (t == Truth.UNKNOWN && t.ordinal() >= best.ordinal()) onlyLocal &= timed == Truth.MET;
      if (t.ordinal() > best.ordinal()) {
        best = t;
        evidence.clear();
      }
      if (t == best && context.explain()) evidence.add(evidence(span));
    }
    if (!context.explain()) return Outcome.of(best);
    if (best == Truth.UNKNOWN) {
      return Outcome.unknown(onlyLocal ? localQuestion(rule) : question(rule) + (imprecise ? MONTH_OR_YEAR : ""),
          evidence);
    }
    return Outcome.of(best, evidence);
  }

  /** The exposure's end ({@code end}: its first or its last possible day) clipped to the evaluation date. */
  private static LocalDate effectiveEnd(MedicationExposure e, LocalDate end, LocalDate asOf) {
    return switch (e.status()) {
      case ACTIVE -> end == null || end.isAfter(asOf) ? asOf : end;
      case COMPLETED, UNKNOWN -> end == null ? null : (end.isAfter(asOf) ? asOf : end);
      case INTENDED -> null;
    };
  }

  /** One exposure against the timing; a limit falling within a date given as a year or month is UNKNOWN. */
  private static Truth each(MedicationTiming timing, Span s, LocalDate asOf) {
    return switch (timing) {
      case MedicationTiming.Ever e -> Truth.MET;
      case MedicationTiming.Current c -> s.end() == null ? Truth.UNKNOWN : Days.onOrAfter(s.end(), s.endLast(), asOf);
      case MedicationTiming.WithinDays w -> {
        LocalDate from = asOf.minusDays(w.days());
        // a washout counts from the last dose given, not from the days it covers
        if (s.course()) yield s.latestDose().isBefore(from) ? Truth.NOT_MET : Truth.MET;
        if (s.end() != null) yield Days.onOrAfter(s.end(), s.endLast(), from);
        yield s.start() != null && !s.start().isBefore(from) ? Truth.MET : Truth.UNKNOWN;
      }
      case MedicationTiming.AtLeastDaysBefore b -> {
        // a washout counts from the drug's last dose, not from the days it covers nor from an earlier course's
        LocalDate anchor = b.fromEnd() ? (s.course() ? s.latestDose() : s.end()) : s.start();
        if (anchor == null) yield Truth.UNKNOWN;
        LocalDate anchorLast = b.fromEnd() ? (s.course() ? s.latestDose() : s.endLast()) : s.startLast();
        yield Days.onOrBefore(anchor, anchorLast, asOf.minusDays(b.days()));
      }
      case MedicationTiming.ForAtLeastDays f -> {
        if (s.start() == null) yield Truth.UNKNOWN;
        // the longest the course can have lasted, from its earliest start; the shortest, from its latest
        if (s.end() == null) yield ChronoUnit.DAYS.between(s.start(), asOf) >= f.days() ? Truth.UNKNOWN
            : Truth.NOT_MET;
        if (ChronoUnit.DAYS.between(s.startLast(), s.end()) >= f.days()) yield Truth.MET;
        yield ChronoUnit.DAYS.between(s.start(), s.endLast()) >= f.days() ? Truth.UNKNOWN : Truth.NOT_MET;
      }
      case MedicationTiming.ContinuousFor c -> throw new IllegalStateException("handled across spans");
    };
  }

  /** Exposure covering the whole window, gaps of at most {@code maxGapDays} allowed (also at either end). */
  private static Outcome continuous(MedicationRule rule, MedicationTiming.ContinuousFor c, List<Span> spans,
                                    LocalDate asOf, boolean explain) {
    LocalDate from = asOf.minusDays(c.days());
    List<Span> known = new ArrayList<>();
    boolean uncertain = false;
    for (Span s : spans) {
      // a local use (a cream, an inhaler, a line flush) may not be the treatment meant: it can only leave it open
      if (s.start() == null || s.end() == null || s.source().local()) {
        uncertain = true;
      } else if (s.imprecise()) {
        // a course dated by a year or month surely covers its latest start to its earliest end, and may cover more
        uncertain |= !s.endLast().isBefore(from);
        if (!s.end().isBefore(from) && !s.end().isBefore(s.startLast())) {
          known.add(new Span(s.source(), s.startLast(), s.startLast(), s.end(), s.end()));
        }
      } else if (!s.end().isBefore(from) || s.course() && !s.endLast().isBefore(from)) {
        known.add(s);
      }
    }
    boolean covered = covers(known, from, asOf, c.maxGapDays(), false);
    // a course of doses may cover more than it surely does: up to one missed dose after its last (DECISIONS 97)
    if (!covered && !uncertain) uncertain = covers(known, from, asOf, c.maxGapDays(), true);
    if (!explain) return Outcome.of(covered ? Truth.MET : uncertain ? Truth.UNKNOWN : Truth.NOT_MET);
    List<Evidence> evidence = spans.stream().map(MedicationEvaluator::evidence).toList();
    if (covered) return Outcome.of(Truth.MET, evidence);
    if (uncertain) {
      return Outcome.unknown(question(rule) + (spans.stream().anyMatch(Span::imprecise) ? MONTH_OR_YEAR : ""),
          evidence);
    }
    return Outcome.of(Truth.NOT_MET, evidence);
  }

  /** Whether the spans cover the days from {@code from} to {@code asOf}, gaps of at most {@code maxGap} allowed. */
  private static boolean covers(List<Span> spans, LocalDate from, LocalDate asOf, int maxGap, boolean possibly) {
    // a course surely began at its first dose, and may have begun before a gap of held or unrecorded doses
    List<Span> known = new ArrayList<>(spans);
    known.sort(Comparator.comparing(s -> possibly ? s.start() : s.startLast()));
    LocalDate coveredTo = from.minusDays(1);
    for (Span s : known) {
      if (ChronoUnit.DAYS.between(coveredTo, possibly ? s.start() : s.startLast()) - 1 > maxGap) return false;
      LocalDate end = possibly && s.course() ? s.endLast() : s.end();
      if (end.isAfter(coveredTo)) coveredTo = end;
    }
    return ChronoUnit.DAYS.between(coveredTo, asOf) <= maxGap;
  }

  /** Why a drug counts as not taken: the medications the record does list, none of them the one asked about. */
  private static List<Evidence> absent(MedicationRule rule, PatientIndex patient) {
    List<String> listed = new ArrayList<>();
    for (MedicationExposure e : patient.facts().medications()) {
      if (e.source().resourceType().equals("Answer") || e.text() == null || e.text().isBlank()) continue;
      if (!listed.contains(e.text())) listed.add(e.text());
    }
    if (listed.isEmpty()) return List.of();
    String names = listed.size() <= 5 ? String.join("; ", listed)
        : String.join("; ", listed.subList(0, 5)) + " and " + (listed.size() - 5) + " more";
    return List.of(new Evidence("", "none of the medications in the record is " + rule.label() + " (" + names + ")",
        null, null, null));
  }

  private static String localQuestion(MedicationRule rule) {
    return "Does the patient's local use (a cream, an inhaler, drops or a line flush) count as " + rule.label()
        + "?";
  }

  private static final String MONTH_OR_YEAR = " (The record gives only the month or year.)";

  private static String question(MedicationRule rule) {
    return switch (rule.timing()) {
      case MedicationTiming.Current c -> "Is the patient taking " + rule.label() + " now?";
      case MedicationTiming.ContinuousFor c -> "Dates of " + rule.label() + " treatment over the last " + c.days()
          + " days?";
      default -> "Start and stop dates of " + rule.label() + "?";
    };
  }

  private static Evidence evidence(Span s) {
    MedicationExposure e = s.source();
    if (s.course()) {
      String text = e.text() + " (" + (s.doses() == 1 ? "one dose on " + s.lastDose() : s.doses() + " doses from "
          + s.startLast() + " to " + s.lastDose() + (s.interval() == null ? "" : ", every " + s.interval()
          + " days")) + ")";
      return new Evidence(e.source().toString(), text, null, null, s.startLast());
    }
    String text = e.text() + " (" + (e.start() == null ? "start unknown" : "from " + DayRange.text(e.start(),
        e.startLatest())) + (e.end() != null ? " to " + DayRange.text(e.end(), e.endLatest())
        : e.status() == ExposureStatus.ACTIVE ? ", ongoing" : ", end unknown")
        + (s.imprecise() ? "; the record gives only the month or year" : "") + ")";
    return new Evidence(e.source().toString(), text, null, null, e.start());
  }
}
