package org.eligo.core.patient;

import java.time.LocalDate;

/**
 * How a fact date the record gives only as a year or a month is kept and shown. Such a date is read as two days:
 * its first possible day (the fact's date, e.g. {@link ConditionFact#onset()}) and its last possible day (e.g.
 * {@link ConditionFact#onsetLatest()}); an exact date has both the same. The evaluator compares both ends with a
 * criterion's time limit: both on one side decide it, a limit falling inside leaves it UNKNOWN.
 */
public final class DayRange {
  private DayRange() {}

  /** The last day, made consistent: the first day when absent, before it or when the first day is null. */
  public static LocalDate latest(LocalDate first, LocalDate last) {
    return first == null || last == null || last.isBefore(first) ? first : last;
  }

  /** Whether the record gives only a year or month (or another span of days) for this date. */
  public static boolean imprecise(LocalDate first, LocalDate last) {
    return first != null && last != null && !first.equals(last);
  }

  /** The date as the record gives it: {@code 2025-12-03}, {@code 2025-12}, {@code 2025}, else {@code A to B}. */
  public static String text(LocalDate first, LocalDate last) {
    if (first == null) return "";
    if (!imprecise(first, last)) return first.toString();
    if (first.getDayOfMonth() == 1 && last.getDayOfMonth() == last.lengthOfMonth()) {
      if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
        return first.toString().substring(0, 7);
      }
      if (first.getYear() == last.getYear() && first.getDayOfYear() == 1 && last.getMonthValue() == 12) {
        return Integer.toString(first.getYear());
      }
    }
    return first + " to " + last;
  }

  /** {@link #text} followed, for an imprecise date, by what the record leaves open: "2025-12 (only the month)". */
  public static String described(LocalDate first, LocalDate last) {
    String text = text(first, last);
    if (!imprecise(first, last)) return text;
    String what = text.length() == 4 ? "only the year" : text.length() == 7 ? "only the month" : "no exact day";
    return text + " (" + what + " recorded)";
  }
}
