package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.Comparator;

/**
 * Reads a threshold written after a measure's name: a comparator in symbols or words ("≥", "\<", "greater than or
 * equal to", "at least", "not exceeding", "less that"), a number, and a unit or a multiple of the upper limit of
 * normal; or the number first ("3 or greater", "1.5 times or more than the normal range"). In a count per microlitre
 * a dot or a space groups thousands ("30.000/µL", "1 000/mm3"), and a fraction ("1.5/mm3") is no limit at all.
 */
final class Thresholds {
  /** A threshold found: where it ends, the comparator, the number, the unit as written (null if none), × ULN. */
  record Threshold(int end, Comparator comparator, double value, String unit, boolean uln, boolean lln) {
    Threshold(int end, Comparator comparator, double value, String unit, boolean uln) {
      this(end, comparator, value, unit, uln, false);
    }
  }


  static final String CMP = "(?<cmp>[>≥]\\s*(?:or\\s*|/\\s*)?=|[<≤]\\s*(?:or\\s*|/\\s*)?=|(?:greater|more|higher) than\\s*/\\s*equal(?: to)?"
      + "|(?:less|lower|smaller) than\\s*/\\s*equal(?: to)?|no[t]? (?:below|lower than|under|smaller than)"
      + "|no[t]? (?:above|higher than|over)|(?:at |a )?minimum(?: of)?|(?:at |a )?maximum(?: of)?|≥|≤|>|<|greater than or equal to|greater than or equal|more than or equal to"
      + "|(?:greater|more|higher) or equal (?:to|than)|equal (?:to )?or (?:greater|more|higher) than|equal (?:to )?or above"
      + "|at or above|(?:less|lower|smaller) or equal (?:to|than)|equal (?:to )?or (?:less|lower|smaller) than"
      + "|equal (?:to )?or below|at or below|smaller than"
      + "|equal to or (?:greater|more) than|not less than|no less than|of at least|at least|a minimum of"
      + "|less than or equal to|equal to or less than|not more than|no more than|not (?:to )?exceed(?:ing)?"
      + "|not greater than|at most|up to|a maximum of|greater than(?: to)?|more than|higher than|above|over"
      + "|exceed(?:s|ing)?|in excess of|less th(?:an|en|at)|lower than|below|under|fewer than)";

  static final String UNIT = "(?<unit>[x×*]\\s*10\\s*(?:\\^|\\*|e|exp|\\((?=\\s*\\d{1,2}\\s*\\)))?\\s*\\d{1,2}\\s*\\)?\\s*"
      + "(?:cells\\s*)?/\\s*(?:l|ul|mm3|mm\\s*\\^\\s*3|mcl|lit(?:er|re))\\b"
      + "|10\\s*\\^\\s*\\d{1,2}\\s*/\\s*(?:l|ul)\\b"
      + "|(?:cells\\s*)?/\\s*(?:ul|mcl|mm3|mm\\(3\\)|mm³|mm\\s*\\^\\s*3|cumm|cmm|mm|nl)(?![a-z])"
      + "|k\\s*/\\s*ul\\b|g(?:rams?|[mr])?\\s*/\\s*(?:dl|100\\s*ml)\\b|gm?\\s*/\\s*l\\b|t\\s*/\\s*l\\b|mg\\s*/\\s*(?:dl|100\\s*ml)\\b"
      + "|mg\\s*/\\s*l\\b|(?:u|micro)mol\\s*/\\s*l\\b"
      + "|mmol\\s*/\\s*l\\b|ng\\s*/\\s*ml\\b|i?u\\s*/\\s*l\\b|%|percent\\b|kg\\s*/\\s*m\\s*(?:2|²|\\^\\s*2)(?![0-9])"
      + "|kg\\b|kilograms?\\b|lbs?\\b"
      + "|(?:ml|cc)\\s*/\\s*min(?:ute)?\\b(?:\\s*(?:/|per)\\s*1[.,]73\\s*(?:m\\s*(?:2|²|\\^\\s*2)(?![0-9])"
      + "|square\\s+met(?:er|re)s?\\b|sq\\.?\\s*m\\b))?"
      + "|ml\\s*/\\s*s(?:ec)?\\b(?:\\s*(?:/|per)\\s*1[.,]73\\s*(?:m\\s*(?:2|²|\\^\\s*2)(?![0-9])|square\\s+met(?:er|re)s?\\b"
      + "|sq\\.?\\s*m\\b))?"
      + "|ms\\b|msecs?\\b|milliseconds?\\b|secs?\\b|seconds?\\b|s\\b"
      + "|meq\\s*/\\s*l\\b|(?:ug|mcg)\\s*/\\s*(?:dl|ml|l)\\b|cm\\b|pg\\s*/\\s*ml\\b|[pn]mol\\s*/\\s*l\\b|fl\\b"
      + "|[mu]?iu\\s*/\\s*m?l\\b|[mu]u\\s*/\\s*m?l\\b|mm\\s*\\[?\\s*hg\\s*\\]?(?![a-z])"
      + "|millimet(?:er|re)s?\\s+of\\s+mercury\\b)";

  /**
   * The upper limit of normal named again in parentheses: "1.5 × upper limit of normal (ULN)", "× ULN (upper limit of
   * normal)", "(iULN)". Left over, the parenthesis was an unread part of the limit, and every result was asked.
   */
  private static final String ULN_ALIAS = "(?:\\s*[(\\[]\\s*(?:i|inst\\.?\\s*)?(?:uln|unl)\\s*[)\\]](?!\\s*(?:range|value))"
      // "× ULN (institutional)", "× ULN (ULN = upper limit of normal)"
      + "|\\s*\\(\\s*(?:institutional|uln\\s*[=:]\\s*upper\\s+limit\\s+of\\s+(?:the\\s+)?normal(?:\\s+range)?)\\s*\\)"
      + "|\\s*\\(\\s*(?:the\\s+)?(?:institutional\\s+)?upper\\s+limit\\s+of\\s+(?:the\\s+)?normal(?:\\s+range)?\\s*\\))?";

  /**
   * "≤ 1.5 × ULN for age", "≤ 3 × the upper limit of normal for age and sex": the upper limit of normal for the patient's
   * age, which is the one the laboratory reports beside a child's result (paediatric reference ranges are by age), so
   * the limit is read as any multiple of the ULN is. Left unread, "age" stood beside it and every child was asked.
   */
  private static final String FOR_AGE = "(?:\\s*,?\\s+(?:adjusted\\s+)?for\\s+(?:the\\s+)?(?:patient'?s?\\s+|subject'?s?\\s+)?age"
      + "(?:\\s+and\\s+(?:sex|gender))?\\b"
      // not an age group ("≤ 1.5 × ULN for age ≥ 12 years, ≤ 1.0 mg/dL for age < 12 years"): AgeScope's (§50)
      + "(?!\\s*(?:[<>≤≥=]|\\d|(?:of\\s+)?(?:at\\s+least|over|under|above|below|greater|less|more|older|younger"
      + "|between|from|up\\s+to)\\b)))?";

  static final String ULN = "(?:\\s*(?:[x×*]|times|-?fold)?\\s*(?:of\\s+)?(?:the\\s+)?" + "(?:(?:institutional|institution'?s"
      + "|local|site'?s?|laboratory'?s?|lab'?s?)\\s+)?" + "(?:upper\\s+limits?\\s+of\\s+(?:the\\s+)?"
      + "normal(?:\\s+(?:range|values?|threshold|limit))?(?:\\s+threshold\\s+criteria|\\s+criteria)?|uln\\b"
      + "|upper\\s+(?:normal\\s+)?limit(?:\\s+of\\s+normal)?|normal\\s+upper\\s+limit\\b|upper\\s+normal\\s+values?\\b"
      + "|normal\\s+(?:range|values?)(?:\\s+upper\\s+limit)?)" + ULN_ALIAS + FOR_AGE + ")";
  /**
   * The upper limit of normal itself, with no multiple: "≤ ULN", "≤ the institutional upper limit of normal"; read as
   * 1 × ULN.
   */
  private static final Pattern AT_ULN = Pattern.compile(CMP + "\\s*(?:the\\s+)?(?:(?:institutional|local|site'?s?"
      + "|laboratory'?s?)\\s+)?(?:uln\\b|upper\\s+limits?\\s+of\\s+(?:the\\s+)?normal(?:\\s+range)?\\b"
      + "|upper\\s+normal\\s+limit\\b|normal\\s+upper\\s+limit\\b)" + ULN_ALIAS + FOR_AGE);
  /** The lower limit of normal: "LLN", "the (institutional) lower limit of normal", "(LLN)" after it. */
  private static final String LLN_NAME = "(?:the\\s+)?(?:(?:institutional|local|site'?s?|laboratory'?s?)\\s+)?"
      + "(?:lln\\b|lower\\s+limits?\\s+of\\s+(?:the\\s+)?normal(?:\\s+range)?\\b|lower\\s+normal\\s+limit\\b)"
      + "(?:\\s*[(\\[]\\s*lln\\s*[)\\]])?";
  /**
   * A limit relative to the lower limit of normal (§86): "&lt; LLN", "below the lower limit of normal", "&lt; 0.5 × LLN";
   * decided by the result's own lower reference limit, never a guessed one. Not "for age" (not read).
   */
  private static final Pattern AT_LLN = Pattern.compile(CMP + "\\s*(?:(?<num>" + Numbers.NUMBER + ")\\s*(?:[x×*]|times)?"
      + "\\s*(?:of\\s+)?)?" + LLN_NAME + "(?!\\s*for\\s+age)");

  /**
   * A decimal comma, as European sponsors write limits: "INR ≤ 1,5", "BMI > 30,5 kg/m²", "Hb ≥ 9,0 g/dL". One or two
   * digits after the comma and no digit or further ",digit" after them: "1,500" and "100,000" stay thousands, and
   * "0,1,2" is a list. Read as a whole number with the decimals left over, "INR ≤ 1,5" was INR ≤ 1 (a patient at
   * 1.2 failed it) and "INR > 1,5" excluded him.
   */
  static final String DECIMAL_COMMA = "\\d{1,4},\\d{1,2}(?!\\d)(?!\\s?,\\s?\\d)";
  private static final Pattern DECIMAL_COMMA_NUMBER = Pattern.compile(DECIMAL_COMMA);
  /** A count per microlitre with a space between thousands: "50 000/µL" (with a dot, "50.000", it reads as a number). */
  private static final String SPACED_COUNT = "\\d{1,3}(?: \\d{3})+(?=\\s*(?:cells\\s*)?/\\s*(?:ul|mcl|mm|cumm|cmm))|";
  /** A count per microlitre as written: per microlitre or cubic millimetre, with no power of ten before it. */
  private static final Pattern PER_MICROLITRE = Pattern.compile("(?:cells\\s*)?/\\s*(?:ul|mcl|mm|cumm|cmm).*");
  /** Thousands grouped by dots or spaces: "50.000", "1.500", "100 000". */
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[. ]\\d{3})+");

  private static final Pattern PREFIX = Pattern.compile(
      CMP + "\\s*(?<num>" + SPACED_COUNT + DECIMAL_COMMA + "|" + Numbers.NUMBER + ")\\s*(?:(?<uln>" + ULN + ")|" + UNIT + ")?");
  private static final Pattern POSTFIX = Pattern.compile(
      "(?<num>" + SPACED_COUNT + DECIMAL_COMMA + "|" + Numbers.NUMBER + ")\\s*" + UNIT.replace("<unit>", "<unit2>") + "?\\s*(?<times>[x×*]|times|-?fold)?"
          + "\\s*or\\s+(?<post>more|greater|higher|above|over|less|lower|below|fewer|worse|better)(?:\\s+than)?"
          + "(?<uln>" + ULN + ")?");

  private static final Pattern RANGE = Pattern.compile("(?:(?<between>between|from)\\s+)?(?<lo>" + DECIMAL_COMMA + "|" + Numbers.NUMBER
      + ")\\s*" + UNIT.replace("<unit>", "<unit1>") + "?\\s*(?<join>-|–|to|and)\\s*(?<hi>" + DECIMAL_COMMA + "|" + Numbers.NUMBER + ")\\s*"
      + UNIT + "?(?![\\d.])");

  /** A range written after a measure's name: "between 18.5 and 35 kg/m2", "8-10 g/dL", "from 20 to 100 × 10^9/L". */
  record Range(int end, double low, double high, String unit) {}

  private Thresholds() {}

  /**
   * A range starting exactly at {@code from} in {@code lower}, or null. "and" needs "between" before it; a unit after
   * the first number must be the one after the second.
   */
  static Range range(String lower, int from) {
    Matcher r = RANGE.matcher(lower).region(from, lower.length());
    if (!r.lookingAt()) return null;
    if (r.group("join").equals("and") && r.group("between") == null) return null;
    String unit = r.group("unit");
    String first = r.group("unit1");
    if (first != null && (unit == null || !first.replaceAll("\\s+", "").equals(unit.replaceAll("\\s+", "")))) return null;
    double low = value(r.group("lo"), unit);
    double high = value(r.group("hi"), unit);
    if (!(low < high)) return null;
    return new Range(r.end(), low, high, unit);
  }

  /**
   * A second limit on the other side of the first, for the same measure: "< 3.0 or > 5.5 mEq/L" (out of range, joined
   * by "or") or "≥ 3.5 and ≤ 5.0 mmol/L" (in range, joined by "and").
   *
   * @param first the limit as written first, with the unit written after the second when it had none of its own
   * @param second the limit after the connective
   * @param or true for "or" (either limit), false for "and" (both)
   */
  record TwoSided(Threshold first, Threshold second, boolean or) {}

  private static final Pattern SECOND_SIDE = Pattern.compile("\\s*,?\\s*(?<join>and/or|or|and)\\s+");

  /**
   * The limit on the other side that follows {@code first} after "or" or "and", or null. Both must be × ULN or both
   * absolute; the first takes the unit written after the second when it has none ("< 3.0 or > 5.5 mEq/L": one unit
   * for both). A second limit without a unit keeps none: only a measure whose data name the unit of a bare number
   * reads it ("BMI < 18.5 kg/m2 or > 35"; "creatinine ≤ 1.5 mg/dL or ≥ 60" is often a clearance and stays unread).
   * The caller checks the order once both are in one unit: outside the two limits for "or", between them for "and".
   */
  static TwoSided otherSide(String lower, Threshold first) {
    Matcher join = SECOND_SIDE.matcher(lower).region(first.end(), lower.length());
    if (!join.lookingAt()) return null;
    Threshold second = at(lower, join.end());
    if (second == null || second.uln() != first.uln() || first.comparator() == Comparator.EQ
        || second.comparator() == Comparator.EQ || below(first.comparator()) == below(second.comparator())) {
      return null;
    }
    Threshold head = first.unit() == null && !first.uln() ? new Threshold(first.end(), first.comparator(), first.value(),
        second.unit(), false) : first;
    return new TwoSided(head, second, !join.group("join").equals("and"));
  }

  /** Whether the comparator bounds a value from above ("< 3.0", "≤ 1.5"). */
  static boolean below(Comparator c) {
    return c == Comparator.LT || c == Comparator.LE;
  }

  /**
   * "Within normal institutional limits", "within the normal range", "within normal limits" (at most the ULN) and "above
   * institutional normal", "above the upper limit of normal" (over it), with no number: the limit of normal itself.
   * Only for a measure whose low values no trial excludes on ({@link MeasurementRecogniser}): "within normal limits" also
   * bounds from below, which a result compared with the ULN alone does not check.
   */
  private static final Pattern NORMAL_LIMIT = Pattern.compile("(?:(?:is|are|must\\s+be|should\\s+be)\\s+)?"
      + "(?:(?<within>within|≤)|(?<above>above|greater\\s+than|higher\\s+than|exceeding|over|>))\\s+(?:the\\s+)?"
      + "(?:(?:normal|upper)\\s+)?(?:(?:institutional|institution'?s|laboratory|lab|local|site)\\s+)?"
      + "(?:normal|upper\\s+limit(?:s)?\\s+of\\s+normal|upper\\s+normal\\s+limit|uln)(?:\\s+(?:limits?|range|values?))?"
      + "(?:\\s+of\\s+normal)?" + FOR_AGE + "(?![\\w-])(?!\\s*[x×*]|\\s*\\d)");
  private static final String WHOSE = "(?:institutional|institution'?s|laboratory|lab|local|site)\\s+";
  // "normal" or whose limits must be written: "within the range of 0.5 to 1.5 mg/dL" is a range, not these limits
  private static final Pattern WITHIN_LIMITS = Pattern.compile("(?:(?:is|are|must\\s+be|should\\s+be)\\s+)?within\\s+"
      + "(?:the\\s+)?(?:(?:" + WHOSE + ")?normal\\s+(?:" + WHOSE + ")?|" + WHOSE + ")(?:limits|range|values)"
      // "for age" (§46): the limits the laboratory reports beside a child's result are those for the child's age (§63)
      + "(?:\\s+of\\s+normal)?" + FOR_AGE + "(?![\\w-])(?!\\s*(?:of|from|:|\\()?\\s*\\d)");

  /** The limit of normal written without a number at {@code from}, or null ({@link #NORMAL_LIMIT}). */
  static Threshold normalLimit(String lower, int from) {
    Matcher w = WITHIN_LIMITS.matcher(lower).region(from, lower.length());
    if (w.lookingAt()) return new Threshold(w.end(), Comparator.LE, 1, null, true);
    Matcher m = NORMAL_LIMIT.matcher(lower).region(from, lower.length());
    if (!m.lookingAt()) return null;
    return new Threshold(m.end(), m.group("within") != null ? Comparator.LE : Comparator.GT, 1, null, true);
  }

  /** A threshold starting exactly at {@code from} in {@code lower}, or null. */
  static Threshold at(String lower, int from) {
    Matcher lln = AT_LLN.matcher(lower).region(from, lower.length());
    if (lln.lookingAt()) {
      double value = lln.group("num") == null ? 1 : Numbers.parse(lln.group("num"));
      return Double.isNaN(value) ? null : new Threshold(lln.end(), comparator(lln.group("cmp")), value, null, false, true);
    }
    Matcher post = POSTFIX.matcher(lower).region(from, lower.length());
    if (post.lookingAt()) {
      String w = post.group("post");
      Comparator c = switch (w) {
        case "more", "greater", "higher", "above", "over", "worse" -> Comparator.GE;
        default -> Comparator.LE;
      };
      boolean uln = post.group("uln") != null;
      if (post.group("times") != null && !uln) return null;
      double value = value(post.group("num"), post.group("unit2"));
      if (Double.isNaN(value)) return null;
      return new Threshold(post.end(), c, value, post.group("unit2"), uln);
    }
    Matcher pre = PREFIX.matcher(lower).region(from, lower.length());
    if (!pre.lookingAt()) {
      Matcher uln = AT_ULN.matcher(lower).region(from, lower.length());
      return uln.lookingAt() ? new Threshold(uln.end(), comparator(uln.group("cmp")), 1, null, true) : null;
    }
    double value = value(pre.group("num"), pre.group("uln") != null ? null : pre.group("unit"));
    if (Double.isNaN(value)) return null;
    return new Threshold(pre.end(), comparator(pre.group("cmp")), value, pre.group("unit"), pre.group("uln") != null);
  }

  /**
   * The number written before {@code unit}. A count per microlitre is a whole number of cells, so there dots and
   * spaces group thousands ("50.000/µL" is 50,000/µL, as European registries write it); a fraction of a cell per
   * microlitre ("1.5/mm3", a power of ten lost) is no count anyone sets a limit on and gives NaN: the limit stays
   * unread rather than read a thousand times too low.
   */
  static double value(String number, String unit) {
    boolean decimalComma = DECIMAL_COMMA_NUMBER.matcher(number).matches();
    if (unit == null || !PER_MICROLITRE.matcher(unit).matches()) {
      return decimalComma ? Double.parseDouble(number.replace(',', '.')) : Numbers.parse(number);
    }
    // "30,00/µL": no count is written with decimals; a thousands separator short of a digit, never 30 cells
    if (decimalComma) return Double.NaN;
    if (GROUPED.matcher(number).matches()) return Double.parseDouble(number.replaceAll("[. ]", ""));
    double v = Numbers.parse(number);
    return v == Math.rint(v) ? v : Double.NaN;
  }

  static Comparator comparator(String words) {
    String w = words.strip();
    if (w.matches("[>≥]\\s*(?:or\\s*|/\\s*)?=|(?:greater|more|higher) than\\s*/\\s*equal.*"
        + "|no[t]? (?:below|lower than|under|smaller than)|(?:at |a )?minimum(?: of)?")) {
      return Comparator.GE;
    }
    if (w.matches("[<≤]\\s*(?:or\\s*|/\\s*)?=|(?:less|lower|smaller) than\\s*/\\s*equal.*"
        + "|no[t]? (?:above|higher than|over)|(?:at |a )?maximum(?: of)?")) {
      return Comparator.LE;
    }
    if (w.matches("(?:greater|more|higher) or equal.*|equal (?:to )?or (?:greater|more|higher|above).*|at or above")) {
      return Comparator.GE;
    }
    if (w.matches("(?:less|lower|smaller) or equal.*|equal (?:to )?or (?:less|lower|smaller|below).*|at or below")) {
      return Comparator.LE;
    }
    if (w.equals("≥") || w.startsWith("greater than or equal") || w.startsWith("more than or equal")
        || w.startsWith("equal to or greater") || w.startsWith("equal to or more") || w.equals("not less than")
        || w.equals("no less than") || w.endsWith("at least") || w.equals("a minimum of")) {
      return Comparator.GE;
    }
    if (w.equals("≤") || w.startsWith("less than or equal") || w.startsWith("equal to or less")
        || w.equals("not more than") || w.equals("no more than") || w.startsWith("not exceed")
        || w.startsWith("not to exceed") || w.equals("not greater than") || w.equals("at most") || w.equals("up to")
        || w.equals("a maximum of")) {
      return Comparator.LE;
    }
    if (w.equals(">") || w.startsWith("greater than") || w.equals("more than") || w.equals("higher than")
        || w.equals("above") || w.equals("over") || w.startsWith("exceed") || w.equals("in excess of")) {
      return Comparator.GT;
    }
    return Comparator.LT;
  }
}
