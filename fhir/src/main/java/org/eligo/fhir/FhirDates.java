package org.eligo.fhir;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads FHIR date and dateTime strings as the calendar day they name, as written (no time-zone shift), so a
 * result taken at 23:30 local time keeps its day.
 */
final class FhirDates {
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T.*)?");

  private FhirDates() {}

  /**
   * A parsed day.
   *
   * @param partial true when the string gave only a year or a month, so {@code day} is that period's first day
   * @param last that period's last day, else {@code day}
   */
  record Day(LocalDate day, boolean partial, LocalDate last) {
    Day(LocalDate day, boolean partial) {
      this(day, partial, day);
    }
  }

  /** The day a FHIR date/dateTime names, or null when the text is not one. */
  static Day parse(String text) {
    if (text == null) return null;
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) return null;
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) return new Day(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31));
      int month = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new Day(first, true, first.withDayOfMonth(first.lengthOfMonth()));
      }
      return new Day(LocalDate.of(year, month, Integer.parseInt(m.group(3))), false);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
