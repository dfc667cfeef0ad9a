package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

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
      "not excluded", "enrol", "included", "participate", "take part", "continue");

  /** The grant: a form of "be" or a modal, then the granting word. */
  private static final Pattern GRANT = Pattern.compile("\\b(?:(?:is|are|was|were|be|been|remain|remains)\\s+"
      + "(?:also\\s+|still\\s+|however\\s+|therefore\\s+)?(?:eligible|allowed|permitted|acceptable|accepted|not excluded)"
      + "|(?:may|can|could|will)\\s+(?:also\\s+|still\\s+)?(?:be\\s+)?(?:considered\\s+)?(?:eligible|allowed|permitted"
      + "|accepted|included|enrol+ed|participate|enrol+|take part)"
      // "Patients receiving iron chelation may continue": what the subject names may go on
      + "|(?:may|can)\\s+(?:also\\s+)?continue(?:\\s+(?:it|them|(?:on\\s+)?(?:their|the|this)\\s+(?:current\\s+|same\\s+)?"
      + "(?:dose|regimen|treatment|therapy|medication)s?))?)\\b");

  /** A subject that denies: "No patients with HIV …", "None of …". */
  private static final Pattern NO_ONE = Pattern.compile("\\s*(?:no|none|neither)\\b");

  /** Words that make the grant part of a requirement: "must be eligible", "should be allowed". */
  private static final Pattern REQUIRED_BEFORE = Pattern.compile("\\b(?:must|should|shall|need to|needs to|have to"
      + "|has to|required to|not)\\s*$");

  /** What may follow the grant: where (the study), then a condition on it, and nothing else. */
  private static final Pattern TAIL = Pattern.compile("(?:\\s+(?:to (?:participate|enrol+|take part|join)"
      + "(?: in (?:the|this) (?:study|trial))?|for (?:the |this )?(?:study|trial|enrol+ment|inclusion|participation)"
      + "|in (?:the|this) (?:study|trial)|to enter (?:the|this) (?:study|trial)"
      + "|during (?:the )?(?:screening|study|trial|treatment)(?: period| phase)?))?"
      // "Patients are eligible regardless of transfusion status": a grant to everyone, no condition
      + "(?:\\s*,?\\s*(?:regardless|irrespective) of [^,;()]+)?"
      + "(?<cond>\\s*[,(]?\\s*(?:if|provided|providing|as long as|so long as|when|once|only if|but only if|after|with"
      + "|unless|following|at the (?:\\S+\\s+){0,2}?discretion|according to|as per|per|but"
      + "|at (?:a |the )?(?:stable|constant|same|unchanged|low)\\b)\\b.*)?[\\s.;:)]*");

  /** A group named by what it is on: "Patients on warfarin", "Subjects currently receiving hydroxyurea". */
  private static final Pattern GROUP_ON = Pattern.compile("\\s*(?:all\\s+)?(?:patients|subjects|participants)\\s+"
      + "(?:(?:who|that)\\s+(?:are|were)\\s+)?(?:(?:already|currently|presently)\\s+)?(?:on|receiving|taking|using"
      + "|treated\\s+with)\\b");
  /** "… but must have INR < 3", "… but they should be on a stable dose": a requirement of the group. */
  private static final Pattern BUT_MUST = Pattern.compile("\\s*,?\\s*but\\s+(?:they\\s+)?(?:must|should|need|needs"
      + "|has\\s+to|have\\s+to|(?:is|are)\\s+required)\\b");
  /** A "but" with nothing after it. */
  private static final Pattern DANGLING_BUT = Pattern.compile("\\s*,?\\s*but[\\s.;:)]*");

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
   * Whom a "may have" grant is for, named by a disease or a treatment: "Patients with ITP may also have hypertension",
   * "Subjects with aplastic anemia may have concurrent PNH clone", "Patients with ITP may have received prior
   * rituximab". The group says whom the grant is about; it requires nothing of the sentence. Read whole, the disease
   * the grant allows was required beside the group's (a patient with ITP and no hypertension failed, §55).
   */
  private static final String GROUP_WORDS = "(?:(?!\\b(?:may|can|could|must|should|who|which|that|not|no|only)\\b)"
      + "[^;:.,()\\[\\]])";
  /**
   * The group may name its disease with a parenthesis ("Patients with immune thrombocytopenia (ITP)", "… with ITP
   * (primary or secondary)") and a clause whose names are indifferent between commas ("Patients with ITP, with or
   * without prior splenectomy, may …", "…, regardless of prior therapy, …"): read whole, the disease and what is granted
   * had both been required, failing the patient with ITP and none of it (§59, §61).
   */
  private static final String MAY_HAVE_GROUP = "(?:\\s+(?:with|who\\s+(?:have|had)|diagnosed\\s+with|having|affected\\s+by)\\s+"
      + GROUP_WORDS + "{1,60}?(?:\\s*\\((?![^()]*(?:[≥≤<>]|\\d))[^()]{1,40}\\)" + GROUP_WORDS + "{0,40}?)?"
      + "(?:\\s*,\\s*(?:with\\s+or\\s+without|regardless\\s+of|irrespective\\s+of)\\s+[^;:.,()\\[\\]]{1,60}?\\s*,)?)?";

  /**
   * A grant whose modal names what patients may have had or be on: "Patients may have received prior rituximab",
   * "Subjects can be on concomitant corticosteroids", "Participants may continue hydroxyurea". Read as a requirement,
   * it failed every patient who never had the drug.
   */
  private static final Pattern MAY_HAVE = Pattern.compile("^\\s*(?:all\\s+)?(?:patients|subjects|participants)"
      + "(?<group>" + MAY_HAVE_GROUP + ")\\s+(?:may|can|could|(?:are|is)\\s+(?:also\\s+)?(?:allowed|permitted)\\s+to)\\s+"
      + "(?:also\\s+|still\\s+)?"
      + "(?:have\\s+(?:received|had|undergone|been\\s+(?:treated|exposed|on))"
      + "|(?<current>be\\s+(?:on|receiving|taking|using|treated)|continue(?:\\s+to\\s+(?:receive|take|use))?"
      + "|remain\\s+on)|receive|use|take)\\b");
  /**
   * Where a grant's condition begins: "… provided the dose has been stable for 4 weeks", "… but must be on a stable
   * dose for ≥ 4 weeks", "… if started at least 3 months before screening", "(at least 3 months before enrollment)".
   * The words after it say when the grant holds; a number there limits the grant, never the patient without it.
   */
  private static final Pattern CONDITION = Pattern.compile("\\s*[,(;]?\\s*\\b(?:if|provided|providing|as long as"
      + "|so long as|when|once|only if|unless|at the (?:\\S+\\s+){0,2}?discretion|but"
      + "|at (?:a |the )?(?:stable|constant|same|unchanged)\\b"
      + "|on (?:a )?stable)\\b|\\s+(?=(?:within|in the (?:last|past|preceding))\\s+\\d)"
      + "|\\s*\\(?\\s*(?=(?:at least|≥|>|more than|no less than)\\s*\\d+\\s*(?:days?|weeks?"
      + "|months?|years?)\\s+(?:before|prior)\\b)");
  /**
   * A count that caps what a patient may have had: "Patients can have had one prior splenectomy", "up to 2 courses".
   * A patient who had none meets the cap whatever it is.
   */
  private static final Pattern CEILING = Pattern.compile("(?:(?:up\\s+to|at\\s+most|(?:a\\s+)?maximum(?:\\s+of)?"
      + "|no\\s+more\\s+than|not\\s+more\\s+than|[≤<]=?)\\s*)?(?:\\b(?:one|two|three|four|five|a\\s+single|single)\\b"
      + "|\\d+(?![\\d.,]*\\s*(?:mg|mcg|µg|μg|g|iu|units?|%|days?|weeks?|months?|years?)\\b))");
  /** Words that may stand beside the capped name and say nothing else: "one prior course of". */
  private static final Pattern CEILING_FILLER = Pattern.compile("\\b(?:prior|previous|earlier|course|courses|of|a|an"
      + "|the|treatment|treatments|with|dose|doses|procedure|procedures)\\b|[\\s.;:,()]+");
  /**
   * The same grant with the drug in its subject: "Patients on ibrutinib may continue", "Subjects already on iron
   * chelation may continue at a stable dose", "Patients currently on deferasirox may remain on it", "Patients on iron
   * chelation therapy are allowed to continue". Read as a requirement, the drug was required: in the inclusion list
   * every patient never on it failed.
   */
  private static final Pattern GROUP_MAY_CONTINUE = Pattern.compile("^\\s*(?:all\\s+)?(?:patients|subjects|participants)"
      + "\\s+(?:(?:who|that)\\s+(?:are|were)\\s+|(?:who|that)\\s+(?=(?:take|receive|use)\\b))?"
      + "(?:(?:already|currently|presently)\\s+)?(?:on|receiving|taking|using|take|receive|use"
      + "|treated\\s+with)\\s+[^;:.]{1,80}?\\s+(?:(?:may|can|could)|(?:are|is|will\\s+be)\\s+(?:allowed|permitted)\\s+to)"
      + "\\s+(?:also\\s+|still\\s+)?(?:continue|remain\\s+on|stay\\s+on)\\b"
      // what may follow: what they continue, at which dose, in or during the study, a condition on it; not "but must
      // …", not another clause. "… may continue the study drug", "… may continue in the study", "… may continue to take
      // it", "… may continue their medication during the trial" had required the drug (§55)
      + "(?:\\s+(?:(?:on\\s+|with\\s+)?(?:it|them|treatment|therapy|this|(?:their|the|a)\\s+(?:(?:current|stable|same"
      + "|usual|prescribed|existing|background|regular)\\s+)?(?:doses?|regimen|treatment|therapy|medications?|drugs?))"
      + "|at\\s+(?:a|the|their)\\s+(?:stable|current|same)\\s+(?:doses?|regimen)"
      + "|(?:to\\s+)?(?:take|receive|use|taking|using|receiving)\\s+(?:it|them)"
      // "… may continue to do so during the study" (§61)
      + "|to\\s+do\\s+so|doing\\s+so"
      + "|(?:(?:in|on|with|into|during|throughout|for)\\s+)?(?:the\\s+|this\\s+|their\\s+)?(?:study|trial)(?:\\s+(?:drugs?"
      + "|treatment|medication|therapy|participation|period|enrol+ment))?"
      + "|(?:during|throughout)\\s+(?:the\\s+)?(?:treatment|screening)(?:\\s+period)?"
      + "|while\\s+(?:on\\s+(?:the\\s+)?(?:study|trial)|participating)))*"
      // "…, except those with hepatic impairment": an exception to the grant, for the trial team like a condition (§50)
      + "(?:\\s*,?\\s*(?:if|provided|providing|as long as|so long as|when|with|at the discretion|according to|per"
      + "|except|excluding|unless)\\b"
      + "(?![^;]*\\bbut\\b).*)?[\\s.;)]*$");
  /** The verb of the grant in {@link #GROUP_MAY_CONTINUE}, and the words of its subject that name no drug. */
  private static final Pattern CONTINUE_VERB = Pattern.compile("\\b(?:continue|remain\\s+on|stay\\s+on)\\b");
  private static final Pattern NEXT_WORD = Pattern.compile("\\s+([\\p{L}\\d-]+)");
  private static final java.util.Set<String> RESTATED_FILLER = java.util.Set.of("their", "the", "this", "that", "same",
      "current", "stable", "dose", "doses", "of", "a", "to", "take", "receive", "use", "taking", "receiving", "using",
      "on", "with"); // "… may continue on hydroxyurea throughout the study", "… with danazol" (§61)
  private static final java.util.Set<String> SUBJECT_WORDS = java.util.Set.of("all", "patients", "subjects",
      "participants", "who", "that", "are", "were", "already", "currently", "presently", "on", "receiving", "taking",
      "using", "take", "receive", "use", "treated", "with", "may", "can", "could", "is", "will", "be", "allowed",
      "permitted", "to", "also", "still");

  /**
   * {@link #GROUP_MAY_CONTINUE}, also when the grant names the drug again after its verb: "Patients on ibrutinib may
   * continue ibrutinib", "Patients receiving hydroxyurea may continue their hydroxyurea at a stable dose". Read as a
   * requirement, the drug named twice had been required (in the inclusion list every patient never on it failed). The
   * words after the verb are set aside only when each is a word of the subject's drug (or "their", "the" …).
   */
  static boolean groupMayContinue(String lower) {
    if (GROUP_MAY_CONTINUE.matcher(lower).matches()) return true;
    Matcher verb = CONTINUE_VERB.matcher(lower);
    if (!verb.find()) return false;
    java.util.Set<String> drug = new java.util.HashSet<>();
    for (String w : lower.substring(0, verb.start()).split("[^\\p{L}\\d-]+")) {
      if (!w.isEmpty() && !SUBJECT_WORDS.contains(w) && !RESTATED_FILLER.contains(w)) drug.add(w);
    }
    Matcher words = NEXT_WORD.matcher(lower);
    int end = verb.end();
    boolean named = false;
    while (words.region(end, lower.length()).lookingAt()
        && (drug.contains(words.group(1)) || RESTATED_FILLER.contains(words.group(1)))) {
      named |= drug.contains(words.group(1));
      end = words.end();
    }
    return named && GROUP_MAY_CONTINUE.matcher(lower.substring(0, verb.end()) + lower.substring(end)).matches();
  }

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

  /** "Previous splenectomy is not an exclusion", "Prior rituximab is not exclusionary": a grant written as a denial. */
  private static final Pattern NOT_EXCLUDING = Pattern.compile("(?!\\s*(?:no|none|neither)\\b)(?<subject>[^;:]+?)\\s+"
      + "(?:is|are|will|does|do|shall|would)\\s+not\\s+(?:be\\s+)?(?:considered\\s+)?(?:an?\\s+)?"
      + "(?:exclusion(?:ary)?|excluded|exclusion\\s+criteri(?:on|a)|reason\\s+for\\s+exclusion|contraindications?"
      + "|exclude(?:\\s+(?:patients|subjects|participants|them))?)"
      + "(?:\\s+(?:for|from|to)\\s+(?:the\\s+|this\\s+)?(?:study|trial|enrol+ment|participation|inclusion|entry))?[\\s.;:]*");
  /** "Any transfusion status", "Any HLA status (positive or negative)": every status is granted. */
  private static final Pattern ANY_STATUS = Pattern.compile("\\s*(?:any|all)\\s+(?:[\\p{L}\\d/-]+\\s+){1,3}"
      + "status(?:es)?(?:\\s*\\([^()]*\\))?(?:\\s+(?:is|are)\\s+(?:allowed|permitted|acceptable|eligible))?[\\s.;:]*");
  /** "Regardless of transfusion status", "Irrespective of prior splenectomy" as a sentence of its own. */
  private static final Pattern REGARDLESS_ALONE = Pattern.compile("\\s*(?:regardless|irrespective)\\s+of\\s+"
      + "[^,;:≥≤<>\\d]+");
  /** A subject that speaks of what goes on now: "Patients receiving hydroxyurea", "Concomitant prednisone". */
  private static final Pattern NOW_WORDS = Pattern.compile("\\b(?:receiving|on|taking|using|concurrent|concomitant"
      + "|current|currently|ongoing|stable|continu\\w*|remain\\w*)\\b");
  private static final Pattern PAST_WORDS = Pattern.compile("\\b(?:prior|previous|previously|history|had|received"
      + "|treated|undergone|past|earlier)\\b");

  @Override
  public void read(Sentence s) {
    Matcher notExcluding = NOT_EXCLUDING.matcher(s.lower);
    if (ANY_STATUS.matcher(s.lower).matches() || REGARDLESS_ALONE.matcher(s.lower).matches()
        || notExcluding.matches() && !CLAUSE_IN_SUBJECT.matcher(notExcluding.group("subject")).find()
            && !CONDITION.matcher(notExcluding.group("subject")).find()
        || groupMayContinue(s.lower)
            && !MAY_HAVE_LIMIT.matcher(GRANT_QUALIFIER.matcher(s.lower).replaceAll(" ")).find()) {
      // "Any transfusion status" had required a transfusion (in the exclusion list, excluded everyone transfused);
      // "Previous splenectomy is not an exclusion" was asked as a negation not understood
      // "Patients on ibrutinib may continue" had required ibrutinib: the drug in the subject is granted
      s.settle(new ScreeningConfirmation(s.text));
      return;
    }
    Matcher may = MAY_HAVE.matcher(s.lower);
    // a group's grant that names nothing after its verb ("Patients with ITP may continue but", the group of "… but must
    // have …" read alone) is left to the other passes
    if (may.lookingAt() && (may.group("group").isEmpty() || !namesNothing(s, may.end()))) {
      Matcher condition = CONDITION.matcher(s.lower).region(may.end(), s.lower.length());
      int grantEnd = condition.find() ? condition.start() : s.lower.length();
      String granted = s.lower.substring(0, grantEnd);
      boolean conditional = grantEnd < s.lower.length();
      String limits = CEILING_VERB.matcher(s.lower).lookingAt() ? s.lower
          : GRANT_QUALIFIER.matcher(granted).replaceAll(" ");
      boolean capped = false;
      if (!CEILING_VERB.matcher(s.lower).lookingAt()) {
        Matcher ceiling = CEILING.matcher(limits);
        capped = ceiling.find();
        limits = ceiling.replaceAll(" ");
      }
      if (!MAY_HAVE_LIMIT.matcher(limits).find()) {
        boolean now = may.group("current") != null;
        Matcher but = BUT.matcher(s.lower).region(grantEnd, s.lower.length());
        if (conditional && but.find() && namesOther(s, may.end(), grantEnd, but.start())) {
          // "Patients may continue corticosteroids but must discontinue eltrombopag", "… prior rituximab, but not
          // eltrombopag": the clause after "but" is a requirement of its own, on everyone; read as the grant's
          // condition, it passed every patient on eltrombopag who takes no corticosteroids
          s.settle(new Unparsed("a requirement after \u201cbut\u201d that names what the grant does not"));
          return;
        }
        Rule withCondition = conditional || capped ? conditional(s, may.end(), grantEnd, now) : null;
        boolean inclusion = s.type == CriterionType.INCLUSION;
        if (capped) {
          // "Patients may have received at most 2 prior therapies": a limit on what no name counts, left as it was
          if (withCondition == null) return;
          // "Patients can have had one prior splenectomy": the patient who had none meets the cap; one who had it is
          // asked. "… up to 2 prior lines of therapy, including rituximab": the cap counts more than what is named,
          // so the patient without rituximab is no answer: asked, never required
          s.settle(!inclusion ? new ScreeningConfirmation(s.text) : plainCap(s, may.end(), grantEnd) ? withCondition
              : new Unparsed("a count of what patients may have had, not only of what it names"));
          return;
        }
        s.settle(withCondition != null && inclusion ? withCondition : new ScreeningConfirmation(s.text));
        return;
      }
    }
    if (mayHaveDisease(s)) return;
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
    Matcher tail = TAIL.matcher(s.lower).region(grant.end(), s.lower.length());
    if (!tail.matches()) return;
    // "Patients on warfarin may continue but", the group of "… but must have INR < 3" read alone: no grant's
    // condition follows the "but"; read as a grant, the group's own drug was met by every patient off it
    if (tail.group("cond") != null && DANGLING_BUT.matcher(tail.group("cond")).matches()) return;
    // "Patients on warfarin may continue but must have INR < 3": what the group on the drug must meet, read as a
    // requirement of that group by the other passes (a patient not on warfarin meets it)
    if (tail.group("cond") != null && GROUP_ON.matcher(subject).lookingAt()
        && BUT_MUST.matcher(s.lower).region(grant.end(), s.lower.length()).lookingAt()) {
      return;
    }
    Matcher but = BUT.matcher(s.lower).region(grant.end(), s.lower.length());
    if (tail.group("cond") != null && but.find() && namesOther(s, 0, grant.start(), but.start())) {
      // "Patients with prior rituximab are eligible, but patients on eltrombopag are excluded": a requirement of its
      // own after the grant, asked (read by the other passes it required both drugs)
      s.settle(new Unparsed("a requirement after \u201cbut\u201d that names what the grant does not"));
      return;
    }
    Rule withCondition = tail.group("cond") != null && s.type == CriterionType.INCLUSION
        ? conditional(s, 0, grant.start(), NOW_WORDS.matcher(subject).find() && !PAST_WORDS.matcher(subject).find())
        : null;
    if (withCondition == null && tail.group("cond") != null && s.type == CriterionType.INCLUSION) {
      // "Patients with HIV are eligible but must have CD4 > 200", "… eligible if CD4 > 200": as a screening note the
      // patient with HIV and a CD4 count of 150 was admitted unasked
      withCondition = diseaseCondition(s, 0, grant.start());
    }
    s.settle(withCondition != null ? withCondition : new ScreeningConfirmation(s.text));
  }

  /**
   * "Patients may have HIV infection", "Subjects may also have autoimmune hemolytic anemia", "Patients can have a history
   * of DVT": a disease patients may have is granted, as "may have had" is. Read as a requirement, every patient without
   * the disease failed it in the inclusion list. Where the sentence goes on with a condition ("… if on antiviral
   * therapy") the patient with the disease is asked; where a "but" names another ("Patients may have ITP but not TTP")
   * the sentence is asked. Whether the sentence was settled.
   */
  private static boolean mayHaveDisease(Sentence s) {
    Matcher may = MAY_HAVE_DISEASE.matcher(s.lower);
    if (!may.lookingAt()) return false;
    Matcher condition = CONDITION.matcher(s.lower).region(may.end(), s.lower.length());
    int grantEnd = condition.find() ? condition.start() : s.lower.length();
    if (MAY_HAVE_LIMIT.matcher(s.lower.substring(may.end(), grantEnd)).find()) return false;
    Rule diseases = diseaseCondition(s, may.end(), grantEnd);
    boolean conditional = grantEnd < s.lower.length();
    if (diseases == null && !conditional && !may.group("group").isEmpty() && namesNothing(s, may.end())) {
      // "Patients with ITP can also have hypothyroidism": what the group may have names nothing the record holds; read
      // by the other passes the group's disease was required beside the unread words
      s.settle(new ScreeningConfirmation(s.text));
      return true;
    }
    if (diseases == null) return false;
    Matcher but = BUT.matcher(s.lower).region(grantEnd, s.lower.length());
    if (conditional && but.find() && namesOther(s, may.end(), grantEnd, but.start())) {
      s.settle(new Unparsed("a requirement after \u201cbut\u201d that names what the grant does not"));
    } else {
      s.settle(conditional && s.type == CriterionType.INCLUSION ? diseases : new ScreeningConfirmation(s.text));
    }
    return true;
  }

  /** Whether nothing from {@code from} on is a name the record may hold. */
  private static boolean namesNothing(Sentence s, int from) {
    for (ConceptMention m : s.mentions) if (m.end() > from) return false;
    return true;
  }

  /** "Patients may have …", "Subjects can also have …", not "may have received / had / undergone / been". */
  private static final Pattern MAY_HAVE_DISEASE = Pattern.compile("^\\s*(?:all\\s+)?(?:patients|subjects|participants)"
      + "(?<group>" + MAY_HAVE_GROUP + ")\\s+(?:may|can|could)\\s+(?:also\\s+|still\\s+)?have\\s+"
      + "(?!received|had|undergone|been|taken|used|to\\b|a\\s+"
      + "(?:platelet|hemoglobin|haemoglobin|neutrophil|ecog|karnofsky)|an?\\s+(?:\\S+\\s+)?(?:count|level|score|value)\\b)");

  /**
   * A grant of a disease with a condition, in the inclusion list: "Patients with HIV are eligible if CD4 > 200",
   * "Patients with a history of TTP are eligible but must be in remission". The patient who never had the disease meets
   * it; one who had it at any time is asked whether the condition holds. Null where what is granted, between
   * {@code from} and {@code to}, names anything but diseases.
   */
  private static Rule diseaseCondition(Sentence s, int from, int to) {
    List<ConceptMention> diseases = new ArrayList<>();
    for (ConceptMention m : s.mentions) {
      if (m.start() < from || m.end() > to || m.kind() == ConceptKind.MEASURE) continue;
      if (m.kind() != ConceptKind.CONDITION) return null;
      diseases.add(m);
    }
    if (diseases.isEmpty()) return null;
    String label = labels(diseases);
    return new AnyOf(List.of(new Not(new ConditionRule(ids(diseases), Set.of(), TimeWindow.EVER, label)),
        new Ask("The trial allows patients with " + label + " on a condition: does it hold for the patient? \u201c"
            + s.text + "\u201d")));
  }

  /**
   * A grant with a condition, in the inclusion list: "Patients may continue danazol provided the dose has been stable
   * for 4 weeks", "Prior splenectomy is allowed if performed at least 4 weeks before screening". The patient without
   * what is granted meets it; one with it is asked whether the condition holds. Only where what is granted, between
   * {@code from} and {@code to}, names drugs and procedures alone; otherwise null (the grant stays a screening note).
   */
  private static Rule conditional(Sentence s, int from, int to, boolean now) {
    List<ConceptMention> drugs = new ArrayList<>();
    List<ConceptMention> procedures = new ArrayList<>();
    for (ConceptMention m : s.mentions) {
      if (m.start() < from || m.end() > to || m.kind() == ConceptKind.MEASURE) continue;
      if (m.kind() == ConceptKind.DRUG) drugs.add(m);
      else if (m.kind() == ConceptKind.PROCEDURE) procedures.add(m);
      else return null; // a disease or a vaccine granted on a condition: left a screening note
    }
    if (drugs.isEmpty() && procedures.isEmpty()) return null;
    List<Rule> named = new ArrayList<>();
    if (!drugs.isEmpty()) {
      named.add(new MedicationRule(ids(drugs), now ? MedicationTiming.CURRENT : MedicationTiming.EVER, labels(drugs)));
    }
    if (!procedures.isEmpty()) named.add(new ProcedureRule(ids(procedures), TimeWindow.EVER, labels(procedures)));
    Rule any = named.size() == 1 ? named.get(0) : new AnyOf(named);
    String label = labels(drugs.isEmpty() ? procedures : drugs);
    return new AnyOf(List.of(new Not(any), new Ask("The trial allows " + label + " on a condition: does it hold for "
        + "the patient? \u201c" + s.text + "\u201d")));
  }

  /** A clause of a grant's condition that opens with "but": "… but must …", "…, provided …, but not …". */
  private static final Pattern BUT = Pattern.compile("\\bbut\\b");

  /**
   * Whether the words from {@code after} on name something the grant, between {@code from} and {@code to}, does not:
   * another drug, procedure, disease or measure.
   */
  private static boolean namesOther(Sentence s, int from, int to, int after) {
    Set<String> granted = new LinkedHashSet<>();
    for (ConceptMention m : s.mentions) {
      if (m.start() >= from && m.end() <= to) granted.add(m.id());
    }
    for (ConceptMention m : s.mentions) {
      if (m.start() >= after && !granted.contains(m.id())) return true;
    }
    return false;
  }

  /** Whether a cap counts only what it names: nothing but the count, the names and their fillers. */
  private static boolean plainCap(Sentence s, int from, int to) {
    StringBuilder rest = new StringBuilder(s.lower.substring(from, to));
    for (ConceptMention m : s.mentions) {
      if (m.start() >= from && m.end() <= to) {
        for (int i = m.start(); i < m.end(); i++) rest.setCharAt(i - from, ' ');
      }
    }
    String left = CEILING.matcher(GRANT_QUALIFIER.matcher(rest.toString()).replaceAll(" ")).replaceAll(" ");
    return CEILING_FILLER.matcher(left).replaceAll("").isBlank();
  }

  private static Set<String> ids(List<ConceptMention> mentions) {
    Set<String> out = new LinkedHashSet<>();
    for (ConceptMention m : mentions) out.add(m.id());
    return out;
  }

  private static String labels(List<ConceptMention> mentions) {
    Set<String> out = new LinkedHashSet<>();
    for (ConceptMention m : mentions) out.add(ConceptRecogniser.label(m));
    return String.join(" or ", out);
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
