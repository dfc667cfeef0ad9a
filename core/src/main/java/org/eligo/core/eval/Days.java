package org.eligo.core.eval;

import java.time.LocalDate;
import org.eligo.core.logic.Truth;

/**
 * Three-valued comparisons of a fact date with a time limit. A date the record gives only as a year or month is its
 * first and last possible day ({@link org.eligo.core.patient.DayRange}): both ends on the same side of the limit
 * decide the comparison, a limit between them leaves it UNKNOWN. An exact date has both ends equal, so it always
 * decides. Nothing here allocates.
 */
final class Days {
  private Days() {}

  /**
   * The last day a recorded event can have happened as of {@code asOf}: its latest possible day, but not after
   * {@code asOf} when its first possible day is not (the record reports it, so it happened by then; as a year or
   * month of birth is read).
   */
  static LocalDate last(LocalDate first, LocalDate latest, LocalDate asOf) {
    return latest.isAfter(asOf) && !first.isAfter(asOf) ? asOf : latest;
  }

  /** Whether the days from {@code first} to {@code last} are on or after {@code limit}. */
  static Truth onOrAfter(LocalDate first, LocalDate last, LocalDate limit) {
    if (!first.isBefore(limit)) return Truth.MET;
    return last.isBefore(limit) ? Truth.NOT_MET : Truth.UNKNOWN;
  }

  /** Whether the days from {@code first} to {@code last} are on or before {@code limit}. */
  static Truth onOrBefore(LocalDate first, LocalDate last, LocalDate limit) {
    if (!last.isAfter(limit)) return Truth.MET;
    return first.isAfter(limit) ? Truth.NOT_MET : Truth.UNKNOWN;
  }

  /** "If {@code condition} then {@code ifMet} else {@code ifNotMet}"; an UNKNOWN condition decides when both agree. */
  static Truth either(Truth condition, Truth ifMet, Truth ifNotMet) {
    return switch (condition) {
      case MET -> ifMet;
      case NOT_MET -> ifNotMet;
      case UNKNOWN -> ifMet == ifNotMet ? ifMet : Truth.UNKNOWN;
    };
  }
}
