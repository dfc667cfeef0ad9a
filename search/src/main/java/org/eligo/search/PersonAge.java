package org.eligo.search;

import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's age as people type it for an age filter: a number of years (45), or with a unit in any of the ways the
 * registries write them: 45y, 18m, 6w, 20d, "8 years", "18 months", "3 weeks", "10 days".
 */
public final class PersonAge {
  private static final Pattern AGE = Pattern.compile(
      "(\\d{1,4})\\s*(y|yr|yrs|years?|m|mo|months?|w|wk|weeks?|d|days?)?", Pattern.CASE_INSENSITIVE);

  private PersonAge() {}

  /**
   * The age {@code text} gives.
   *
   * @throws IllegalArgumentException when it is not an age, or more than 130 years
   */
  public static Period parse(String text) {
    Matcher m = AGE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("an age is a number with y, m, w or d (45y, 18m, 6w, 20d; years when "
          + "none), not '" + text + "'");
    }
    int n = Integer.parseInt(m.group(1));
    String unit = m.group(2) == null ? "y" : m.group(2).toLowerCase(Locale.ROOT);
    Period age = switch (unit.charAt(0)) {
      case 'm' -> Period.ofMonths(n);
      case 'w' -> Period.ofWeeks(n);
      case 'd' -> Period.ofDays(n);
      default -> Period.ofYears(n);
    };
    if (age.toTotalMonths() > 130 * 12 || age.getDays() > 130 * 366) {
      throw new IllegalArgumentException("an age of more than 130 years: '" + text + "'");
    }
    return age;
  }
}
