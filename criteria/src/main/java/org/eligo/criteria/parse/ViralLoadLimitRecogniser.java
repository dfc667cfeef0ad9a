package org.eligo.criteria.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.ViralLoadRule;

/**
 * A viral-load limit: "HBV DNA &lt; 20 IU/mL", "HIV-1 RNA ≥ 200 copies/mL", "HBV DNA level of more than 2,000 IU/mL",
 * "HIV viral load &lt; 50 copies/mL", "HBV DNA ≥ 10^4 copies/mL", and a definition in parentheses after a result word
 * ("undetectable HCV RNA (&lt; 15 IU/mL)", "detectable HBV DNA (&gt; 20 IU/mL)": the trial's limit is what the word
 * means). Each is a {@link ViralLoadRule} in IU/mL or copies/mL as written; log10 values ("3.3 log10 IU/mL") and other
 * units are not read, so the sentence stays a question.
 *
 * <p>A limit only a found virus can pass ("&gt; 2000 IU/mL") is the infection with the load
 * ({@code allOf(condition, viralLoad)}), as "detectable HBV DNA" is ({@link InfectionTestRecogniser}): a record that
 * lists no hepatitis B is not asked for its HBV DNA. A limit from below ("&lt; 20 IU/mL") is the load alone.
 */
final class ViralLoadLimitRecogniser implements Recogniser {
  private static final Keywords HINT = Keywords.of("dna", "rna", "viral load", "pcr");

  /*
   * "10E4" is not read: in scientific notation it is 10 x 10^4, but registries write it for 10^4 as often, and read
   * as 10^4 an exclusion "HBV DNA >= 10E4 copies/mL" meant as 10^5 would exclude a patient at 50,000 copies/mL.
   */

  /** Thousands grouped by dots, as European registries write them: "2.000", "1.000.000". */
  private static final Pattern DOT_GROUPED = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
  private static final String NUMBER = "(?<num>\\d{1,3}(?:\\.\\d{3}){2,}|" + Numbers.NUMBER
      + ")?\\s*(?:(?<times>[x×*]\\s*)?10\\s*(?:\\^|\\*\\*)\\s*(?<exp>\\d{1,2})"
      + "|(?<sup>10[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))?";
  private static final String UNIT = "(?<iu>(?:iu|international\\s+units?)\\s*(?:/|per)\\s*ml)"
      + "|(?<copies>(?:copies|copy|cps?)\\s*(?:/|per)\\s*ml)";
  /** The test, words that may follow its name, the comparator, the number and the unit. */
  private static final Pattern LIMIT = Pattern.compile("(?<![a-z0-9-])(?:" + InfectionTestRecogniser.LOAD_NAMES + ")"
      + "(?:\\s+(?:levels?|titers?|titres?|loads?|concentrations?|quantification|quantitative|count))?"
      + "(?:\\s*(?:\\(\\s*(?:viral\\s+load|quantitative)\\s*\\)))?"
      + "(?:\\s*:|\\s+(?:of|is|was|must\\s+be|should\\s+be|to\\s+be|remains?|≥|≤))*\\s*"
      + "(?<limit>" + Thresholds.CMP + "\\s*" + NUMBER + "\\s*(?:" + UNIT + "))(?![a-z])");
  /** A result word, the test, and its limit in parentheses: "undetectable HCV RNA (< 15 IU/mL)". */
  private static final Pattern DEFINED = Pattern.compile("(?<![a-z])(?:(?<wordbefore>(?:un|non-?\\s?)?detectable"
      + "|positive|negative|not\\s+detect(?:ed|able))\\s+(?:" + InfectionTestRecogniser.LOAD_NAMES.replace("<hbvdna>",
      "<hbvdna2>").replace("<hcvrna>", "<hcvrna2>").replace("<hivrna>", "<hivrna2>") + ")"
      + "|(?:" + InfectionTestRecogniser.LOAD_NAMES.replace("<hbvdna>", "<hbvdna3>").replace("<hcvrna>", "<hcvrna3>")
      .replace("<hivrna>", "<hivrna3>") + ")\\s+(?:(?:is|was|must\\s+be)\\s+)?(?<wordafter>(?:un|non-?\\s?)?detectable"
      + "|positive|negative|not\\s+detect(?:ed|able)))"
      + "\\s*\\(\\s*(?<limit>" + Thresholds.CMP + "\\s*" + NUMBER + "\\s*(?:" + UNIT + "))\\s*\\)");
  private static final Pattern LIMIT_ONLY = Pattern.compile(Thresholds.CMP + "\\s*" + NUMBER + "\\s*(?:" + UNIT + ")");

  /**
   * Words that time a viral load ("for at least 6 months", "sustained", "on two occasions", "within 3 months", "prior
   * to"): the latest result cannot show a load kept below a limit, nor one found at some time in a window, so such a
   * sentence is not read as a viral-load rule ("at screening" is what the latest result stands for).
   */
  private static final Pattern TIMED = Pattern.compile("\\b(?:months?|weeks?|days?|years?|sustained|consecutive"
      + "|occasions?|twice|stable|persistent(?:ly)?|prior|previous(?:ly)?|within|history|documented|since|last|past"
      + "|ever|before)\\b");

  /** Whether the sentence times what it says ({@link #TIMED}). */
  static boolean timed(Sentence s) {
    return TIMED.matcher(s.lower).find();
  }

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower) || !s.lower.contains("ml") || timed(s)) return;
    Matcher d = DEFINED.matcher(s.lower);
    while (d.find()) {
      String group = group(d, "2") != null ? group(d, "2") : group(d, "3");
      if (group == null || !s.free(d.start(), d.end())) continue;
      Limit limit = limit(d.group("limit"));
      if (limit == null) continue;
      String word = d.group("wordbefore") != null ? d.group("wordbefore") : d.group("wordafter");
      boolean negative = word.startsWith("un") || word.startsWith("non") || word.startsWith("not")
          || word.equals("negative");
      // the limit must say the same as the word: "undetectable (< 15)", "detectable (> 20)"
      if (negative != Thresholds.below(limit.comparator())) continue;
      s.read(d.start(), d.end(), rule(s, InfectionTestRecogniser.LOAD_KINDS.get(group), limit));
    }
    Matcher m = LIMIT.matcher(s.lower);
    while (m.find()) {
      String group = group(m, "");
      if (group == null || !s.free(m.start(), m.end())) continue;
      Limit limit = limit(m.group("limit"));
      if (limit == null) continue;
      s.read(m.start(), m.end(), rule(s, InfectionTestRecogniser.LOAD_KINDS.get(group), limit));
    }
  }

  /** Which of the three tests matched, by the suffix of its group names. */
  private static String group(Matcher m, String suffix) {
    for (String g : new String[] {"hbvdna", "hcvrna", "hivrna"}) {
      if (m.group(g + suffix) != null) return g;
    }
    return null;
  }

  private record Limit(Comparator comparator, double value, String unit) {}

  /** The comparator, number and unit of a limit as matched, or null when the number cannot be read. */
  private static Limit limit(String text) {
    Matcher l = LIMIT_ONLY.matcher(text);
    if (!l.matches()) return null;
    Comparator c = Thresholds.comparator(l.group("cmp"));
    if (c == null || c == Comparator.EQ) return null;
    double value;
    String mantissa = l.group("num");
    if (mantissa != null && mantissa.indexOf('.') != mantissa.lastIndexOf('.')
        && (l.group("sup") != null || l.group("exp") != null)) {
      return null; // "1.000.000 x 10^3": no mantissa anyone writes
    }
    if (l.group("sup") != null) {
      if (l.group("num") != null && l.group("times") == null) return null;
      value = (l.group("num") != null ? Numbers.parse(l.group("num")) : 1) * Math.pow(10, superscript(l.group("sup")));
    } else if (l.group("exp") != null) {
      if (l.group("num") != null && l.group("times") == null) return null; // "2 10^4": a lost sign, not read
      value = (l.group("num") != null ? Numbers.parse(l.group("num")) : 1) * Math.pow(10, Integer.parseInt(l.group("exp")));
    } else if (l.group("num") != null) {
      // a load is a count of copies or units: "2.000 IU/mL" is two thousand (read as 2 it excluded every patient
      // with a load above 2 under "HBV DNA > 2.000 IU/mL"), and a fraction is a lost power of ten, not read
      String num = l.group("num");
      if (DOT_GROUPED.matcher(num).matches()) return limitOf(c, Double.parseDouble(num.replace(".", "")), l);
      value = Numbers.parse(num);
      if (value != Math.rint(value)) return null;
    } else {
      return null;
    }
    if (!Double.isFinite(value) || value < 0) return null;
    return limitOf(c, value, l);
  }

  private static Limit limitOf(Comparator c, double value, Matcher l) {
    return new Limit(c, value, l.group("iu") != null ? ViralLoad.IU_PER_ML : ViralLoad.COPIES_PER_ML);
  }

  private static int superscript(String tenPower) {
    int e = 0;
    for (char ch : tenPower.substring(2).toCharArray()) e = e * 10 + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(ch);
    return e;
  }

  private static Rule rule(Sentence s, InfectionTestRecogniser.TestKind kind, Limit limit) {
    ViralLoadRule load = new ViralLoadRule(kind.key(), kind.infection(),
        InfectionTestRecogniser.LOAD_LABELS.get(kind.key()), limit.comparator(), limit.value(), limit.unit(),
        s.context.settings().recencyDays());
    boolean onlyWithVirus = !Thresholds.below(limit.comparator()) && (limit.value() > 0
        || limit.comparator() == Comparator.GT);
    if (!onlyWithVirus) return load;
    ConditionRule infection = new ConditionRule(Set.of(kind.infection()), Set.copyOf(s.except), TimeWindow.ACTIVE,
        InfectionTestRecogniser.label(s, kind.infection()));
    return new AllOf(List.of(infection, load));
  }
}
