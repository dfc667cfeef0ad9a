package org.eligo.core.trial;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A registry date as written: a full date ({@code 2019-05-04}), a month ({@code 2020-06}) or a year ({@code 2024}).
 *
 * @param text the registry's own spelling, kept for export
 */
public record PartialDate(String text) implements Comparable<PartialDate> {

  public PartialDate {
    Objects.requireNonNull(text, "text");
    if (!text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new IllegalArgumentException("not a registry date (yyyy, yyyy-MM or yyyy-MM-dd): '" + text + "'");
    }
    try {
      if (text.length() == 7) YearMonth.parse(text); else if (text.length() == 10) LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a calendar date: '" + text + "'", e);
    }
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.toString());
  }

  /** True when only year and month are known. */
  public boolean isMonthOnly() {
    return text.length() == 7;
  }

  /** True when only the year is known. */
  public boolean isYearOnly() {
    return text.length() == 4;
  }

  /** The earliest day this date can mean (the first of the month or year when the day is not known). */
  public LocalDate firstDay() {
    if (isYearOnly()) return LocalDate.of(Integer.parseInt(text), 1, 1);
    return isMonthOnly() ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text);
  }

  /** The latest day this date can mean (the last of the month or year when the day is not known). */
  public LocalDate lastDay() {
    if (isYearOnly()) return LocalDate.of(Integer.parseInt(text), 12, 31);
    return isMonthOnly() ? YearMonth.parse(text).atEndOfMonth() : LocalDate.parse(text);
  }

  @Override
  public int compareTo(PartialDate other) {
    int byFirst = firstDay().compareTo(other.firstDay());
    return byFirst != 0 ? byFirst : lastDay().compareTo(other.lastDay());
  }

  @Override
  public String toString() {
    return text;
  }
}
