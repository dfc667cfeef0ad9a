package org.eligo.criteria.parse;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;

/**
 * A denial and, after "or", a lab limit as its alternative, in the inclusion list: "No transfusion and no IVIG within 2
 * weeks, or platelets ≥ 30 × 10^9/L", "Either no red cell transfusion in the previous 8 weeks or haemoglobin ≥ 9 g/dL",
 * "No platelet transfusion within 7 days or platelet count ≥ 20 × 10^9/L". Read under the one "no", the limit was
 * denied with the transfusion ("neither a transfusion nor platelets ≥ 30"), so a patient never transfused with
 * platelets of 80 failed (DECISIONS §55). The denial and the limit are read apart, and either meets the sentence.
 *
 * <p>Only where the sentence marks the alternative: "either" before the denial, a comma before "or", or a time on the
 * denial (a washout the limit may replace). "No active bleeding or platelet count &lt; 10 × 10^9/L" may deny both, and is
 * left as read. A denial the parser reads only in part is asked, beside the limit.
 */
final class DenialOrLimit {
  private static final Pattern EITHER = Pattern.compile("(?i)^\\s*either\\s+");
  private static final Pattern FIRST_DENIAL = Pattern.compile("(?i)^\\s*(?:(?:no|not|without|never)\\s|non-)");
  private static final Pattern OR = Pattern.compile("(?i)(?<comma>\\s*,)?\\s+or\\s+");
  /** A time on the denial: "within 2 weeks", "in the previous 8 weeks", "for at least 4 weeks before …". */
  private static final Pattern TIME = Pattern.compile("(?i)\\b(?:within|in\\s+the\\s+(?:past|previous|last|prior"
      + "|preceding)|during\\s+the\\s+(?:past|previous|last|prior|preceding)|for\\s+(?:at\\s+least\\s+)?(?:the\\s+)?"
      + "(?:past|previous|last|prior)?\\s*\\d|since)\\b");

  private DenialOrLimit() {}

  /** Any of (the denial, the limit), or null when the sentence is not such a one. */
  static Rule read(String sentence, CriterionType type, Function<String, Rule> reader,
                   java.util.function.Predicate<String> namesMeasuresOnly) {
    if (type != CriterionType.INCLUSION) return null;
    String text = sentence.strip();
    Matcher either = EITHER.matcher(text);
    boolean marked = either.lookingAt();
    if (marked) text = text.substring(either.end());
    if (!FIRST_DENIAL.matcher(text).lookingAt()) return null;
    Matcher or = OR.matcher(text);
    while (or.find()) {
      if (DenialThenLimit.depth(text, or.start()) > 0) continue; // an "or" inside a parenthesis belongs to it
      String head = text.substring(0, or.start());
      String tail = text.substring(or.end());
      if (!(marked || or.group("comma") != null || TIME.matcher(head).find())) continue;
      if (tail.isBlank() || FIRST_DENIAL.matcher(tail).lookingAt()) continue;
      Rule limit = reader.apply(tail);
      if (limit == null || !DenialThenLimit.limitsOnly(limit)
          && !(limitsWithUnread(limit, tail) && namesMeasuresOnly.test(tail))) {
        continue;
      }
      Rule denial = reader.apply(head);
      if (denial == null || CriterionParser.hasUnread(denial)) {
        // read only in part, the denial could fail a patient its unread words admit: asked, the limit still decides
        denial = new Ask("Does \u201c" + head.strip() + "\u201d hold for the patient?");
      }
      return new AnyOf(List.of(denial, limit));
    }
    return null;
  }

  /** A comparator and a number: the words of a limit, read or not. */
  private static final Pattern COMPARED = Pattern.compile("(?i)(?:[≥≤<>]=?|\\b(?:at\\s+least|greater\\s+than|more\\s+than"
      + "|less\\s+than|above|below|over|under)\\b)\\s*\\d");

  /**
   * Limits some of which the parser cannot read ("platelet count ≥ 20 × 10^9/L, or ANC ≥ 1.0", "CD19 count ≥ 50/µL"),
   * and nothing else: the words name measures and nothing the record holds otherwise (a drug, a procedure, a disease:
   * "or IVIG ≥ 1 g/kg within 4 weeks" is another denied name; "or fever ≥ 38.5" may be denied too), no denial. Left to the old reading, the "no" denied them with the transfusion, and the
   * patient never transfused failed (§61); as the denial's alternative, an unread limit only leaves open the patient
   * the denial does not admit.
   */
  private static boolean limitsWithUnread(Rule rule, String words) {
    return COMPARED.matcher(words).find() && limitsOrUnread(rule);
  }

  private static boolean limitsOrUnread(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.Unparsed u -> true;
      case AnyOf any -> any.rules().stream().allMatch(DenialOrLimit::limitsOrUnread);
      case org.eligo.core.rule.AllOf all -> all.rules().stream().allMatch(DenialOrLimit::limitsOrUnread);
      default -> DenialThenLimit.limitsOnly(rule);
    };
  }
}
