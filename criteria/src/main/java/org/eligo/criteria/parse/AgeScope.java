package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.SexRule;
import org.eligo.core.trial.RegistryAge;

/**
 * An age group a limit applies to, written right after it: "Karnofsky ≥ 50 for patients &gt; 16 years of age",
 * "Lansky ≥ 50 (patients &lt; 16 years)", "for participants 16 years and older", "if aged 18 or over". The limit then
 * binds that group only ({@link #bind}): "Karnofsky ≥ 50 for patients &gt; 16 years and Lansky ≥ 50 for patients ≤ 16
 * years" asks each patient for the scale of their age, and a child is never excluded by a Karnofsky score.
 */
final class AgeScope {
  // "for", "in", "among" or "if" (or an opening parenthesis) must lead: "ANC ≥ 1.0, age ≥ 18 years" is two limits
  private static final String LEAD = "\\s*[,;]?\\s*(?:(?<open>\\()\\s*(?:(?:if|for|in|among)\\s+)?|(?:if|for|in|among)\\s+)";
  private static final String WHO = "(?:(?:patients|participants|subjects|children|adults|adolescents|those|persons"
      + "|people|individuals|pts)\\s+)?(?:(?:who\\s+are|(?<aged>aged?)|of\\s+age)\\s+)?";
  // "years" may go unsaid after "aged": "for patients aged 18 or over"
  private static final String YEARS = "(?<years>\\s*(?:years?|yrs?|y)(?![a-z])(?:\\s+of\\s+age|\\s+old)?)?";
  // "≥ 16 years or older" says the same twice: the "or" is not a join
  private static final Pattern PREFIX = Pattern.compile(LEAD + WHO + Thresholds.CMP + "\\s*(?<n>\\d{1,3})" + YEARS
      + "(?:\\s*(?:or|and)\\s+(?:older|over|above|younger|under|less|more|greater))?\\s*(?<close>\\))?");
  private static final Pattern POSTFIX = Pattern.compile(LEAD + WHO + "(?<n>\\d{1,3})" + YEARS
      + "\\s*(?:and|or)\\s+(?<dir>older|over|above|younger|under|less|more|greater)\\s*(?<close>\\))?");

  private static final Pattern LEAD_BEFORE = Pattern.compile("(?:\\(|\\b(?:if|for|in|among))\\s*" + WHO + "(?:"
      + Thresholds.CMP + "\\s*)?$");

  /** A group found: where its words end and the rule that says who is in it (ages, or a sex). */
  record Found(int end, Rule ages) {}

  // "…, men only", "…, women": a bare sex after a comma ends the clause (or says "only"), else it begins another one
  // ("…, women who are pregnant")
  private static final Pattern SEX = Pattern.compile("\\s*[,;]?\\s*(?:(?<open>\\()\\s*(?:(?:for|in|among)\\s+)?"
      + "|(?:for|in|among)\\s+|(?<=,\\s{0,3})(?=(?:men|males?|women|females?)(?:\\s+only\\b|\\s*(?:[,;.)]|$))))"
      + "(?<sex>men|males?|male\\s+(?:patients|participants|subjects)|women|females?"
      + "|female\\s+(?:patients|participants|subjects))\\b(?:\\s+only\\b)?\\s*(?<close>\\))?");

  /** A sex a limit applies to, written right after it: "for men", "(females)", "in women", ", men only", or null. */
  static Found sexAt(String lower, int from) {
    Matcher m = SEX.matcher(lower).region(from, lower.length());
    if (!m.lookingAt() || !balanced(m)) return null;
    boolean male = m.group("sex").startsWith("m");
    return new Found(m.end(), new SexRule(java.util.Set.of(male ? Sex.MALE : Sex.FEMALE)));
  }

  private AgeScope() {}

  /** The age group written at {@code from} in {@code lower}, or null. */
  static Found at(String lower, int from) {
    Matcher post = POSTFIX.matcher(lower).region(from, lower.length());
    if (post.lookingAt() && balanced(post) && aged(post)) {
      RegistryAge n = RegistryAge.parse(post.group("n") + " Years");
      boolean up = switch (post.group("dir")) {
        case "older", "over", "above", "more", "greater" -> true;
        default -> false;
      };
      return new Found(post.end(), up ? new AgeRule(n, true, null, false) : new AgeRule(null, false, n, true));
    }
    Matcher pre = PREFIX.matcher(lower).region(from, lower.length());
    if (!pre.lookingAt() || !balanced(pre) || !aged(pre)) return null;
    RegistryAge n = RegistryAge.parse(pre.group("n") + " Years");
    Comparator c = Thresholds.comparator(pre.group("cmp"));
    AgeRule ages = switch (c) {
      case GE -> new AgeRule(n, true, null, false);
      case GT -> new AgeRule(n, false, null, false);
      case LE -> new AgeRule(null, false, n, true);
      case LT -> new AgeRule(null, false, n, false);
      default -> null;
    };
    return ages == null ? null : new Found(pre.end(), ages);
  }

  /**
   * Whether an age limit starting at {@code at} names the group a limit before it applies to ("… for patients
   * &gt; 16 years"), which {@link MeasurementRecogniser} reads with that limit, rather than an age criterion.
   */
  static boolean namesAGroup(String lower, int at) {
    return LEAD_BEFORE.matcher(lower.substring(Math.max(0, at - 60), at)).find();
  }

  private static final Pattern JOIN_AFTER = Pattern.compile("^\\s*[,;]?\\s*(and|or)\\b");
  private static final Pattern JOIN_BEFORE = Pattern.compile("\\b(and|or)\\s*[,;]?\\s*$");

  /**
   * {@code rule} bound to the age group {@code ages}. Joined by "or" to another limit ("Karnofsky ≥ 60 (patients ≥
   * 16 years) or Lansky ≥ 60 (patients &lt; 16 years)"), each holds for its group: all of (in the group, the limit).
   * Joined by "and" ("… for patients &gt; 16 years and Lansky ≥ 50 for patients ≤ 16 years"), each binds its group
   * only: any of (not in the group, the limit). Alone, an inclusion binds its group only, and an exclusion excludes
   * the group when the limit holds.
   *
   * @param start where the limit's words start in {@code lower}
   * @param end where the age group's words end
   */
  static Rule bind(Rule rule, Rule ages, String lower, int start, int end, CriterionType type) {
    Matcher after = JOIN_AFTER.matcher(lower.substring(end));
    Matcher before = JOIN_BEFORE.matcher(lower.substring(0, start));
    // a join counts only towards another limit for a group: "active infection and Karnofsky < 50 for patients ≥ 16"
    // binds the Karnofsky limit alone
    String join = !groups(lower, start, end) ? null
        : after.find() ? after.group(1) : before.find() ? before.group(1) : null;
    boolean onlyThatGroup = join == null ? type == CriterionType.EXCLUSION : join.equals("or");
    return onlyThatGroup ? new AllOf(List.of(ages, rule)) : new AnyOf(List.of(new Not(ages), rule));
  }

  private static final Pattern ANY_GROUP = Pattern.compile("(?:\\(|\\b(?:if|for|in|among))\\s*" + WHO
      + "(?:" + Thresholds.CMP + "\\s*)?\\d{1,3}\\s*(?:years?|yrs?|y)?(?![a-z])|\\(\\s*(?:men|males?|women|females?)\\s*\\)"
      + "|\\b(?:for|in|among)\\s+(?:men|males?|women|females?|male\\s+patients|female\\s+patients)\\b"
      + "|,\\s*(?:men|males?|women|females?)\\s+only\\b");

  /** Whether the sentence names another group outside {@code start}..{@code end} (the limit's own words). */
  static boolean groups(String lower, int start, int end) {
    Matcher m = ANY_GROUP.matcher(lower);
    while (m.find()) if (m.end() <= start || m.start() >= end) return true;
    return false;
  }

  /** Says it is about age: "years", or "aged" before the number. */
  private static boolean aged(Matcher m) {
    return m.group("years") != null || m.group("aged") != null;
  }

  private static boolean balanced(Matcher m) {
    return (m.group("open") == null) == (m.group("close") == null);
  }
}
