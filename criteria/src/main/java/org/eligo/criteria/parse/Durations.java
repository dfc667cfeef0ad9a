package org.eligo.criteria.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads spans of time ("12 weeks", "5 years", "one year", "30 days") as days. */
final class Durations {
  /** A number and a unit of time; group "n" the number, group "unit" the unit. */
  static final String DURATION = "(?<n>" + Numbers.NUMBER + ")[ -]?(?<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)"
      + "(?![a-z])";

  /**
   * A strict lower bound before a duration: "more than", "longer than", "greater than", "in excess of", "over", "&gt;"
   * (DECISIONS §101). A course "for more than 28 days" is one of at least 29 ({@link #strictlyLonger}).
   */
  static final String LONGER_THAN = "(?:(?:more|longer|greater)\\s+than|in\\s+excess\\s+of|over|>(?!=))";
  private static final Pattern STRICT = Pattern.compile("(?:(?:more|longer|greater)\\s+than|in\\s+excess\\s+of"
      + "|over|>(?!=))\\s*" + DURATION);

  /** Whether the words at the start of {@code text} are a strict bound ({@link #LONGER_THAN}) before a duration. */
  static boolean strictlyLonger(String text) {
    return STRICT.matcher(text).lookingAt();
  }

  private static final Pattern ONE = Pattern.compile("(?i)" + DURATION);

  private Durations() {}

  /** Days in a matched duration: a month is 30 days, a year (or 12, 24 ... months) 365. */
  static int days(Matcher m) {
    double n = Numbers.parse(m.group("n"));
    String unit = m.group("unit").toLowerCase(Locale.ROOT);
    double days = switch (unit.charAt(0)) {
      case 'd' -> n;
      case 'w' -> n * 7;
      case 'm' -> n % 12 == 0 ? n / 12 * 365 : n * 30;
      default -> n * 365;
    };
    return (int) Math.round(days);
  }

  /** Days in a text that is just a duration ("3 months"), or -1. */
  static int days(String text) {
    Matcher m = ONE.matcher(text.strip());
    return m.matches() ? days(m) : -1;
  }
}
