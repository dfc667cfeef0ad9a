package org.eligo.fhir;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result written as text that is a plain number, with or without a unit after it: "12.5 g/dL", "150 10*9/L",
 * "1.1". A comparator before the number makes it a bound ("&lt;0.2 mg/dL", "&gt;60 mL/min/1.73m2", "≤ 5"), and an
 * abnormal flag after it, as lab systems append one ("5.0 (H)", "150 K/uL L", "7.9 g/dL [LL]", "1.8 *"), is left
 * out: it says how the value compares with the normal range, not what the value is (DECISIONS 90). Anything else
 * (words, a decimal comma that may be a thousands separator, two numbers) is none.
 *
 * @param comparator the bound's UCUM-style code ({@code <}, {@code <=}, {@code >=}, {@code >}), or null for a value
 */
record NumberAsText(double value, String unit, String comparator) {
  private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(?:\\s*(\\S+))?");
  private static final Pattern COMPARATOR = Pattern.compile("^(<=|>=|=<|=>|<|>|≤|≥)\\s*");
  /** HL7 v2 abnormal flags (table 0078: H, L, HH, LL, A, AA) and the "*" some systems print, bracketed or after a space. */
  private static final Pattern FLAG = Pattern.compile("(?:\\s*[(\\[](?:HH|LL|AA|H|L|A|\\*)[)\\]]|\\s+(?:HH|LL|AA|H|L|A)|\\s*\\*)$");

  /** The number and unit {@code text} is, or empty when it is something else. */
  static Optional<NumberAsText> of(String text) {
    if (text == null) return Optional.empty();
    String rest = text.strip();
    String comparator = null;
    Matcher c = COMPARATOR.matcher(rest);
    if (c.find()) {
      comparator = switch (c.group(1)) {
        case "<=", "=<", "≤" -> "<=";
        case ">=", "=>", "≥" -> ">=";
        default -> c.group(1);
      };
      rest = rest.substring(c.end());
    }
    rest = FLAG.matcher(rest).replaceFirst("");
    Matcher m = NUMBER.matcher(rest);
    if (!m.matches()) return Optional.empty();
    String unit = m.group(2) == null ? "" : m.group(2);
    if (unit.chars().allMatch(Character::isDigit) && !unit.isEmpty()) return Optional.empty(); // "12 5"
    return Optional.of(new NumberAsText(Double.parseDouble(m.group(1)), unit, comparator));
  }
}
