package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A diagnosis in the record.
 *
 * @param concepts concept ids it belongs to, classes included (e.g. {@code fanconi-anemia},
 *     {@code congenital-aplastic-anemia}, {@code aplastic-anemia})
 * @param onset first known date, or null; its first possible day when the record gives only a year or month
 * @param abatement date it resolved, or null when ongoing or unknown; its first possible day likewise
 * @param confirmed false when the record only suspects it (verification status provisional, differential or
 *     unconfirmed; "suspected MDS", "rule out MDS"): it then never proves the diagnosis, only leaves it open
 * @param onsetLatest the last day the onset can be ("2025-12": 2025-12-31), else the onset itself ({@link DayRange})
 * @param abatementLatest the last day the abatement can be, else the abatement itself
 * @param recorded the day the entry was recorded ({@code Condition.recordedDate}, its first possible day), kept only
 *     when the record gives no onset, else null: it bounds how long ago a condition that cannot last (a pregnancy)
 *     began, and is no onset for anything else
 */
public record ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                            LocalDate abatement, SourceRef source, boolean confirmed, LocalDate onsetLatest,
                            LocalDate abatementLatest, LocalDate recorded) {
  public ConditionFact {
    concepts = Set.copyOf(concepts);
    onsetLatest = DayRange.latest(onset, onsetLatest);
    abatementLatest = DayRange.latest(abatement, abatementLatest);
    if (onset != null) recorded = null;
  }

  /** A diagnosis without a recorded day. */
  public ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                       LocalDate abatement, SourceRef source, boolean confirmed, LocalDate onsetLatest,
                       LocalDate abatementLatest) {
    this(concepts, text, status, onset, abatement, source, confirmed, onsetLatest, abatementLatest, null);
  }

  /** The day the condition is known to have been there by: its onset, else the day it was recorded, else null. */
  public LocalDate knownBy() {
    return onset != null ? onset : recorded;
  }

  /** A diagnosis with exact (or unknown) dates. */
  public ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                       LocalDate abatement, SourceRef source, boolean confirmed) {
    this(concepts, text, status, onset, abatement, source, confirmed, onset, abatement);
  }

  /** A confirmed diagnosis. */
  public ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                       LocalDate abatement, SourceRef source) {
    this(concepts, text, status, onset, abatement, source, true);
  }
}
