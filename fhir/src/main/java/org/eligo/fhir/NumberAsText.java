package org.eligo.fhir;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result written as text that is a plain number, with or without a unit after it: "12.5 g/dL", "150 10*9/L",
 * "1.1". A comparator before the number makes it a bound ("&lt;0.2 mg/dL", "&gt;60 mL/min/1.73m2", "≤ 5"), and an
 * abnormal flag after it, as lab systems append one ("5.0 (H)", "150 K/uL L", "7.9 g/dL [LL]", "1.8 *"), or between
 * the number and its unit ("12.5 (L) g/dL"), is left out: it says how the value compares with the normal range, not
 * what the value is (DECISIONS 90, 93). So is a reference range printed after the value ("12.5 g/dL (ref 13.5-17.5)",
 * "12.5 g/dL [13.5 - 17.5]").
 *
 * <p>Digit grouping is read only where it cannot be misread (DECISIONS 93): spaces between groups of three ("150 000
 * /uL", the SI way), commas between groups of three with a second group or a decimal point after them ("1,250,000",
 * "1,250.5"), a decimal comma followed by other than three digits or after a lone 0 ("1,5", "12,75", "0,125"), a
 * decimal point after a dot-grouped number ("1.250,5"). One comma or one dot before exactly three digits ("150,000",
 * "1,500", "150.000 /µL") is a thousands separator in one country and a decimal mark in another, a factor of 1000
 * apart: it is {@link #ambiguous()}, never read; so is a last group of "10" and a digit glued to the unit ("2 109/L",
 * a superscript lost). Anything else (words, two numbers) is none.
 *
 * @param comparator the bound's UCUM-style code ({@code <}, {@code <=}, {@code >=}, {@code >}), or null for a value
 * @param ambiguity why the number may be read two ways ("1,500", "2 109/L"), in words, or null: {@code value} is
 *     then NaN
 */
record NumberAsText(double value, String unit, String comparator, String ambiguity) {
  /** Whether the number may be read two ways: {@code value} is then NaN, and {@link #ambiguity()} says how. */
  boolean ambiguous() {
    return ambiguity != null;
  }

  /** A number: digits with spaces, commas or dots that group them or mark the decimals (read by {@link #number}). */
  private static final Pattern NUMBER = Pattern.compile(
      "([0-9]+(?:[ \\u00A0\\u2009\\u202F][0-9]{3}(?![0-9]))*(?:[.,][0-9]+)*)(?:\\s*(\\S+))?");
  /**
   * A number grouped by spaces whose last group is a power of ten ("2 109", "1 103"): glued to the unit after it, the
   * group may be the unit's 10⁹ or 10³ written without its superscript ("2 109/L" is 2 × 10⁹/L; "1 103/mm3" is 1 ×
   * 10³/mm³ or 1 103 per mm³), so it is {@link #ambiguous()} (DECISIONS 93 review).
   */
  private static final Pattern POWER_GROUP = Pattern.compile(".*[ \\u00A0\\u2009\\u202F]10[0-9]");
  private static final Pattern COMPARATOR = Pattern.compile("^(<=|>=|=<|=>|<|>|≤|≥)\\s*");
  /** HL7 v2 abnormal flags (table 0078: H, L, HH, LL, A, AA) and the "*" some systems print, bracketed or after a space. */
  private static final Pattern FLAG = Pattern.compile("(?:\\s*[(\\[](?:HH|LL|AA|H|L|A|\\*)[)\\]]|\\s+(?:HH|LL|AA|H|L|A)|\\s*\\*)$");
  /** A bracketed flag between the number and its unit: "12.5 (L) g/dL", "150 [H] K/uL". */
  private static final Pattern INNER_FLAG = Pattern.compile(
      "^([0-9][0-9 .,\\u00A0\\u2009\\u202F]*?)\\s*[(\\[](?:HH|LL|AA|H|L|A|\\*)[)\\]]\\s*(\\S+)$");
  /**
   * A reference range printed after the value: "(ref 13.5-17.5)", "(Ref: 150 - 400)", "[normal 0.2-1.2]",
   * "(13.5-17.5)", "(13.5-17.5 g/dL)", "(80-100 fL)", "(reference range: <5)". Two numbers followed by a word are a
   * comment, not a range ("(2-3 clumps)": a count that clumped platelets make falsely low; DECISIONS 93 review).
   */
  private static final Pattern REFERENCE = Pattern.compile("\\s*[(\\[]\\s*(?:(?:ref(?:erence)?\\.?(?:\\s+(?:range|interval|"
      + "values?))?|normal(?:\\s+(?:range|values?))?|range|RR|N)\\s*[:=]?\\s*[<>≤≥]?\\s*[0-9][^()\\[\\]]*"
      + "|[<>≤≥]?\\s*[0-9][0-9.,]*\\s*(?:-|–|to)\\s*[0-9][0-9.,]*(?:\\s*(?=[^\\s)\\]]*[/%*^0-9])[^\\s)\\]]+"
      + "|\\s+[a-z]{1,3})?)[)\\]]$", Pattern.CASE_INSENSITIVE);

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
    // a flag and a reference range after the value, in either order
    for (String before = null; !rest.equals(before); ) {
      before = rest;
      rest = REFERENCE.matcher(rest).replaceFirst("");
      rest = FLAG.matcher(rest).replaceFirst("");
    }
    Matcher inner = INNER_FLAG.matcher(rest);
    if (inner.matches()) rest = inner.group(1).strip() + " " + inner.group(2);
    Matcher m = NUMBER.matcher(rest);
    if (!m.matches()) return Optional.empty();
    String unit = m.group(2) == null ? "" : m.group(2);
    if (unit.chars().allMatch(Character::isDigit) && !unit.isEmpty()) return Optional.empty(); // "12 5"
    if (!unit.isEmpty() && m.start(2) == m.end(1) && POWER_GROUP.matcher(m.group(1)).matches()) {
      return Optional.of(new NumberAsText(Double.NaN, unit, comparator, "its last group of digits is glued to the "
          + "unit and may be the unit's power of ten written without its superscript ('2 109/L' for 2 x 10^9/L)"));
    }
    Double value = number(m.group(1));
    if (value == null) return Optional.empty();
    if (value.isNaN()) {
      return Optional.of(new NumberAsText(Double.NaN, unit, comparator, "has one comma or dot before three digits, "
          + "which may separate thousands or mark decimals"));
    }
    return Optional.of(new NumberAsText(value, unit, comparator, null));
  }

  /**
   * The value of a number as written, NaN when it may be read two ways ("1,500", "150.000"), null when it is no
   * number ("1,5,0", "1.2.3").
   */
  static Double number(String written) {
    String s = written.replaceAll("[ \\u00A0\\u2009\\u202F]", "");
    boolean spaced = s.length() != written.length(); // "150 000": grouped by spaces, so a comma or dot marks decimals
    int commas = count(s, ','), dots = count(s, '.');
    if (commas == 0 && dots == 0) return Double.parseDouble(s);
    if (commas > 0 && dots > 0) {
      // both: the last one marks the decimals, the other groups thousands ("1,250.5", "1.250,5")
      char decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
      char group = decimal == ',' ? '.' : ',';
      if (count(s, decimal) != 1 || spaced) return null;
      String whole = s.substring(0, s.indexOf(decimal));
      if (!whole.matches("[0-9]{1,3}(?:\\" + group + "[0-9]{3})+")) return null;
      return Double.parseDouble(whole.replace(String.valueOf(group), "") + "." + s.substring(s.indexOf(decimal) + 1));
    }
    char mark = commas > 0 ? ',' : '.';
    int marks = Math.max(commas, dots);
    if (marks > 1) {
      // "1,250,000", "1.250.000": groups of three only
      if (spaced || !s.matches("[0-9]{1,3}(?:\\" + mark + "[0-9]{3})+")) return null;
      return Double.parseDouble(s.replace(String.valueOf(mark), ""));
    }
    String whole = s.substring(0, s.indexOf(mark));
    String fraction = s.substring(s.indexOf(mark) + 1);
    boolean decimal = fraction.length() != 3 || whole.equals("0") || whole.length() > 3 || spaced;
    if (!decimal) return Double.NaN; // "1,500", "150.000": a decimal mark or a thousands separator
    return Double.parseDouble(whole + "." + fraction);
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
