package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;

/**
 * Denials that each bring their own "no", in the inclusion list: "No prior rituximab and no prior eltrombopag", "No
 * HIV infection, no hepatitis B and no hepatitis C", "No prior ATG; no prior HSCT". Each part is read as the criterion
 * it would be alone, and every one must hold. A part that is not read in full leaves the whole sentence to the other
 * readings (which ask it): a denial half read could fail a patient the other half admits.
 */
final class RepeatedDenials {
  /** Where the next denial starts: a comma, semicolon or "and" right before "no". */
  private static final Pattern NEXT_DENIAL = Pattern.compile("(?i)\\s*(?:[,;]\\s*(?:and\\s+)?|\\s+and\\s+)(?=no\\s)");

  private static final Pattern FIRST_DENIAL = Pattern.compile("(?i)^\\s*no\\s");

  private RepeatedDenials() {}

  /** All of the denials, or null when the sentence is not such a list, is in the exclusion list, or a part is unread. */
  static Rule read(String sentence, CriterionType type, Function<String, Rule> reader) {
    if (type != CriterionType.INCLUSION || !FIRST_DENIAL.matcher(sentence).find()) return null;
    String[] parts = NEXT_DENIAL.split(sentence.strip());
    if (parts.length < 2) return null;
    List<Rule> rules = new ArrayList<>();
    for (String part : parts) {
      Rule rule = reader.apply(part);
      if (rule == null || CriterionParser.hasUnread(rule)) return null;
      rules.add(rule);
    }
    return new AllOf(rules);
  }
}
