package org.eligo.criteria.parse;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.SexRule;

/**
 * A denial and, after a comma or a semicolon, a limit of another kind, in the inclusion list: "No prior eltrombopag, age
 * 18 or older", "No prior HSCT, no prior ATG; ECOG 0-2", "No active infection, platelet count ≥ 30 × 10⁹/L". Read as one
 * list under the "no", the limit was denied with the names ("neither eltrombopag nor 18 or older"), so every adult
 * failed the sentence. The denial and the limit are read apart, each as it would be alone. An age, a sex or a
 * performance status is a requirement of its own. A lab limit after a comma may as well say what the denial means
 * ("No severe neutropenia, ANC &lt; 500/µL"), so there it is asked; after a semicolon it is an item of its own. A
 * denial opened by "not", "without" or "non-" is read the same way: "Not pregnant or breastfeeding, age ≥ 18" had
 * denied the age with the pregnancy, so every adult failed it.
 */
final class DenialThenLimit {
  private static final Pattern FIRST_DENIAL = Pattern.compile("(?i)^\\s*(?:(?:no|not|without)\\s|non-)");

  /** The last comma or semicolon, perhaps with "and", before the words of the limit. */
  private static final Pattern BREAK = Pattern.compile("\\s*(?<mark>[,;])\\s*(?:and\\s+)?");

  private static final Pattern CONNECTIVE = Pattern.compile("(?i)\\s*(?:or|and/or|unless|except|excluding|if|when"
      + "|provided|but|including|such as|e\\.g|i\\.e|especially|defined|as|that is|meaning|with|without|other than)\\b");

  /** Scales that never define a disease: a performance status. */
  private static final java.util.Set<String> STATUS = java.util.Set.of("ecog", "karnofsky", "lansky");

  private DenialThenLimit() {}

  /** An age written as a ceiling: "under 18 years of age", "up to 45 years", "younger than 65 years" (§61). */
  private static final String UPPER_AGE = "(?:under|below|younger\\s+than|up\\s+to|less\\s+than|no\\s+older\\s+than"
      + "|not\\s+older\\s+than)\\s+\\d";
  private static final String STATE = "non[- ]?(?:pregnant|lactating|breast[- ]?feeding|nursing)";
  /**
   * "Non-pregnant females aged 18 years or older", "Non-lactating women ≥ 18 years", "Male or non-pregnant,
   * non-lactating female patients aged 18 to 45 years": a pregnancy denied in the person words, then a limit without a
   * comma. Read under the "non-", the age was denied with the pregnancy, so a girl of 5 met it (§55).
   */
  private static final Pattern NON_PREGNANT_PERSON = Pattern.compile("(?i)^\\s*(?<men>(?:males?|men)\\s*(?:,|or|and|and/or"
      + "|/)\\s*)?(?<states>" + STATE + "(?:\\s*(?:,|/|and|or|and/or)\\s*" + STATE + ")*)\\s*,?\\s*(?<women>(?:females?|women"
      + "|woman)\\b\\s*)?(?:(?:patients|subjects|participants|adults|individuals)\\b\\s*)?,?\\s*(?:of\\s+)?"
      + "(?<limit>(?:aged?\\b|[≥≤<>]|\\d|at\\s+least|between|older|over|above|from|with\\b|who\\s+(?:have|are|has|is)\\b"
      + "|diagnosed\\b|" + UPPER_AGE + ").*)$");

  /** All of (not pregnant or breastfeeding, what follows), or null when the sentence is not such a one. */
  private static Rule nonPregnantPerson(String sentence, Function<String, Rule> reader) {
    Matcher m = NON_PREGNANT_PERSON.matcher(sentence.strip());
    if (!m.matches()) return null;
    String states = m.group("states").toLowerCase(java.util.Locale.ROOT);
    java.util.List<String> denied = new java.util.ArrayList<>();
    if (states.contains("pregnant")) denied.add("pregnant");
    if (states.matches("(?s).*(?:lactating|breast|nursing).*")) denied.add("breastfeeding");
    // what follows the person words is what the sentence requires of her: an age ("≥ 18 years" is read as one), a
    // disease ("with ITP"); read in full or not at all
    String rest = m.group("limit");
    Rule limit = null;
    // "Non-pregnant women aged 18 to 45 years": an age written for women, read with them (a man outside it is asked)
    if (m.group("women") != null && m.group("men") == null && rest.matches("(?s)\\s*(?:aged?\\b|[≥≤<>]|\\d|at\\s+least"
        + "|between|older|over|above|from|" + UPPER_AGE + ").*")) {
      limit = reader.apply("Women " + rest);
      if ((limit == null || CriterionParser.hasUnread(limit)) && !rest.matches("(?s)\\s*aged?\\b.*")) {
        limit = reader.apply("Women aged " + rest);
      }
      if (limit != null && CriterionParser.hasUnread(limit)) limit = null;
    }
    if (limit == null) limit = reader.apply(rest);
    if ((limit == null || CriterionParser.hasUnread(limit))
        && rest.matches("(?s)\\s*(?:[≥≤<>]|\\d|at\\s+least|between|" + UPPER_AGE + ").*")) {
      limit = reader.apply("Age " + rest);
    }
    // "… aged 18 years or older who are willing to use contraception": what follows is a screening note, which beside
    // the denial would ask every adult; left to the other passes
    if (limit == null || CriterionParser.hasUnread(limit) || limit instanceof org.eligo.core.rule.ScreeningConfirmation) {
      return null;
    }
    Rule denial = reader.apply("Not " + String.join(" or ", denied));
    if (denial == null || CriterionParser.hasUnread(denial)) return null;
    return new AllOf(List.of(denial, limit));
  }

  /** All of (the denial, the limit), or null when the sentence is not such a one or a part is unread. */
  static Rule read(String sentence, CriterionType type, Function<String, Rule> reader) {
    if (type != CriterionType.INCLUSION) return null;
    Rule nonPregnant = nonPregnantPerson(sentence, reader);
    if (nonPregnant != null) return nonPregnant;
    if (!FIRST_DENIAL.matcher(sentence).find()) return null;
    String text = sentence.strip();
    Matcher m = BREAK.matcher(text);
    int at = -1;
    int after = -1;
    boolean semicolon = false;
    while (m.find()) {
      if (depth(text, m.start()) > 0) continue; // a comma inside a parenthesis belongs to it
      at = m.start();
      after = m.end();
      semicolon = m.group("mark").equals(";");
    }
    if (at <= 0 || after >= text.length()) return null;
    String head = text.substring(0, at);
    String tail = text.substring(after);
    // another denial (RepeatedDenials reads it), or words that make the limit an alternative, an exception or a
    // definition ("…, or platelets ≥ 30", "…, defined as ANC < 500")
    if (FIRST_DENIAL.matcher(tail).find() || CONNECTIVE.matcher(tail).lookingAt()) return null;
    Rule limit = reader.apply(tail);
    if (limit == null || CriterionParser.hasUnread(limit) || !limitsOnly(limit)) return null;
    // a denial only partly read is still read apart from the limit: its unread part is asked, never the limit denied
    // ("No active bleeding, age ≥ 18 years, ECOG 0-1" had failed every adult for being 18 or older)
    // ... but not when a lab limit follows, nor when the denial itself denies a limit ("No clearly abnormal hepatic and
    // renal function: AST, ALT ≤ 2.5 × ULN, …" denies nothing the patient should lack): then the sentence is unread
    Rule denial = reader.apply(head);
    if (denial == null) return null;
    if (CriterionParser.hasUnread(denial) && (labLimit(limit) || deniesALimit(denial, false))) return null;
    if (!semicolon && labLimit(limit)) {
      // "No severe neutropenia, ANC < 500/µL": the limit may be what is denied, or what is required
      return new AllOf(List.of(denial, new Ask("Is \u201c" + tail.strip() + "\u201d a limit the patient must meet, or"
          + " part of what \u201c" + head.strip() + "\u201d denies?")));
    }
    return new AllOf(List.of(denial, limit));
  }

  /** Whether a rule is made of ages, sexes and measurements alone. */
  static boolean limitsOnly(Rule rule) {
    return switch (rule) {
      case AgeRule a -> true;
      case SexRule x -> true;
      case MeasurementRule mr -> true;
      case AllOf all -> all.rules().stream().allMatch(DenialThenLimit::limitsOnly);
      case AnyOf any -> any.rules().stream().allMatch(DenialThenLimit::limitsOnly);
      default -> false;
    };
  }

  /** Whether a rule denies an age, a sex or a measurement: one under a "not". */
  private static boolean deniesALimit(Rule rule, boolean denied) {
    return switch (rule) {
      case AgeRule a -> denied;
      case SexRule x -> denied;
      case MeasurementRule mr -> denied;
      case AllOf all -> all.rules().stream().anyMatch(r -> deniesALimit(r, denied));
      case AnyOf any -> any.rules().stream().anyMatch(r -> deniesALimit(r, denied));
      case org.eligo.core.rule.AtLeast at -> at.rules().stream().anyMatch(r -> deniesALimit(r, denied));
      case org.eligo.core.rule.Not n -> deniesALimit(n.rule(), true);
      default -> false;
    };
  }

  /** Whether a rule holds a measurement other than a performance status. */
  private static boolean labLimit(Rule rule) {
    return switch (rule) {
      case MeasurementRule mr -> !STATUS.contains(mr.measure());
      case AllOf all -> all.rules().stream().anyMatch(DenialThenLimit::labLimit);
      case AnyOf any -> any.rules().stream().anyMatch(DenialThenLimit::labLimit);
      default -> false;
    };
  }

  /** How many brackets are open at {@code upTo}: a comma inside one belongs to it. */
  static int depth(String text, int upTo) {
    int depth = 0;
    for (int i = 0; i < upTo; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') depth++;
      else if ((c == ')' || c == ']') && depth > 0) depth--;
    }
    return depth;
  }
}
