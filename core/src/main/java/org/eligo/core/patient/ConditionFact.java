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
 */
public record ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                            LocalDate abatement, SourceRef source, boolean confirmed, LocalDate onsetLatest,
                            LocalDate abatementLatest) {
  public ConditionFact {
    concepts = Set.copyOf(concepts);
    onsetLatest = DayRange.latest(onset, onsetLatest);
    abatementLatest = DayRange.latest(abatement, abatementLatest);
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
