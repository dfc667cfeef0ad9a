package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/**
 * Finds a sentence that grants rather than requires: "Patients with prior splenectomy are eligible", "Low-dose aspirin
 * is permitted", "Patients aged 12-17 years may be enrolled if they weigh at least 40 kg". Such a sentence widens
 * what other criteria allow; it requires nothing of the patient, in the inclusion list or the exclusion list. Read as
 * a requirement it excluded everyone outside the group it names (an inclusion "Patients with prior splenectomy are
 * eligible" excluded every patient who kept the spleen), and as a question "Does this apply?" a "no" did the same. So
 * it becomes a {@link ScreeningConfirmation}: listed for the trial team, never counted for or against the patient.
 *
 * <p>A grant to some and no one else ("Only patients with SAA are eligible", "eligible only if …") is a requirement
 * and left to the other passes. Only a sentence whose main clause is the grant: a grant in parentheses ("Hemoglobin ≥ 7.5 g/dL (transfusion is
 * permitted)"), after "which" or "except", after a semicolon or a full stop ("Hemoglobin &lt; 10 g/dL. Transfusions
 * are permitted": as a grant the limit before it had been dropped), or beside a limit ("Platelets ≥ 50, transfusion is
 * allowed") leaves the rest of the sentence to the other passes, which read the limit and ask about the grant.
 */
final class PermissionRecogniser implements Recogniser {
  private static final Keywords HINT = Keywords.of("eligible", "allowed", "permitted", "acceptable", "accepted",
      "not excluded", "enrol", "included", "participate", "take part");

  /** The grant: a form of "be" or a modal, then the granting word. */
  private static final Pattern GRANT = Pattern.compile("\\b(?:(?:is|are|was|were|be|been|remain|remains)\\s+"
      + "(?:also\\s+|still\\s+|however\\s+|therefore\\s+)?(?:eligible|allowed|permitted|acceptable|accepted|not excluded)"
      + "|(?:may|can|could|will)\\s+(?:also\\s+|still\\s+)?(?:be\\s+)?(?:considered\\s+)?(?:eligible|allowed|permitted"
      + "|accepted|included|enrol+ed|participate|enrol+|take part))\\b");

  /** A subject that denies: "No patients with HIV …", "None of …". */
  private static final Pattern NO_ONE = Pattern.compile("\\s*(?:no|none|neither)\\b");

  /** Words that make the grant part of a requirement: "must be eligible", "should be allowed". */
  private static final Pattern REQUIRED_BEFORE = Pattern.compile("\\b(?:must|should|shall|need to|needs to|have to"
      + "|has to|required to|not)\\s*$");

  /** What may follow the grant: where (the study), then a condition on it, and nothing else. */
  private static final Pattern TAIL = Pattern.compile("(?:\\s+(?:to (?:participate|enrol+|take part|join)"
      + "(?: in (?:the|this) (?:study|trial))?|for (?:the |this )?(?:study|trial|enrol+ment|inclusion|participation)"
      + "|in (?:the|this) (?:study|trial)|to enter (?:the|this) (?:study|trial)))?"
      + "(?:\\s*[,(]?\\s*(?:if|provided|providing|as long as|so long as|when|once|only if|but only if|after|with"
      + "|unless|following|at the discretion|according to|as per|per)\\b.*)?[\\s.;:)]*");

  /** A subject that holds another clause: the grant then belongs to that clause, not to the sentence. */
  private static final Pattern CLAUSE_IN_SUBJECT = Pattern.compile(";|(?<=[a-z0-9)%\\]])(?<!\\be\\.g|\\bi\\.e|\\bvs|\\betc|\\bapprox|\\bcf|\\bincl|\\bno)\\.\\s+\\S|\\bwhich\\b|\\bexcept\\b|\\bexcluding\\b"
      + "|\\bother than\\b|\\bbut\\b|\\bhowever\\b|\\bmust\\b|\\bshould\\b|\\brequired\\b");
  /** A clause that ends in the subject: the grant then has a subject of its own after it. */
  private static final Pattern BREAK_IN_SUBJECT = Pattern.compile(";|(?<=[a-z0-9)%\\]])(?<!\\be\\.g|\\bi\\.e|\\bvs"
      + "|\\betc|\\bapprox|\\bcf|\\bincl|\\bno)\\.\\s+\\S");
  private static final Pattern LIMIT = Pattern.compile("[≥≤<>]|\\b(?:at least|at most|greater|less|more|fewer|"
      + "above|below|exceed\\w*|higher|lower)\\b");

  /** Words that make the subject the only ones admitted. */
  private static final Pattern RESTRICTS = Pattern.compile("\\b(?:only|solely|exclusively|alone|just)\\b");
  /** "... are eligible only if", "... but only if". */
  private static final Pattern ONLY_AFTER = Pattern.compile("\\W*(?:\\S+\\s+){0,6}?(?:but\\s+)?only\\b");

  /**
   * A grant whose modal names what patients may have had or be on: "Patients may have received prior rituximab",
   * "Subjects can be on concomitant corticosteroids", "Participants may continue hydroxyurea". Read as a requirement,
   * it failed every patient who never had the drug.
   */
  private static final Pattern MAY_HAVE = Pattern.compile("^\\s*(?:all\\s+)?(?:patients|subjects|participants)\\s+"
      + "(?:may|can|could)\\s+(?:also\\s+|still\\s+)?(?:have\\s+(?:received|had|been\\s+(?:treated|exposed|on))"
      + "|be\\s+(?:on|receiving|taking|using|treated)|continue|remain\\s+on|receive|use|take)\\b");
  /** What makes such a sentence a limit after all: "may have received at most 2 prior therapies", "up to 3". */
  private static final Pattern MAY_HAVE_LIMIT = Pattern.compile("\\d|[≥≤<>]|\\b(?:not|no|only|up to|at most|at least"
      + "|maximum|more|less|fewer|must|should|one|two|three|four|five|single)\\b");

  /**
   * A dose or a time of stability that qualifies what is granted, never a limit that makes the sentence a requirement:
   * "Patients may continue corticosteroids (prednisone ≤ 10 mg/day)", "… if on a stable dose for at least 4 weeks".
   * Taken for a limit, the sentence fell to the reading that required the drug (a patient never on corticosteroids
   * was INELIGIBLE).
   */
  private static final Pattern GRANT_QUALIFIER = Pattern.compile("(?:(?:up\\s+to|at\\s+most|no\\s+more\\s+than"
      + "|not\\s+(?:exceeding|more\\s+than)|(?:a\\s+)?maximum(?:\\s+of)?|[≤<]=?|=<)\\s*)?\\d+(?:[.,]\\d+)?\\s*"
      + "(?:mg|mcg|µg|μg|g|iu|units?)(?:\\s*(?:/|per)\\s*(?:kg|m2|m²|day|d|week|wk|dose))*\\b"
      + "|\\bfor\\s+(?:at\\s+least\\s+|≥\\s*|>\\s*|more\\s+than\\s+)?\\d+\\s+(?:days?|weeks?|months?)\\b");

  /** "Subjects may receive prednisone ≤ 0.5 mg/kg/day": a ceiling on the drug, which {@link DoseCeiling} reads. */
  private static final Pattern CEILING_VERB = Pattern.compile("^\\s*(?:all\\s+)?(?:patients|subjects|participants)\\s+"
      + "(?:may|can|could)\\s+(?:also\\s+)?(?:receive|use|take)\\b");

  @Override
  public void read(Sentence s) {
    Matcher may = MAY_HAVE.matcher(s.lower);
    String limits = CEILING_VERB.matcher(s.lower).lookingAt() ? s.lower
        : GRANT_QUALIFIER.matcher(s.lower).replaceAll(" ");
    if (may.lookingAt() && !MAY_HAVE_LIMIT.matcher(limits).find()) {
      s.settle(new ScreeningConfirmation(s.text));
      return;
    }
    if (!HINT.in(s.lower)) return;
    Matcher grant = GRANT.matcher(s.lower);
    if (!grant.find()) return;
    String subject = s.lower.substring(0, grant.start());
    // "No prior malignancy; basal cell carcinoma is allowed": the "no" denies the clause before the grant
    if (NO_ONE.matcher(subject).lookingAt() && !BREAK_IN_SUBJECT.matcher(subject).find()
        && !opensParenthesis(subject)) {
      // "No patients with HIV are eligible": a denial, not a grant; read by the other passes it became "not (HIV and
      // eligible)", which excludes everyone without HIV in the exclusion list
      s.settle(new Unparsed("a group denied in a sentence of eligibility (\u201cno \u2026 are eligible\u201d)"));
      return;
    }
    if (subject.isBlank() || REQUIRED_BEFORE.matcher(subject).find() || CLAUSE_IN_SUBJECT.matcher(subject).find()) {
      return;
    }
    if (opensParenthesis(subject)) return;
    // "Only patients with SAA are eligible", "Patients are eligible only if ...": a requirement, not a grant
    if (RESTRICTS.matcher(subject).find() || ONLY_AFTER.matcher(s.lower).region(grant.end(), s.lower.length())
        .lookingAt()) {
      return;
    }
    if (subject.contains(",") && LIMIT.matcher(subject).find()) return; // "Platelets ≥ 50, transfusion is allowed"
    if (!TAIL.matcher(s.lower).region(grant.end(), s.lower.length()).matches()) return;
    s.settle(new ScreeningConfirmation(s.text));
  }

  private static boolean opensParenthesis(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') depth++;
      else if ((c == ')' || c == ']') && depth > 0) depth--;
    }
    return depth > 0;
  }
}
