package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A diagnosis in the record.
 *
 * @param concepts concept ids it belongs to, classes included (e.g. {@code fanconi-anemia},
 *     {@code congenital-aplastic-anemia}, {@code aplastic-anemia})
 * @param onset first known date, or null
 * @param abatement date it resolved, or null when ongoing or unknown
 * @param confirmed false when the record only suspects it (verification status provisional, differential or
 *     unconfirmed; "suspected MDS", "rule out MDS"): it then never proves the diagnosis, only leaves it open
 */
public record ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                            LocalDate abatement, SourceRef source, boolean confirmed) {
  public ConditionFact {
    concepts = Set.copyOf(concepts);
  }

  /** A confirmed diagnosis. */
  public ConditionFact(Set<String> concepts, String text, ClinicalStatus status, LocalDate onset,
                       LocalDate abatement, SourceRef source) {
    this(concepts, text, status, onset, abatement, source, true);
  }
}
