package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A numeric result (lab, vital, score) in its measure's canonical unit.
 *
 * @param measure the measure key, e.g. {@code anc}, {@code hemoglobin}, {@code body-weight}, {@code ecog}
 * @param value the value in {@code unit}
 * @param unit the canonical UCUM unit of the measure, e.g. {@code 10*9/L}
 * @param date when it was measured (effective date)
 * @param referenceHigh the lab's upper reference limit in the same unit, or null when the result has none
 * @param referenceLow the lab's lower reference limit in the same unit, or null
 * @param original the value and unit as the record wrote them, for explanations
 * @param at the moment it was measured, when the record gives a time of day; null otherwise. It orders results of
 *     the same day: the later one is the latest
 * @param dateLatest the last day it can have been measured when the record gives only a year or month ("2025-12":
 *     {@code date} 2025-12-01, {@code dateLatest} 2025-12-31), else {@code date} ({@link DayRange})
 * @param bound null for a result; for a result the record writes as a bound ("&lt;0.5"), how the result relates to
 *     {@code value}, which is then the bound in {@code unit}: the result itself is not known
 */
public record Measurement(
    String measure, double value, String unit, LocalDate date, Double referenceHigh, Double referenceLow,
    String original, SourceRef source, java.time.Instant at, LocalDate dateLatest, ValueBound bound) {
  public Measurement {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(date, "date");
    dateLatest = DayRange.latest(date, dateLatest);
  }

  /** An exact result (not a bound). */
  public Measurement(String measure, double value, String unit, LocalDate date, Double referenceHigh,
                     Double referenceLow, String original, SourceRef source, java.time.Instant at,
                     LocalDate dateLatest) {
    this(measure, value, unit, date, referenceHigh, referenceLow, original, source, at, dateLatest, null);
  }

  /** Whether the value is the result itself, not a bound of it. */
  public boolean exact() {
    return bound == null;
  }

  /** A result with an exact day. */
  public Measurement(String measure, double value, String unit, LocalDate date, Double referenceHigh,
                     Double referenceLow, String original, SourceRef source, java.time.Instant at) {
    this(measure, value, unit, date, referenceHigh, referenceLow, original, source, at, date);
  }

  /** Whether the record gives only a year or month of the day ({@link DayRange#imprecise}). */
  public boolean imprecise() {
    return !date.equals(dateLatest);
  }

  /** A result whose time of day is not recorded. */
  public Measurement(String measure, double value, String unit, LocalDate date, Double referenceHigh,
                     Double referenceLow, String original, SourceRef source) {
    this(measure, value, unit, date, referenceHigh, referenceLow, original, source, null);
  }
}
