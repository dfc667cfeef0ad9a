package org.eligo.criteria.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/**
 * Sentences whose subject is a group of patients and whose verb says what becomes of them, not what they have:
 * <ul>
 *   <li>a denial: "Patients with HIV must not be enrolled", "… should be excluded", "… are not allowed to participate
 *       in this study", "HIV-positive patients are not eligible", "… are ineligible": the group is excluded, in either
 *       list (in the inclusion list the rule is {@code not(group)}); a condition after it ("… unless their viral load
 *       is undetectable") narrows whom it excludes;</li>
 *   <li>a grant to some and no one else: "Only patients with severe aplastic anemia are eligible": the group is
 *       required (in the exclusion list, as any requirement written there, it excludes only those who fail it);</li>
 *   <li>a negated requirement: "Patients must not have received rituximab within 6 months", "Subjects cannot have
 *       active hepatitis B": {@code not(what)};</li>
 *   <li>words before the subject that name no group ("Eligible patients must have …"), and group words that name a
 *       concept ("Diabetic patients", "Anticoagulated patients").</li>
 * </ul>
 * "Patients may not participate in another study" stays a question of other studies: its place is "another study",
 * not this one.
 */
final class GroupSentences {
  private GroupSentences() {}

  /** Nouns for people as the subject of a sentence. */
  static final String PEOPLE = "(?:patients?|subjects?|participants?|individuals?|persons?|people|those|women|men"
      + "|females|males|children|adults|adolescents|candidates|anyone|recipients|pts)";

  /** A subject with at most three words before its noun: "Patients with HIV", "HIV-positive patients". */
  private static final Pattern SUBJECT = Pattern.compile("(?i)^\\s*(?:(?:all|any)\\s+)?(?:[\\p{L}\\d][\\p{L}\\d+/'-]*"
      + "\\s+(?:(?:or|and|and/or)\\s+)?){0,3}?" + PEOPLE + "\\b");
  /** A subject that denies ("No patients …"), restricts ("Only patients …"), or holds a clause of its own. */
  private static final Pattern NOT_A_PLAIN_SUBJECT = Pattern.compile("(?i)^\\s*(?:no|none|neither|only)\\b|;|\\bwhich\\b"
      + "|\\bmust\\b|\\bshould\\b|\\bexcept\\b|\\bunless\\b|\\bif\\b|\\beligible\\b|\\bexcluded\\b");

  /** The verb of a denial: "must not be enrolled", "should be excluded", "are not eligible", "are ineligible". */
  private static final String DENY = "(?:(?:(?:must|should|shall|will|would|may|can|could|are\\s+to|is\\s+to)\\s+"
      + "(?:not|never)|cannot|can't|won't|mustn't|shouldn't|(?:are|is|will\\s+be)\\s+(?:not|never))\\s+(?:be\\s+)?"
      + "(?:enrol+ed|included|eligible|allowed|permitted|recruited|randomi[sz]ed|accepted|admitted|acceptable"
      + "|considered(?:\\s+eligible)?|participate|enrol+|take\\s+part|join|enter|(?:suitable\\s+)?candidates|suitable)"
      + "|(?:(?:must|should|shall|will|are\\s+to|is\\s+to)\\s+be|are|is)\\s+(?:excluded|ineligible))";
  /** Where: "to participate in this study", "from the trial", "for enrolment". Another study is not this one. */
  private static final String WHERE = "(?:\\s+(?:to\\s+(?:participate|enrol+|take\\s+part|join|enter|be\\s+(?:enrol+ed"
      + "|included|randomi[sz]ed))|from\\s+(?:participati(?:on|ng)|enrol+(?:ment|ing)|inclusion)))?(?:\\s+(?:in|into"
      + "|from|for|on)\\s+(?:the|this)\\s+(?:present\\s+|current\\s+)?(?:clinical\\s+)?(?:study|trial|protocol"
      + "|research))?(?:\\s+for\\s+(?:enrol+ment|inclusion|participation))?";
  private static final Pattern DENIAL = Pattern.compile("(?i)^\\s*(?<who>.+?)\\s*,?\\s+" + DENY + WHERE
      + "(?:\\s*[,(]?\\s*(?<cond>(?<word>unless|if|except\\s+(?:if|when|where)|when|provided)\\b.+?))?[\\s.;:)]*$");

  /** "Only patients with SAA are eligible": the group is required. */
  private static final Pattern ONLY = Pattern.compile("(?i)^\\s*only\\s+(?<who>.+?)\\s*,?\\s+(?:(?:are|is|will\\s+be"
      + "|may\\s+be|can\\s+be|shall\\s+be)\\s+(?:eligible|included|enrol+ed|allowed|permitted|accepted|recruited"
      + "|randomi[sz]ed|considered(?:\\s+eligible)?)|(?:may|can|will|shall)\\s+(?:participate|enrol+|take\\s+part"
      + "|enter|join))" + WHERE + "[\\s.;:)]*$");

  /** "Patients with HIV are eligible only if their CD4 count is &gt; 350": a requirement for the group. */
  private static final Pattern ONLY_IF = Pattern.compile("(?i)^\\s*(?<who>.+?)\\s*,?\\s+(?:are|is|will\\s+be|may\\s+be"
      + "|can\\s+be|shall\\s+be)\\s+(?:eligible|included|enrol+ed|allowed|permitted|accepted)" + WHERE
      + "\\s*,?\\s+(?:but\\s+)?only\\s+(?:if|when|provided(?:\\s+that)?)\\s+(?<what>\\S.+?)[\\s.;:]*$");
  /** "Patients" alone: a requirement for everyone. */
  private static final Pattern EVERYONE = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:patients|subjects|participants"
      + "|individuals)\\s*$");
  /** "Excluded: patients with HIV", "Excluded are …", "The following patients will be excluded: …". */
  private static final Pattern EXCLUDED_FIRST = Pattern.compile("(?i)^\\s*(?:(?:excluded|ineligible|not\\s+eligible)"
      + "\\s*(?::|\\s+(?:are|is)\\b)|(?:the\\s+following\\s+)?(?:patients|subjects|participants)\\s+(?:will|shall|are"
      + "\\s+to|must|should)\\s+be\\s+excluded\\s*:)\\s*(?<who>\\S.*)$");

  /**
   * "Patients must not …", "Subjects cannot …": a negated requirement for every patient; the subject may be left out
   * ("Must not have received romiplostim within 4 weeks before randomization").
   */
  static final Pattern EVERYONE_MUST_NOT = Pattern.compile("(?i)^\\s*(?:(?:all\\s+)?(?:patients|subjects|participants"
      + "|individuals|the\\s+patient|the\\s+subject|(?<women>women|females|female\\s+(?:patients|subjects"
      + "|participants)))\\s+)?(?:(?:must|should|shall|may|will|are\\s+to|is\\s+to)\\s+(?:not"
      + "|never)|(?<can>cannot|can\\s+not|can't)|mustn't|shouldn't|won't)\\s+(?<what>\\S.*)$");
  /** The time on study: "during the study", "throughout the trial", "on study", "for the duration of the study". */
  private static final Pattern ON_STUDY = Pattern.compile("(?i)\\b(?:(?:during|throughout|for\\s+the\\s+duration\\s+of"
      + "|over\\s+the\\s+course\\s+of)\\s+(?:the\\s+)?(?:study|trial|treatment\\s+period|study\\s+period|participation"
      + "|study\\s+participation|study\\s+treatment|treatment\\s+phase)|on[- ]study|after\\s+(?:enrol+ment"
      + "|randomi[sz]ation))\\b");
  /** A clause that excepts from the negation ("… unless refractory") or another requirement ("… and must have"). */
  private static final Pattern OUTSIDE_THE_NEGATION = Pattern.compile("(?i)\\b(?:unless|if|provided|providing|when"
      + "|whereas|while|but|except\\s+(?:if|when|where|in|for)|must|should|shall|needs?\\s+to|cannot|may)\\b|;");
  private static final Pattern LIST = Pattern.compile("(?i)\\bfollowing\\b|:");
  private static final Pattern AND = Pattern.compile("(?i)\\band\\b|\\band/or\\b");

  /** What a negated requirement may not hold: being enrolled is a denial's, not a requirement's. */
  private static final Pattern ENROLMENT = Pattern.compile("(?i)^(?:be\\s+)?(?:enrol+|eligible|included|allowed"
      + "|permitted|recruited|randomi|accepted|admitted|considered|participate|take\\s+part|join|enter|excluded)");

  /** "Patients need to have …", "Subjects have to be …": the same requirement as "must". */
  private static final Pattern NEED_TO = Pattern.compile("(?i)^(\\s*(?:all\\s+)?(?:patients|subjects|participants"
      + "|individuals)\\s+)(?:needs?\\s+to|ha(?:ve|s)\\s+to|will\\s+(?:need|have)\\s+to)\\s+(?=\\S)");

  /** "Concomitant use of warfarin is not permitted", "Prior rituximab is not allowed": a drug forbidden. */
  private static final Pattern THING_DENIED = Pattern.compile("(?i)^\\s*(?<what>\\S.*?)\\s*,?\\s+(?:is|are)\\s+(?:not"
      + "\\s+(?:permitted|allowed|acceptable)|prohibited|forbidden)[\\s.;:)]*$");

  /** "Patients need to have ECOG 0-2" → "Patients must have ECOG 0-2"; anything else as written. */
  static String needToAsMust(String sentence) {
    Matcher m = NEED_TO.matcher(sentence);
    return m.lookingAt() ? m.group(1) + "must " + sentence.substring(m.end()) : sentence;
  }

  /**
   * The rule of a sentence that forbids a drug ("Concomitant use of strong CYP3A4 inhibitors is not permitted"), or
   * null. Only drugs: a procedure or a diagnosis read without a time ("Transfusion is not allowed") would be any in
   * the patient's life, which is not what such a sentence forbids.
   */
  static Rule drugForbidden(String sentence, CriterionType type, BiFunction<String, CriterionType, Rule> reader) {
    Matcher m = THING_DENIED.matcher(sentence);
    if (!m.matches() || SUBJECT.matcher(m.group("what")).lookingAt()
        || NOT_A_PLAIN_SUBJECT.matcher(m.group("what")).find()) {
      return null;
    }
    Rule drug = reader.apply(m.group("what"), CriterionType.EXCLUSION);
    // "Concomitant use of warfarin": the drug now, and a question whether it counts
    boolean asked = drug instanceof AllOf a && a.rules().size() == 2 && a.rules().get(1) instanceof Ask
        && onlyDrugs(a.rules().get(0));
    if (!asked && !onlyDrugs(drug)) return null;
    return type == CriterionType.EXCLUSION ? drug : CriterionParser.negate(drug);
  }

  private static boolean onlyDrugs(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.MedicationRule r -> true;
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().allMatch(GroupSentences::onlyDrugs);
      default -> false;
    };
  }

  /** Words before the subject's noun that name no group, when a requirement follows: "Eligible patients must …". */
  private static final Pattern NO_GROUP_WORDS = Pattern.compile("(?i)^\\s*(?:(?:eligible|enrolled|evaluable|potential"
      + "|prospective|participating|consenting|included|study|trial|recruited|registered|randomi[sz]ed|screened"
      + "|selected)\\s+)+(?=(?:patients|subjects|participants|individuals|persons|people|pts)\\s+(?:must|should|shall"
      + "|needs?\\s+to|have\\s+to|has\\s+to|are\\s+required\\s+to|is\\s+required\\s+to|will\\s+need\\s+to|cannot"
      + "|can\\s+not|may\\s+not|will\\s+not|are|is|have|has|with|who)\\b)");

  /** Group words the terminology does not list, and the words that name the concept: "diabetic" is diabetes. */
  private static final Map<String, String> GROUP_WORDS = Map.of(
      "diabetic", "with diabetes mellitus",
      "anticoagulated", "receiving anticoagulants",
      "splenectomized", "with prior splenectomy",
      "splenectomised", "with prior splenectomy",
      "hypertensive", "with hypertension");
  private static final Pattern GROUP_WORD = Pattern.compile("(?i)^\\s*(?<all>(?:all\\s+)?)(?<adj>[\\p{L}-]+)\\s+(?<noun>"
      + PEOPLE + ")\\b(?<rest>.*)$", Pattern.DOTALL);

  /** The sentence without words before its subject that name no group: "Eligible patients must" → "patients must". */
  static String withoutNoGroupWords(String sentence) {
    Matcher m = NO_GROUP_WORDS.matcher(sentence);
    if (!m.lookingAt()) return sentence;
    String rest = sentence.substring(m.end());
    return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
  }

  /** "Diabetic patients" → "patients with diabetes mellitus"; other groups as written. */
  static String groupWords(String who) {
    Matcher m = GROUP_WORD.matcher(who);
    if (!m.matches()) return who;
    String words = GROUP_WORDS.get(m.group("adj").toLowerCase(Locale.ROOT));
    if (words == null) return who;
    return m.group("all") + m.group("noun") + " " + words + m.group("rest");
  }

  /** "Diabetic patients", "Anticoagulated patients." as a whole criterion: the group's concept; anything else as written. */
  static String bareGroupWords(String sentence) {
    Matcher m = GROUP_WORD.matcher(sentence);
    if (!m.matches() || !m.group("rest").matches("[\\s.;:]*")) return sentence;
    return groupWords(sentence);
  }

  /**
   * The rule of a sentence that denies a group ("… are not eligible") or admits only one ("Only … are eligible"), or
   * null when it is neither. {@code reader} reads a part of the sentence as a criterion of the given type.
   */
  static Rule denialOrOnly(String sentence, CriterionType type, BiFunction<String, CriterionType, Rule> reader) {
    boolean exclusion = type == CriterionType.EXCLUSION;
    // "Prior splenectomy is not required": it requires nothing (as a grant, DECISIONS 15)
    if (notRequired(sentence)) return new ScreeningConfirmation(sentence);
    Matcher m = ONLY.matcher(sentence);
    if (m.matches() && SUBJECT.matcher(m.group("who")).lookingAt()
        && !NOT_A_PLAIN_SUBJECT.matcher(m.group("who")).find()) {
      Rule required = reader.apply(groupWords(m.group("who")), CriterionType.INCLUSION);
      if (required instanceof ScreeningConfirmation || required instanceof Unparsed
          || (exclusion && CriterionParser.hasUnread(required))) {
        return new Unparsed("only some patients admitted (\u201c" + m.group("who") + "\u201d), not understood in full");
      }
      // in the exclusion list a requirement excludes only a patient who fails it (DECISIONS 15)
      return exclusion ? CriterionParser.negate(required) : required;
    }
    m = EXCLUDED_FIRST.matcher(sentence);
    if (m.matches() && !NOT_A_PLAIN_SUBJECT.matcher(m.group("who")).find()) {
      Rule group = reader.apply(m.group("who"), CriterionType.EXCLUSION);
      if (group instanceof ScreeningConfirmation) return new ScreeningConfirmation(sentence);
      if (group instanceof Unparsed) return new Unparsed("those excluded (\u201c" + m.group("who") + "\u201d) not understood");
      return exclusion ? group : CriterionParser.negate(group);
    }
    m = ONLY_IF.matcher(sentence);
    if (m.matches() && SUBJECT.matcher(m.group("who")).lookingAt()
        && !NOT_A_PLAIN_SUBJECT.matcher(m.group("who")).find()) {
      return onlyIf(m.group("who"), m.group("what"), exclusion, reader);
    }
    m = ELIGIBLE_IF.matcher(sentence);
    if (m.matches() && SUBJECT.matcher(m.group("who")).lookingAt()
        && !NOT_A_PLAIN_SUBJECT.matcher(m.group("who")).find()
        && virusTestCondition(m.group("what"), reader.apply(m.group("what"), CriterionType.INCLUSION))) {
      String what = m.group("what");
      return once(onlyIf(m.group("who"), what, exclusion,
          (text, t) -> text.equals(what) ? rnaAsLoad(text, reader.apply(text, t)) : reader.apply(text, t)));
    }
    Rule drug = drugForbidden(sentence, type, reader);
    if (drug != null) return drug;
    m = DENIAL.matcher(sentence);
    if (!m.matches() || !SUBJECT.matcher(m.group("who")).lookingAt()
        || NOT_A_PLAIN_SUBJECT.matcher(m.group("who")).find()) {
      return exclusion ? unlessVirusTest(sentence, reader) : null;
    }
    Rule group = reader.apply(groupWords(m.group("who")), CriterionType.EXCLUSION);
    // "Patients who take part in another study are not eligible": other studies are for the screening visit
    if (group instanceof ScreeningConfirmation) return new ScreeningConfirmation(sentence);
    if (group instanceof Unparsed) {
      return new Unparsed("a group denied (\u201c" + m.group("who") + "\u201d), not understood");
    }
    Rule excluded = group;
    if (m.group("cond") != null) {
      String word = m.group("word").toLowerCase(Locale.ROOT);
      String clause = m.group("cond").substring(m.group("word").length()).strip();
      Rule condition = reader.apply(clause, CriterionType.INCLUSION);
      if (condition instanceof ScreeningConfirmation || CriterionParser.hasUnread(condition)) {
        condition = new Unparsed("a condition on whom the sentence excludes: \u201c" + m.group("cond") + "\u201d");
      } else if (!word.equals("if") && !word.equals("when") && !word.equals("provided")) {
        condition = CriterionParser.negate(condition); // "unless", "except if": excluded when it does not hold
      }
      excluded = new AllOf(List.of(group, condition));
    }
    return exclusion ? excluded : CriterionParser.negate(excluded);
  }

  /**
   * "HCV antibody positive patients are eligible if HCV RNA is undetectable", "Patients with positive anti-HBc may
   * enroll if HBV DNA is undetectable", "HIV-positive patients are eligible provided HIV-1 RNA is below the limit of
   * detection": a group granted on a result of a test for the virus is what the group must meet, as with "only if"
   * ({@link #onlyIf}). Read as a grant with a question, the patient whose record shows the antibody and an undetectable
   * RNA was only asked; one whose RNA is detectable now was asked too. Only where the condition is a virus test read in
   * full ({@link #virusTestCondition}); any other condition stays the grant's question (PermissionRecogniser).
   */
  private static final Pattern ELIGIBLE_IF = Pattern.compile("(?i)^\\s*(?<who>.+?)\\s*,?\\s+(?:(?:are|is|will\\s+be"
      + "|may\\s+be|can\\s+be|shall\\s+be)\\s+(?:eligible|included|enrol+ed|allowed|permitted|accepted)|(?:may|can)"
      + "\\s+(?:enrol+|participate|be\\s+(?:enrol+ed|included)))" + WHERE + "\\s*,?\\s+(?:if|when|provided(?:\\s+that)?"
      + "|as\\s+long\\s+as)\\s+(?<what>\\S.+?)[\\s.;:]*$");

  /**
   * An exclusion with an exception on a virus test: "Positive HCV antibody unless HCV RNA is undetectable", "Positive
   * anti-HBc, unless HBV DNA is undetectable", "HIV seropositive except if HIV-1 RNA is below the limit of detection":
   * {@code allOf(what, not(exception))}. Asked as a whole, the patient with the antibody and a detectable RNA was only
   * asked. Null (read as before: the exception asked) where what it excepts names alternatives ("HBsAg-positive or
   * anti-HBc-positive (unless HBV DNA undetectable)": the exception may bind the last one only), is not read in full,
   * or the exception is anything but a virus test read in full.
   */
  private static final Pattern UNLESS_VIRUS_TEST = Pattern.compile("(?i)^\\s*(?<what>[^;()]+?)\\s*,?\\s*\\(?\\s*"
      + "(?:unless|except\\s+(?:if|when|where))\\s+(?<cond>[^;()]+?)\\s*\\)?[\\s.;]*$");
  private static final Pattern ALTERNATIVES = Pattern.compile("(?i)\\bor\\b|\\band/or\\b|,");
  /** Words that name a test for the virus itself. */
  private static final Pattern VIRUS_TEST = Pattern.compile("(?i)\\b(?:dna|rna|viral\\s+loads?|pcr|viremia|viraemia)\\b");
  /** The infections a virus test's result is read as, where no viral-load rule reads it (HCV RNA, §10). */
  private static final java.util.Set<String> VIRUS_TEST_INFECTIONS = java.util.Set.of("hepatitis-b", "hepatitis-c",
      "hiv-infection");

  private static Rule unlessVirusTest(String sentence, BiFunction<String, CriterionType, Rule> reader) {
    Matcher m = UNLESS_VIRUS_TEST.matcher(sentence);
    if (!m.matches() || ALTERNATIVES.matcher(m.group("what")).find()) return null;
    Rule exception = reader.apply(m.group("cond"), CriterionType.INCLUSION);
    if (!virusTestCondition(m.group("cond"), exception)) return null;
    exception = rnaAsLoad(m.group("cond"), exception);
    Rule what = reader.apply(m.group("what"), CriterionType.EXCLUSION);
    if (what instanceof ScreeningConfirmation || CriterionParser.hasUnread(what)) return null;
    return once(new AllOf(List.of(what, CriterionParser.negate(exception))));
  }

  /**
   * The rule with an "all of" or "any of" whose parts are one rule written twice read as that rule: HCV RNA detectable
   * is read as current hepatitis C (§10), so "Positive HCV antibody unless HCV RNA is undetectable" names it twice.
   */
  private static Rule once(Rule rule) {
    List<Rule> parts = switch (rule) {
      case AllOf a -> a.rules();
      case org.eligo.core.rule.AnyOf a -> a.rules();
      default -> List.of();
    };
    return !parts.isEmpty() && parts.stream().distinct().count() == 1 ? parts.get(0) : rule;
  }

  private static final Pattern HCV_RNA = Pattern.compile("(?i)\\b(?:hcv|hepatitis\\s+c(?:\\s+virus)?)[\\s-]*rna\\b");

  /**
   * An HCV RNA in an exception or a grant's condition read as the load itself, not as current hepatitis C (§10): a
   * problem list keeps "chronic hepatitis C" after a cure, and a trial that admits an undetectable RNA must not exclude
   * such a patient on the diagnosis alone; with no recent RNA the condition is asked.
   */
  static Rule rnaAsLoad(String text, Rule rule) {
    if (!HCV_RNA.matcher(text).find()) return rule;
    org.eligo.core.rule.ViralLoadRule load = org.eligo.core.rule.ViralLoadRule.detectable("hcv-rna", "hepatitis-c",
        "HCV RNA");
    if (rule instanceof Not n && n.rule() instanceof org.eligo.core.rule.ConditionRule c
        && c.concepts().equals(java.util.Set.of("hepatitis-c"))) {
      return new Not(load);
    }
    if (rule instanceof org.eligo.core.rule.ConditionRule c && c.concepts().equals(java.util.Set.of("hepatitis-c"))) {
      return load;
    }
    return rule;
  }

  /**
   * Whether {@code text}, read as {@code rule}, is a result of a test for the virus and nothing else: it names one
   * (DNA, RNA, viral load, PCR) and its rule holds only viral loads, the infections such a result is read as, and
   * questions.
   */
  static boolean virusTestCondition(String text, Rule rule) {
    return VIRUS_TEST.matcher(text).find() && !CriterionParser.hasUnread(rule) && virusTestOnly(rule)
        && !(rule instanceof Ask);
  }

  private static boolean virusTestOnly(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.ViralLoadRule v -> true;
      case org.eligo.core.rule.ConditionRule c -> VIRUS_TEST_INFECTIONS.containsAll(c.concepts());
      case Ask a -> true;
      case Not n -> virusTestOnly(n.rule());
      case AllOf a -> a.rules().stream().allMatch(GroupSentences::virusTestOnly);
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().allMatch(GroupSentences::virusTestOnly);
      default -> false;
    };
  }

  /**
   * "Patients with HIV are eligible only if CD4 count &gt; 350": what the group must meet, like "Patients with HIV must
   * have …" ({@link CriterionParser}): met outside the group; in the exclusion list it excludes only a patient in the
   * group who fails it. The group is read as the exclusion list reads it (the narrower group binds fewer patients).
   */
  private static Rule onlyIf(String who, String what, boolean exclusion, BiFunction<String, CriterionType, Rule> reader) {
    Rule required = reader.apply(what, CriterionType.INCLUSION);
    if (required instanceof ScreeningConfirmation || CriterionParser.hasUnread(required)) {
      return new Unparsed("a group admitted only if \u201c" + what + "\u201d, not understood in full");
    }
    if (EVERYONE.matcher(who).matches()) return exclusion ? CriterionParser.negate(required) : required;
    Rule group = reader.apply(groupWords(who), CriterionType.EXCLUSION);
    if (group instanceof ScreeningConfirmation || group instanceof Unparsed) {
      group = new Ask("Does this apply to the patient: \u201c" + who + "\u201d?");
    }
    return exclusion ? new AllOf(List.of(group, CriterionParser.negate(required)))
        : new org.eligo.core.rule.AnyOf(List.of(new Not(group), required));
  }

  /**
   * "Patients must not have received rituximab within 6 months": {@code not(what)}, or null when the sentence is not
   * a negated requirement for every patient. {@code reader} reads what is forbidden ("Patients must have …") as the
   * exclusion list reads it: the forbidden thing excludes ("older than 75": more than 75; "active infection" now).
   */
  static Rule negatedRequirement(String sentence, java.util.function.Function<String, Rule> reader) {
    Matcher m = EVERYONE_MUST_NOT.matcher(sentence);
    // "must not have any of the following: …" is ListOfFollowingRecogniser's, which reads the heading with each item
    if (!m.matches() || ENROLMENT.matcher(m.group("what")).lookingAt() || LIST.matcher(m.group("what")).find()) {
      return null;
    }
    String positive = "Patients must " + m.group("what");
    Rule required = requote(reader.apply(positive), positive, sentence.strip());
    // "Patients may not participate in another study": a question for the screening visit, as without "not"
    if (required instanceof ScreeningConfirmation) return new ScreeningConfirmation(sentence);
    if (required instanceof Unparsed) return new Unparsed("a negated requirement not understood");
    // "must not X unless Y" is "not X, or Y": read as "not (X unless Y)" the exception would turn against the patient
    // ("… within 6 months, unless refractory" had excluded a refractory patient); "must not X and must Y" likewise
    if (OUTSIDE_THE_NEGATION.matcher(m.group("what")).find() || widened(required)) {
      return new Unparsed("a negated requirement with an exception or a second requirement");
    }
    // "Patients must not receive warfarin during the study": what is forbidden on study, which a patient taking it now
    // may stop before enrolling; read as current use it excluded every patient on it
    if (ON_STUDY.matcher(m.group("what")).find()) {
      return new Unparsed("a negated requirement for the time on study: whether a patient can stop it is asked");
    }
    // "Women must not be pregnant or breastfeeding": only they can be, so it binds everyone; anything else asked
    if (m.group("women") != null && !onlyPregnancy(required)) {
      return new Unparsed("a negated requirement for women");
    }
    // "Patients cannot have an MRI", "cannot take tablets": what a patient is unable to have, not what is forbidden
    if (m.group("can") != null && namesTreatment(required)) {
      return new Unparsed("\u201ccannot\u201d with a treatment: unable to have it, or forbidden");
    }
    // "Must not have received rituximab for at least 6 months prior to screening": a span free of the drug, not a
    // length of treatment (read as one, a year-long course that ended years ago was ruled out)
    java.util.regex.Matcher span = WashoutRecogniser.DENIED_SPAN.matcher(MatchText.of(m.group("what"))
        .toLowerCase(java.util.Locale.ROOT));
    // "Must not have received eltrombopag for longer than 2 weeks": no course that long at any time (DECISIONS §101),
    // the length of treatment read without "not", denied
    if (span.find() && !WashoutRecogniser.courseLength(span)) {
      // "Must not have received corticosteroids for more than 4 weeks before screening": no course that long, or none
      // in the 4 weeks
      if (WashoutRecogniser.lengthOrSpan(span)) {
        return new Unparsed("\u201cfor more than\u201d after a denial: a length of treatment or a span free of it");
      }
      required = DrugWindowDenial.spanAsWindow(required);
    }
    // "Patients must not have received rituximab and eltrombopag": neither, as "No prior rituximab and eltrombopag"
    if (required instanceof org.eligo.core.rule.AllOf all && AND.matcher(m.group("what")).find()) {
      required = NegationScope.neither(sentence.strip(), all.rules(),
          RuleAssembler::mergeAlternatives);
    }
    Rule longer = LongerWindow.denied(required, sentence);
    return longer != null ? longer : DrugWindowDenial.of(required);
  }

  /** The rule with its questions quoting the registry's sentence, not the one rewritten without "not". */
  private static Rule requote(Rule rule, String rewritten, String original) {
    return switch (rule) {
      case Ask a -> a.question().contains(rewritten) ? new Ask(a.question().replace(rewritten, original)) : a;
      case AllOf a -> new AllOf(a.rules().stream().map(r -> requote(r, rewritten, original)).toList());
      case org.eligo.core.rule.AnyOf a -> new org.eligo.core.rule.AnyOf(a.rules().stream()
          .map(r -> requote(r, rewritten, original)).toList());
      case org.eligo.core.rule.AtLeast a -> new org.eligo.core.rule.AtLeast(a.count(), a.rules().stream()
          .map(r -> requote(r, rewritten, original)).toList());
      case Not n -> new Not(requote(n.rule(), rewritten, original));
      default -> rule;
    };
  }

  private static boolean onlyPregnancy(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.PregnancyRule p -> true;
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().allMatch(GroupSentences::onlyPregnancy);
      default -> false;
    };
  }

  /** "Prior splenectomy is not required", "Patients do not need to have …": what a sentence says is not needed. */
  private static final Pattern NOT_REQUIRED = Pattern.compile("(?i)^\\s*(?:[^\\s,;()≥≤<>=\\d][^,;()≥≤<>=\\d]*?\\s+"
      + "(?:is|are)\\s+not\\s+(?:required|mandatory|necessary|needed|obligatory)|(?:all\\s+)?(?:patients|subjects"
      + "|participants)\\s+(?:do\\s+not\\s+(?:need|have)\\s+to|need\\s+not|are\\s+not\\s+(?:required|obliged)\\s+to)"
      + "\\s+[^;]+?)(?:\\s+(?:for|to\\s+(?:enter|participate\\s+in))\\s+(?:(?:the|this)\\s+(?:study|trial)|enrol+ment"
      + "|inclusion|participation))?[\\s.;:]*$");

  /** Whether a sentence only says something is not needed: it requires nothing and is listed for the trial team. */
  static boolean notRequired(String sentence) {
    return NOT_REQUIRED.matcher(sentence).matches();
  }

  /** Whether a reading lets a question stand in for it (an exception or alternative: "X, or if Y"). */
  private static boolean widened(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().anyMatch(r -> r instanceof Ask || widened(r));
      case AllOf a -> a.rules().stream().anyMatch(GroupSentences::widened);
      case org.eligo.core.rule.AtLeast a -> a.rules().stream().anyMatch(GroupSentences::widened);
      case Not n -> widened(n.rule());
      default -> false;
    };
  }

  private static boolean namesTreatment(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.MedicationRule r -> true;
      case org.eligo.core.rule.ProcedureRule r -> true;
      case org.eligo.core.rule.ImmunizationRule r -> true;
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().anyMatch(GroupSentences::namesTreatment);
      case AllOf a -> a.rules().stream().anyMatch(GroupSentences::namesTreatment);
      case org.eligo.core.rule.AtLeast a -> a.rules().stream().anyMatch(GroupSentences::namesTreatment);
      case Not n -> namesTreatment(n.rule());
      default -> false;
    };
  }
}
