package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.DayRange;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.ConceptSet;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.TimeWindow;

/**
 * A diagnosis, closed-world: no matching condition in the record is NOT_MET — provided the record lists any
 * diagnosis at all; a record without a single condition rules none out (UNKNOWN).
 *
 * <ul>
 *   <li>Ever: any matching condition with onset on or before the evaluation date (or no onset).</li>
 *   <li>Present (named without a time in an exclusion): active; or of unknown status, not abated, and begun within
 *       the last {@value TimeWindow.Present#UNSTATED_CURRENT_DAYS} days (an encounter diagnosis of 2015 without a
 *       status says nothing about now: UNKNOWN, with the question whether it is still current); one resolved,
 *       inactive, in remission or abated is UNKNOWN, with the question whether a past one counts.</li>
 *   <li>Active: clinical status active, recurrence or relapse and no abatement on or before the evaluation date; a
 *       condition without a status is UNKNOWN.</li>
 *   <li>Within N days: active at some point in the window: onset in the window, abatement in the window, or still
 *       active. A resolved condition with no abatement date that began before the window is UNKNOWN. An onset or
 *       abatement the record gives only as a year or month is compared at both ends: when the window's first day
 *       falls inside it, what it would settle stays UNKNOWN.</li>
 *   <li>Began within N days (a one-off event: myocardial infarction, stroke): onset in the window, however the record
 *       marks it now; a known onset before the window is NOT_MET even while the record still lists it active, and
 *       abatement does not bring it into the window; no onset is UNKNOWN, with the question whether it occurred in the
 *       window, unless the record has it resolved before the window began (DECISIONS §25).</li>
 * </ul>
 * Conditions carrying an {@code except} concept (e.g. basal cell carcinoma of skin) are ignored. A condition the
 * record only suspects ({@link ConditionFact#confirmed()} false) makes the criterion UNKNOWN at most, never MET. A
 * diagnosis recorded only as a code Eligo does not know ({@link Unidentified}) may be the one asked about: where the
 * rest of the record would make the criterion NOT_MET, it makes it UNKNOWN, with the question what it is.
 *
 * <p>Infection test results count beside the diagnoses ({@link InfectionEvidence}): a result showing the infection
 * (HBsAg positive) makes the criterion MET; one that leaves it open (an HCV antibody alone, a positive result too old
 * to say what is current) makes a criterion the diagnoses would call NOT_MET — or leave open for want of any
 * diagnosis — UNKNOWN; recent results ruling out every infection the criterion names make it NOT_MET even in a
 * record that lists no diagnoses. A current infection on the diagnosis list that a recent result dated after it
 * shows absent (chronic hepatitis C still listed active, HCV RNA not detected since) is UNKNOWN under a current or
 * present criterion, with the question whether it is still current: lists keep cured infections active, and read as
 * proven it excluded a cured patient. Results never otherwise overrule a diagnosis that proves the criterion, nor
 * settle one the diagnoses leave open for another reason (a suspected diagnosis, one without a status).
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static Outcome evaluate(ConditionRule rule, PatientIndex patient, EvaluationContext context) {
    if (!context.explain()) return Outcome.of(decide(rule, patient, context.asOf()));
    InfectionEvidence.Reading labs = InfectionEvidence.read(rule, patient, context.asOf(), true);
    Outcome diagnoses = diagnoses(rule, patient, context);
    return withLabs(diagnoses, labs, patient);
  }

  /**
   * The diagnoses' outcome with what the infection test results say: see the class comment. A record without
   * diagnoses has UNKNOWN diagnoses, which results showing or ruling out the infection settle.
   */
  private static Outcome withLabs(Outcome diagnoses, InfectionEvidence.Reading labs, PatientIndex patient) {
    boolean noDiagnoses = patient.facts().conditions().isEmpty();
    return switch (labs.says()) {
      case NOTHING -> diagnoses;
      case SHOWN -> diagnoses.truth() == Truth.MET ? Outcome.combine(Truth.MET, List.of(diagnoses, labOutcome(labs)))
          : Outcome.of(Truth.MET, labs.evidence());
      case OPEN -> switch (diagnoses.truth()) {
        case MET -> diagnoses;
        case NOT_MET -> new Outcome(Truth.UNKNOWN, labs.evidence(), labs.questions());
        case UNKNOWN -> noDiagnoses ? new Outcome(Truth.UNKNOWN, labs.evidence(), labs.questions())
            : Outcome.combine(Truth.UNKNOWN, List.of(diagnoses, labOutcome(labs)));
      };
      case RULED_OUT -> diagnoses.truth() == Truth.NOT_MET
          ? Outcome.combine(Truth.NOT_MET, List.of(diagnoses, labOutcome(labs)))
          : noDiagnoses ? Outcome.of(Truth.NOT_MET, labs.evidence()) : diagnoses;
    };
  }

  private static Outcome labOutcome(InfectionEvidence.Reading labs) {
    return new Outcome(Truth.UNKNOWN, labs.evidence(), labs.questions());
  }

  /** The diagnoses alone, explained. */
  private static Outcome diagnoses(ConditionRule rule, PatientIndex patient, EvaluationContext context) {
    Truth best = Truth.NOT_MET;
    List<Evidence> evidence = new ArrayList<>();
    List<Evidence> outside = new ArrayList<>(); // the diagnosis, but excepted or outside the window
    boolean onlySuspected = true; // every UNKNOWN so far comes from a diagnosis the record only suspects
    boolean onlyImprecise = true; // every UNKNOWN so far comes from a year or month straddling the window's start
    boolean onlyUndated = true; // every UNKNOWN so far is an event without an onset, under a window of onsets
    List<org.eligo.core.patient.InfectionResult> clearedBy = new ArrayList<>(); // results since showing none now
    boolean onlyCleared = true; // every UNKNOWN so far is a diagnosis such a result contradicts
    boolean onlyUnstated = true; // every UNKNOWN so far is a diagnosis without a status, not recent, under Present
    for (ConditionFact c : patient.conditions(rule.concepts())) {
      if (excepted(c, rule)) {
        outside.add(evidence(c, " \u2014 not counted: the criterion makes an exception for it"));
        continue;
      }
      Truth t = inWindow(c, rule.window(), context.asOf());
      org.eligo.core.patient.InfectionResult cleared = t == Truth.MET
          ? InfectionEvidence.clearedSince(c, rule.window(), patient, context.asOf()) : null;
      if (cleared != null) t = Truth.UNKNOWN;
      if (t == Truth.NOT_MET) {
        outside.add(evidence(c, " \u2014 not counted: outside the criterion's time window"));
        continue;
      }
      if (t.ordinal() > best.ordinal()) {
        best = t;
        evidence.clear();
        onlySuspected = true;
        onlyImprecise = true;
        onlyUndated = true;
        clearedBy.clear();
        onlyCleared = true;
        onlyUnstated = true;
      }
      if (t == best) {
        evidence.add(evidence(c));
        onlyCleared &= cleared != null;
        if (cleared != null) {
          evidence.add(InfectionEvidence.evidence(cleared));
          clearedBy.add(cleared);
          onlySuspected = false;
          onlyImprecise = false;
          onlyUndated = false;
          onlyUnstated = false;
          continue;
        }
        onlySuspected &= !c.confirmed() && inWindowIfConfirmed(c, rule.window(), context.asOf()) == Truth.MET;
        onlyImprecise &= c.confirmed() && inWindowIfConfirmed(exact(c), rule.window(), context.asOf()) != Truth.UNKNOWN;
        onlyUndated &= c.confirmed() && c.onset() == null && rule.window() instanceof TimeWindow.WithinDays w
            && w.onset();
        onlyUnstated &= c.confirmed() && rule.window() instanceof TimeWindow.Present && unstated(c)
            && (c.abatement() == null || c.abatement().isAfter(context.asOf()));
      }
    }
    if (best == Truth.NOT_MET) {
      List<ConditionFact> open = unidentified(rule, patient, context.asOf());
      if (!open.isEmpty()) {
        return Outcome.unknown(unidentifiedQuestion(rule, open), open.stream().map(ConditionEvaluator::evidence)
            .toList());
      }
    }
    if (best == Truth.NOT_MET && patient.facts().conditions().isEmpty()) {
      return Outcome.unknown("Has the patient ever had " + rule.label() + "? (The record lists no diagnoses.)");
    }
    if (best == Truth.UNKNOWN && onlyCleared && !clearedBy.isEmpty()) {
      org.eligo.core.patient.InfectionResult r = clearedBy.get(0);
      return Outcome.unknown("The record lists the patient's " + rule.label() + " as current, but a later result shows"
          + " no current infection (" + r.text() + ", " + DayRange.described(r.date(), r.dateLatest()) + "): is it"
          + " current (cleared, cured or on treatment)?", evidence);
    }
    if (best == Truth.UNKNOWN) {
      return Outcome.unknown(onlySuspected ? "Has the patient's " + rule.label() + " been confirmed?"
          : onlyUnstated ? "Is the patient's " + rule.label() + " current? (The record lists it without a clinical"
              + " status, and not as begun within the last " + TimeWindow.Present.UNSTATED_CURRENT_DAYS + " days.)"
          : onlyUndated ? "The record lists the patient's " + rule.label() + " without a date: did it occur within the"
              + " last " + RuleDescriber.span(((TimeWindow.WithinDays) rule.window()).days()) + "?"
          : onlyImprecise ? "On what day did the patient's " + rule.label() + " begin (or resolve)? (The record gives"
              + " only the month or year, and the criterion's time window starts within it.)"
          : rule.window() instanceof TimeWindow.WithinDays w && w.onset()
              ? "When did the patient's " + rule.label() + " occur? (It counts only if it began within the last "
                  + RuleDescriber.span(w.days()) + ".)"
          : rule.window() instanceof TimeWindow.Present
              ? "The record shows the patient's " + rule.label() + " as past (resolved, inactive or in remission): does"
                  + " a past " + rule.label() + " count for this trial?"
          : "Is the patient's " + rule.label() + " current, and since when?", evidence);
    }
    if (best == Truth.NOT_MET) return Outcome.of(best, outside.isEmpty() ? absent(rule, patient) : outside);
    return Outcome.of(best, evidence);
  }

  /** Why a diagnosis counts as absent: the diagnoses the record does list, none of them the one asked about. */
  private static List<Evidence> absent(ConditionRule rule, PatientIndex patient) {
    List<String> listed = new ArrayList<>();
    for (ConditionFact c : patient.facts().conditions()) {
      if (c.source().resourceType().equals("Answer") || c.text() == null || c.text().isBlank()) continue;
      if (!listed.contains(c.text())) listed.add(c.text());
    }
    if (listed.isEmpty()) return List.of();
    String names = listed.size() <= 5 ? String.join("; ", listed)
        : String.join("; ", listed.subList(0, 5)) + " and " + (listed.size() - 5) + " more";
    return List.of(new Evidence("", "none of the diagnoses in the record is " + rule.label() + " (" + names + ")",
        null, null, null));
  }

  /** The truth alone: no evidence collected, and the first MET settles it; the same as explaining. */
  private static Truth decide(ConditionRule rule, PatientIndex patient, LocalDate asOf) {
    if (!patient.hasInfectionResults()) return decideDiagnoses(rule, patient, asOf);
    InfectionEvidence.Says labs = InfectionEvidence.read(rule, patient, asOf, false).says();
    if (labs == InfectionEvidence.Says.SHOWN) return Truth.MET;
    boolean noDiagnoses = patient.facts().conditions().isEmpty();
    Truth diagnoses = decideDiagnoses(rule, patient, asOf);
    return switch (labs) {
      case SHOWN -> Truth.MET;
      case NOTHING -> diagnoses;
      case OPEN -> diagnoses == Truth.MET ? Truth.MET : Truth.UNKNOWN;
      case RULED_OUT -> noDiagnoses ? Truth.NOT_MET : diagnoses;
    };
  }

  /** The diagnoses alone, decided. */
  private static Truth decideDiagnoses(ConditionRule rule, PatientIndex patient, LocalDate asOf) {
    if (patient.facts().conditions().isEmpty()) return Truth.UNKNOWN; // a record without diagnoses rules none out
    if (rule.concepts() instanceof ConceptSet concepts && !patient.hasConditionIn(concepts)) {
      return unidentifiedTruth(rule, patient, asOf);
    }
    Truth best = Truth.NOT_MET;
    for (ConditionFact c : patient.conditions(rule.concepts())) {
      if (excepted(c, rule)) continue;
      Truth t = inWindow(c, rule.window(), asOf);
      if (t == Truth.MET && InfectionEvidence.clearedSince(c, rule.window(), patient, asOf) != null) t = Truth.UNKNOWN;
      if (t == Truth.MET) return Truth.MET;
      if (t == Truth.UNKNOWN) best = Truth.UNKNOWN;
    }
    return best == Truth.NOT_MET ? unidentifiedTruth(rule, patient, asOf) : best;
  }

  /** UNKNOWN when an unidentified diagnosis could be the one asked about in the rule's window, else NOT_MET. */
  private static Truth unidentifiedTruth(ConditionRule rule, PatientIndex patient, LocalDate asOf) {
    for (ConditionFact c : patient.unidentifiedConditions()) {
      if (inWindowIfConfirmed(c, rule.window(), asOf) != Truth.NOT_MET) return Truth.UNKNOWN;
    }
    return Truth.NOT_MET;
  }

  /** The unidentified diagnoses that could be the one asked about, in the rule's window. */
  private static List<ConditionFact> unidentified(ConditionRule rule, PatientIndex patient, LocalDate asOf) {
    List<ConditionFact> open = new ArrayList<>();
    for (ConditionFact c : patient.unidentifiedConditions()) {
      if (inWindowIfConfirmed(c, rule.window(), asOf) != Truth.NOT_MET) open.add(c);
    }
    return open;
  }

  private static String unidentifiedQuestion(ConditionRule rule, List<ConditionFact> open) {
    String names = String.join(", ", open.stream().map(c -> "\u201c" + c.text() + "\u201d").toList());
    return (open.size() == 1 ? "Could the diagnosis recorded as " + names + " be: "
        : "Could one of the diagnoses recorded as " + names + " be: ") + rule.label() + "? (Eligo cannot tell what "
        + (open.size() == 1 ? "it is" : "they are") + ".)";
  }

  private static boolean excepted(ConditionFact c, ConditionRule rule) {
    if (rule.except().isEmpty()) return false;
    for (String concept : c.concepts()) if (rule.except().contains(concept)) return true;
    return false;
  }

  private static Truth inWindow(ConditionFact c, TimeWindow window, LocalDate asOf) {
    Truth t = inWindowIfConfirmed(c, window, asOf);
    return t == Truth.MET && !c.confirmed() ? Truth.UNKNOWN : t; // only suspected: it leaves the criterion open
  }

  private static Truth inWindowIfConfirmed(ConditionFact c, TimeWindow window, LocalDate asOf) {
    if (c.onset() != null && c.onset().isAfter(asOf)) return Truth.NOT_MET;
    boolean abated = c.abatement() != null && !c.abatement().isAfter(asOf);
    return switch (window) {
      case TimeWindow.Ever e -> Truth.MET;
      case TimeWindow.Present p -> {
        if (abated) yield Truth.UNKNOWN;
        if (c.status().isActive()) yield Truth.MET;
        yield unstated(c) && recentOnset(c, asOf) ? Truth.MET : Truth.UNKNOWN;
      }
      case TimeWindow.Active a -> {
        if (abated) yield Truth.NOT_MET;
        if (c.status().isActive()) yield Truth.MET;
        yield c.status() == org.eligo.core.patient.ClinicalStatus.UNKNOWN ? Truth.UNKNOWN : Truth.NOT_MET;
      }
      case TimeWindow.WithinDays w -> {
        // a year or month of onset or abatement straddling the window's first day leaves it open (Days)
        LocalDate start = asOf.minusDays(w.days());
        // a one-off event counts by its onset alone: still marked active or abated since, it began when it began
        if (w.onset()) {
          if (c.onset() != null) yield Days.onOrAfter(c.onset(), Days.last(c.onset(), c.onsetLatest(), asOf), start);
          // undated, but over before the window began (resolved in 2015): it cannot have begun within it
          yield abated && Days.onOrAfter(c.abatement(), Days.last(c.abatement(), c.abatementLatest(), asOf), start)
              == Truth.NOT_MET ? Truth.NOT_MET : Truth.UNKNOWN;
        }
        Truth onsetIn = c.onset() == null ? Truth.NOT_MET
            : Days.onOrAfter(c.onset(), Days.last(c.onset(), c.onsetLatest(), asOf), start);
        if (onsetIn == Truth.MET) yield Truth.MET;
        Truth otherwise;
        if (abated) {
          otherwise = Days.onOrAfter(c.abatement(), Days.last(c.abatement(), c.abatementLatest(), asOf), start);
        } else {
          otherwise = c.status().isActive() ? Truth.MET : Truth.UNKNOWN;
        }
        yield Days.either(onsetIn, Truth.MET, otherwise);
      }
    };
  }

  /** A diagnosis the record gives without a clinical status (an encounter diagnosis), and not abated. */
  private static boolean unstated(ConditionFact c) {
    return c.status() == org.eligo.core.patient.ClinicalStatus.UNKNOWN;
  }

  /**
   * Whether the diagnosis surely began within the last {@value TimeWindow.Present#UNSTATED_CURRENT_DAYS} days (the
   * first day its onset can be): what makes a diagnosis without a clinical status current under a present-time
   * criterion. An older onset, one whose year or month reaches back before that, or none, says nothing about now.
   */
  private static boolean recentOnset(ConditionFact c, LocalDate asOf) {
    return c.onset() != null && !c.onset().isBefore(asOf.minusDays(TimeWindow.Present.UNSTATED_CURRENT_DAYS));
  }

  /** The same diagnosis read at the first day of each date: what the record would settle were its dates exact. */
  private static ConditionFact exact(ConditionFact c) {
    return new ConditionFact(c.concepts(), c.text(), c.status(), c.onset(), c.abatement(), c.source(), c.confirmed());
  }

  private static Evidence evidence(ConditionFact c, String why) {
    Evidence e = evidence(c);
    return new Evidence(e.resource(), e.description() + why, e.value(), e.unit(), e.date());
  }

  private static Evidence evidence(ConditionFact c) {
    String text = c.text() + " (" + (c.confirmed() ? "" : "not confirmed, ")
        + c.status().name().toLowerCase(java.util.Locale.ROOT)
        + (c.onset() != null ? ", since " + DayRange.described(c.onset(), c.onsetLatest()) : "")
        + (c.abatement() != null ? ", resolved " + DayRange.described(c.abatement(), c.abatementLatest()) : "")
        + ")";
    return new Evidence(c.source().toString(), text, null, null, c.onset());
  }
}
