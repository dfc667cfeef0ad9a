package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;

/**
 * Denials that each bring their own "no", in the inclusion list: "No prior rituximab and no prior eltrombopag", "No
 * HIV infection, no hepatitis B and no hepatitis C", "No prior ATG; no prior HSCT". Each part is read as the criterion
 * it would be alone, and every one must hold. A part that is not read in full leaves the whole sentence to the other
 * readings (which ask it): a denial half read could fail a patient the other half admits.
 *
 * <p>A time or an exception written after the last denial may bind the ones before it as well: "No transfusion and no
 * IVIG within 2 weeks before the first dose", "No prior rituximab and no prior eltrombopag unless discontinued at
 * least 6 months before". A denial before it that has no time of its own fails only the patient who fails it either
 * way; one who fails it alone but would meet it with the time (or the exception) is asked.
 */
final class RepeatedDenials {
  /** Where the next denial starts: a comma, semicolon or "and" right before "no". */
  private static final Pattern NEXT_DENIAL = Pattern.compile("(?i)\\s*(?:[,;]\\s*(?:and\\s+)?|\\s+and\\s+)(?=no\\s)");

  private static final Pattern FIRST_DENIAL = Pattern.compile("(?i)^\\s*no\\s");

  /** An exception or condition that closes the last denial: "unless discontinued …", "except in a clinical trial". */
  private static final Pattern EXCEPTION = Pattern.compile("(?i)[\\s,(]*\\b(?:unless|except|excepting|excluding"
      + "|other than|apart from|aside from|with the exception of|if|provided|providing|as long as|so long as)\\b.*$");

  private static final String COUNT = "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)";
  private static final String UNIT = "(?:hours?|days?|weeks?|months?|years?|half[- ]lives)";

  private static final String PERIOD_TEXT = "[\\s,(]*\\b(?:during|throughout|at)\\s+(?:the\\s+)?(?:screening|study"
      + "|trial|treatment|enrol+ment|run-in|baseline)\\b";

  /** A time that closes the last denial: "within 2 weeks before the first dose", "in the past 3 months". */
  private static final Pattern TRAILING_TIME = Pattern.compile("(?i)[\\s,(]*\\b(?:within|in the (?:last|past|previous"
      + "|preceding)|during the(?: (?:last|past|previous|preceding))?|over the (?:last|past)|for (?:at least |more than "
      + "|over |the (?:last |past )?)?|in|[≤<]=?)\\s*(?:the\\s+)?(?:(?:last|past|previous|preceding)\\s+)?" + COUNT
      + "\\s*-?\\s*" + UNIT + "\\b.*$"
      // "No transfusion and no IVIG during screening": a period of the trial's own
      + "|" + PERIOD_TEXT + ".*$");

  /** A period of the trial's own, which no record dates: "during screening", "throughout the study". */
  private static final Pattern PERIOD = Pattern.compile("(?i)" + PERIOD_TEXT);

  /** A time of the denial's own: "No rituximab within 6 months", "No current corticosteroids", "No active HIV". */
  private static final Pattern OWN_TIME = Pattern.compile("(?i)\\b" + COUNT + "\\s*-?\\s*" + UNIT + "\\b|\\b(?:within"
      + "|since|current|currently|ongoing|active|concurrent|concomitant|recent|recently|ever|at any time|lifetime)\\b");

  private RepeatedDenials() {}

  /** All of the denials, or null when the sentence is not such a list, is in the exclusion list, or a part is unread. */
  static Rule read(String sentence, CriterionType type, Function<String, Rule> reader) {
    if (type != CriterionType.INCLUSION || !FIRST_DENIAL.matcher(sentence).find()) return null;
    String[] parts = NEXT_DENIAL.split(sentence.strip());
    if (parts.length < 2) return null;
    String last = parts[parts.length - 1];
    Matcher exception = EXCEPTION.matcher(last);
    Matcher time = TRAILING_TIME.matcher(last);
    String tail = exception.find() ? exception.group().strip() : time.find() ? time.group().strip() : null;
    // "No prior rituximab and no prior eltrombopag; age 18 or older": a clause of another kind after a semicolon
    // would be read inside the last denial ("not both eltrombopag and adult"): left to the other readings
    for (String part : parts) {
      if (part.contains(";")) return null;
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      Rule rule = reader.apply(part);
      if (rule == null || CriterionParser.hasUnread(rule)) return null;
      if (i < parts.length - 1 && tail != null && !OWN_TIME.matcher(part).find()) {
        rule = reachedBack(part, rule, tail, reader);
      }
      rules.add(rule);
    }
    return new AllOf(rules);
  }

  /**
   * A denial that the time or exception after the last one may bind: met by the patient who meets it alone; one who
   * fails it alone is failed only where it also fails with the time; otherwise asked.
   */
  private static Rule reachedBack(String part, Rule alone, String tail, Function<String, Rule> reader) {
    Ask ask = new Ask("Does \u201c" + tail + "\u201d also apply to \u201c" + part.strip() + "\u201d?");
    Rule bound = EXCEPTION.matcher(tail).lookingAt() || PERIOD.matcher(tail).lookingAt() ? null
        : reader.apply(part.strip() + " " + tail);
    // a time the reading of the denial does not change ("during screening") is no answer either: asked
    if (bound == null || CriterionParser.hasUnread(bound) || bound.equals(alone)) return new AnyOf(List.of(alone, ask));
    return new AnyOf(List.of(alone, new AllOf(List.of(bound, ask))));
  }
}
