package org.eligo.fhir;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result written as text that is a plain number, with or without a unit after it: "12.5 g/dL", "150 10*9/L",
 * "1.1". Anything else (a comparator, words, a decimal comma that may be a thousands separator, two numbers) is none.
 */
record NumberAsText(double value, String unit) {
  private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(?:\\s*(\\S+))?");

  /** The number and unit {@code text} is, or empty when it is something else. */
  static Optional<NumberAsText> of(String text) {
    if (text == null) return Optional.empty();
    Matcher m = NUMBER.matcher(text.strip());
    if (!m.matches()) return Optional.empty();
    String unit = m.group(2) == null ? "" : m.group(2);
    if (unit.chars().allMatch(Character::isDigit) && !unit.isEmpty()) return Optional.empty(); // "12 5"
    return Optional.of(new NumberAsText(Double.parseDouble(m.group(1)), unit));
  }
}
