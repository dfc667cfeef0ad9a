package org.eligo.core.trial;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A registry date as written: a full date ({@code 2019-05-04}), a month ({@code 2020-06}) or a year ({@code 2024}).
 *
 * @param text the registry's own spelling, kept for export
 */
public record PartialDate(String text) implements Comparable<PartialDate> {

  public PartialDate {
    Objects.requireNonNull(text, "text");
    if (!isRegistryDateShape(text)) {
      throw new IllegalArgumentException("not a registry date (yyyy, yyyy-MM or yyyy-MM-dd): '" + text + "'");
    }
    try {
      if (text.length() >= 7) day(text, text.length() == 10 ? number(text, 8, 10) : 1);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a calendar date: '" + text + "'", e);
    }
  }

  /** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} in ASCII digits (read for every date of every import). */
  private static boolean isRegistryDateShape(String text) {
    int length = text.length();
    if (length != 4 && length != 7 && length != 10) return false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean dash = i == 4 || i == 7;
      if (dash ? c != '-' : c < '0' || c > '9') return false;
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) n = n * 10 + (text.charAt(i) - '0');
    return n;
  }

  /** The day of this year and month; throws for a month or day the calendar does not have. */
  private static LocalDate day(String text, int dayOfMonth) {
    return LocalDate.of(number(text, 0, 4), number(text, 5, 7), dayOfMonth);
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
    if (isYearOnly()) return LocalDate.of(number(text, 0, 4), 1, 1);
    return day(text, isMonthOnly() ? 1 : number(text, 8, 10));
  }

  /** The latest day this date can mean (the last of the month or year when the day is not known). */
  public LocalDate lastDay() {
    if (isYearOnly()) return LocalDate.of(number(text, 0, 4), 12, 31);
    LocalDate first = day(text, isMonthOnly() ? 1 : number(text, 8, 10));
    return isMonthOnly() ? first.withDayOfMonth(first.lengthOfMonth()) : first;
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
