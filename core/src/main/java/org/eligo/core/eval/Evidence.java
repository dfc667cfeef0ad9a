package org.eligo.core.eval;

import java.time.LocalDate;

/**
 * A fact from the record that a criterion's status rests on.
 *
 * @param resource the FHIR reference, e.g. {@code Observation/anc-1}
 * @param description what it is, e.g. "absolute neutrophil count 0.62 10*9/L (620 /uL)"
 * @param value the number compared, or null for coded facts
 * @param date the day of the fact; its first possible day when the record gives only a month or year (the description
 *     then says so: "2025-12 (only the month recorded)")
 * @param comparator for a result the record gives only as a bound ("&lt;0.5"), how the result relates to
 *     {@code value} ({@code <}, {@code <=}, {@code >=}, {@code >}): {@code value} is then the bound, not the result;
 *     null otherwise
 */
public record Evidence(String resource, String description, Double value, String unit, LocalDate date,
                       String comparator) {
  /** A fact whose number, if any, is exact. */
  public Evidence(String resource, String description, Double value, String unit, LocalDate date) {
    this(resource, description, value, unit, date, null);
  }

  /**
   * Whether the description already says when (its day, or the month or year the record gives): a reader that shows
   * the date beside it would repeat it, or for a month show a day the record never gave.
   */
  public boolean dateInDescription() {
    if (date == null || description == null) return false;
    String day = date.toString();
    return description.contains(day.substring(0, 7)) || description.contains(day.substring(0, 4) + " (only");
  }
}
