package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.Comparator;

/**
 * Reads a threshold written after a measure's name: a comparator in symbols or words ("≥", "\<", "greater than or
 * equal to", "at least", "not exceeding", "less that"), a number, and a unit or a multiple of the upper limit of
 * normal; or the number first ("3 or greater", "1.5 times or more than the normal range").
 */
final class Thresholds {
  /** A threshold found: where it ends, the comparator, the number, the unit as written (null if none), × ULN. */
  record Threshold(int end, Comparator comparator, double value, String unit, boolean uln) {}

  static final String CMP = "(?<cmp>≥|≤|>|<|greater than or equal to|greater than or equal|more than or equal to"
      + "|equal to or (?:greater|more) than|not less than|no less than|of at least|at least|a minimum of"
      + "|less than or equal to|equal to or less than|not more than|no more than|not (?:to )?exceed(?:ing)?"
      + "|not greater than|at most|up to|a maximum of|greater than(?: to)?|more than|higher than|above|over"
      + "|exceed(?:s|ing)?|in excess of|less th(?:an|en|at)|lower than|below|under|fewer than)";

  static final String UNIT = "(?<unit>[x×*]\\s*10\\s*\\^?\\s*\\d{1,2}\\s*/\\s*(?:l|ul|mm3|mcl)\\b"
      + "|10\\s*\\^\\s*\\d{1,2}\\s*/\\s*(?:l|ul)\\b|(?:cells\\s*)?/\\s*(?:ul|mcl|mm3|mm\\(3\\)|mm³|cumm|cmm|mm)(?![a-z])"
      + "|k\\s*/\\s*ul\\b|gm?\\s*/\\s*dl\\b|gm?\\s*/\\s*l\\b|mg\\s*/\\s*dl\\b|mg\\s*/\\s*l\\b|umol\\s*/\\s*l\\b"
      + "|mmol\\s*/\\s*l\\b|ng\\s*/\\s*ml\\b|i?u\\s*/\\s*l\\b|%|percent\\b|kg\\s*/\\s*m\\s*(?:2|²|\\^\\s*2)(?![0-9])"
      + "|kg\\b|kilograms?\\b|lbs?\\b"
      + "|(?:ml|cc)\\s*/\\s*min(?:ute)?\\b(?:\\s*(?:/|per)\\s*1[.,]73\\s*(?:m\\s*(?:2|²|\\^\\s*2)(?![0-9])"
      + "|square\\s+met(?:er|re)s?\\b|sq\\.?\\s*m\\b))?"
      + "|ms\\b|msecs?\\b|milliseconds?\\b|secs?\\b|seconds?\\b"
      + "|meq\\s*/\\s*l\\b|(?:ug|mcg)\\s*/\\s*(?:dl|ml)\\b|pg\\s*/\\s*ml\\b|[pn]mol\\s*/\\s*l\\b|fl\\b"
      + "|[mu]?iu\\s*/\\s*m?l\\b|[mu]u\\s*/\\s*m?l\\b|mm\\s*\\[?\\s*hg\\s*\\]?(?![a-z])"
      + "|millimet(?:er|re)s?\\s+of\\s+mercury\\b)";

  static final String ULN = "(?:\\s*(?:[x×*]|times|-?fold)?\\s*(?:of\\s+)?(?:the\\s+)?(?:upper\\s+limits?\\s+of\\s+(?:the\\s+)?"
      + "normal(?:\\s+(?:range|values?|threshold|limit))?(?:\\s+threshold\\s+criteria|\\s+criteria)?|uln\\b"
      + "|upper\\s+(?:normal\\s+)?limit(?:\\s+of\\s+normal)?|normal\\s+(?:range|values?)(?:\\s+upper\\s+limit)?))";

  private static final Pattern PREFIX = Pattern.compile(
      CMP + "\\s*(?<num>" + Numbers.NUMBER + ")\\s*(?:(?<uln>" + ULN + ")|" + UNIT + ")?");
  private static final Pattern POSTFIX = Pattern.compile(
      "(?<num>" + Numbers.NUMBER + ")\\s*" + UNIT.replace("<unit>", "<unit2>") + "?\\s*(?<times>[x×*]|times|-?fold)?"
          + "\\s*or\\s+(?<post>more|greater|higher|above|over|less|lower|below|fewer|worse|better)(?:\\s+than)?"
          + "(?<uln>" + ULN + ")?");

  private static final Pattern RANGE = Pattern.compile("(?:(?<between>between|from)\\s+)?(?<lo>" + Numbers.NUMBER
      + ")\\s*" + UNIT.replace("<unit>", "<unit1>") + "?\\s*(?<join>-|–|to|and)\\s*(?<hi>" + Numbers.NUMBER + ")\\s*"
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
    double low = Numbers.parse(r.group("lo"));
    double high = Numbers.parse(r.group("hi"));
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

  /** A threshold starting exactly at {@code from} in {@code lower}, or null. */
  static Threshold at(String lower, int from) {
    Matcher post = POSTFIX.matcher(lower).region(from, lower.length());
    if (post.lookingAt()) {
      String w = post.group("post");
      Comparator c = switch (w) {
        case "more", "greater", "higher", "above", "over", "worse" -> Comparator.GE;
        default -> Comparator.LE;
      };
      boolean uln = post.group("uln") != null;
      if (post.group("times") != null && !uln) return null;
      return new Threshold(post.end(), c, Numbers.parse(post.group("num")), post.group("unit2"), uln);
    }
    Matcher pre = PREFIX.matcher(lower).region(from, lower.length());
    if (!pre.lookingAt()) return null;
    return new Threshold(pre.end(), comparator(pre.group("cmp")), Numbers.parse(pre.group("num")),
        pre.group("unit"), pre.group("uln") != null);
  }

  static Comparator comparator(String words) {
    String w = words.strip();
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
