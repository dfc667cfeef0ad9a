package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.DayRange;
import org.eligo.core.rule.QualitativeResultRule;

/**
 * A {@link QualitativeResultRule} against the record's coded results. Each measure's latest result is read as a lab
 * value's is: results that may be the newest (the same day, or a year or month reaching it) must agree, else the
 * measure is unread; it decides only when it is surely within {@code recencyDays}. The finding is shown when a
 * measure that shows it is positive, ruled out when every measure of one ruling-out set is negative; when both, the
 * newer side decides and results of one day leave it open. In {@code ever} mode any positive result up to the
 * evaluation date shows it and nothing rules it out. A result without a readable answer is never read as negative.
 */
final class QualitativeResultEvaluator {
  private QualitativeResultEvaluator() {}

  static final String POSITIVE = "positive";
  static final String NEGATIVE = "negative";

  private enum Answer { POSITIVE, NEGATIVE, UNREAD }

  /** A measure's latest result: its answer, its day, and whether it is recent enough. */
  private record Latest(Answer answer, LocalDate date, Truth recent, List<CodedObservation> basis) {}

  static Outcome evaluate(QualitativeResultRule rule, PatientIndex patient, EvaluationContext context) {
    LocalDate asOf = context.asOf();
    if (rule.ever()) {
      List<CodedObservation> positives = new ArrayList<>();
      boolean any = false;
      for (String m : rule.shownBy()) {
        for (CodedObservation o : patient.coded(m)) {
          if (o.date().isAfter(asOf)) continue;
          any = true;
          if (answer(o) == Answer.POSITIVE) positives.add(o);
        }
      }
      if (!positives.isEmpty()) {
        return context.explain() ? Outcome.of(Truth.MET, evidence(positives)) : Outcome.of(Truth.MET);
      }
      return unknown(rule, context, any ? "no positive result in the record; a negative one may be newer than the "
          + "test the trial means" : "no result in the record", List.of());
    }
    LocalDate windowStart = asOf.minusDays(rule.recencyDays());
    Map<String, Latest> latest = new LinkedHashMap<>();
    for (String m : rule.measures()) {
      Latest l = latest(patient.coded(m), asOf, windowStart);
      if (l != null) latest.put(m, l);
    }
    if (latest.isEmpty()) return unknown(rule, context, "no result in the record", List.of());
    // shown: the newest positive of a measure that shows it
    Latest shown = null;
    for (String m : rule.shownBy()) {
      Latest l = latest.get(m);
      if (l != null && l.answer() == Answer.POSITIVE && l.recent() == Truth.MET
          && (shown == null || l.date().isAfter(shown.date()))) {
        shown = l;
      }
    }
    // ruled out: a set all of whose latest results are negative and recent, dated by its oldest; the newest such set
    LocalDate ruledOut = null;
    List<CodedObservation> ruledOutBasis = null;
    for (Set<String> set : rule.ruledOutBy()) {
      LocalDate oldest = null;
      List<CodedObservation> basis = new ArrayList<>();
      boolean all = true;
      for (String m : set) {
        Latest l = latest.get(m);
        if (l == null || l.answer() != Answer.NEGATIVE || l.recent() != Truth.MET) {
          all = false;
          break;
        }
        basis.addAll(l.basis());
        if (oldest == null || l.date().isBefore(oldest)) oldest = l.date();
      }
      if (all && (ruledOut == null || oldest.isAfter(ruledOut))) {
        ruledOut = oldest;
        ruledOutBasis = basis;
      }
    }
    if (shown != null && (ruledOut == null || shown.date().isAfter(ruledOut))) {
      return context.explain() ? Outcome.of(Truth.MET, evidence(shown.basis())) : Outcome.of(Truth.MET);
    }
    if (ruledOut != null && (shown == null || ruledOut.isAfter(shown.date()))) {
      return context.explain() ? Outcome.of(Truth.NOT_MET, evidence(ruledOutBasis)) : Outcome.of(Truth.NOT_MET);
    }
    List<CodedObservation> basis = new ArrayList<>();
    latest.values().forEach(l -> basis.addAll(l.basis()));
    String why;
    if (shown != null) why = "results of the same day disagree";
    else if (latest.values().stream().anyMatch(l -> l.recent() != Truth.MET)) {
      why = "the latest is more than " + rule.recencyDays() + " days old, or may be";
    } else if (latest.values().stream().anyMatch(l -> l.answer() == Answer.UNREAD)) {
      why = "the latest result is not one Eligo reads as positive or negative";
    } else {
      why = "the results on record do not test what the criterion names";
    }
    return unknown(rule, context, why, basis);
  }

  /** A measure's latest result up to {@code asOf}, or null when it has none. */
  private static Latest latest(List<CodedObservation> newestFirst, LocalDate asOf, LocalDate windowStart) {
    CodedObservation newest = null;
    List<CodedObservation> mayBeNewest = new ArrayList<>();
    for (CodedObservation o : newestFirst) {
      if (o.date().isAfter(asOf)) continue;
      if (newest == null) newest = o;
      if (o == newest || !Days.last(o.date(), o.dateLatest(), asOf).isBefore(newest.date())) mayBeNewest.add(o);
    }
    if (newest == null) return null;
    Answer answer = null;
    Truth recent = Truth.MET;
    for (CodedObservation o : mayBeNewest) {
      Answer a = answer(o);
      answer = answer == null || answer == a ? a : Answer.UNREAD;
      Truth r = Days.onOrAfter(o.date(), Days.last(o.date(), o.dateLatest(), asOf), windowStart);
      if (r.compareTo(recent) < 0) recent = r;
    }
    return new Latest(answer, newest.date(), recent, mayBeNewest);
  }

  private static Answer answer(CodedObservation o) {
    boolean pos = o.valueConcepts().contains(POSITIVE);
    boolean neg = o.valueConcepts().contains(NEGATIVE);
    return pos == neg ? Answer.UNREAD : pos ? Answer.POSITIVE : Answer.NEGATIVE;
  }

  private static Outcome unknown(QualitativeResultRule rule, EvaluationContext context, String why,
                                 List<CodedObservation> basis) {
    if (!context.explain()) return Outcome.of(Truth.UNKNOWN);
    String question = rule.ever() ? "Has the patient had a positive " + rule.label() + "?"
        : "Is the patient's latest " + rule.label() + " positive?";
    return Outcome.unknown(question + " (" + why + ")", evidence(basis));
  }

  private static List<Evidence> evidence(List<CodedObservation> basis) {
    List<Evidence> out = new ArrayList<>();
    for (CodedObservation o : basis) {
      out.add(new Evidence(o.source().toString(), o.measure() + ": " + o.valueText() + " ("
          + DayRange.described(o.date(), o.dateLatest()) + ")", null, null, o.date()));
    }
    return out;
  }
}
