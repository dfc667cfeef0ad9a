package org.eligo.criteria.parse;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.text.CriterionItem;

/**
 * Turns one registry criterion into a typed rule by running {@link ParserPasses} over it. The rule states the
 * sentence as written (the evaluator applies inclusion/exclusion polarity); whatever is not understood with confidence
 * is {@link Unparsed}, which evaluates UNKNOWN and never excludes. Never throws on any text; thread-safe.
 */
public final class CriterionParser {
  private static final int MAX_DEPTH = 3;
  private static final Pattern LIST_PARENT = Pattern.compile(
      "(?i)\\b(?:(?:at least|a minimum of|minimum of|no fewer than|any|one or more|either|any one|one|all|each|both"
          + "|\\S+\\s+or\\s+more|at most|up to|(?:a )?maximum of|(?:no|not) more than|(?:fewer|less) than)\\s+"
          + "(?:\\S+\\s*(?:\\(\\d\\)\\s*)?)?"
          // "Two of the following:", "Three of the following four criteria:" (§77)
          + "|" + Numbers.NUMBER + "\\s+(?:\\(\\d\\)\\s*)?)(?:of|from)\\s+(?:the\\s+)?following\\b");

  private final ParseContext context;
  private final List<Recogniser> passes;
  /** "within N days" over a one-off event counts its onset (DECISIONS §25) */
  private final org.eligo.criteria.pass.EventOnsetPass events;
  /** A red-cell or platelet transfusion named alone may be one the record lists without its kind (§87). */
  private static final org.eligo.criteria.pass.TransfusionKindPass TRANSFUSION_KINDS =
      new org.eligo.criteria.pass.TransfusionKindPass();

  /** a class by use ("ITP therapy") decided by its members given for the disease alone (§91 review) */
  private final org.eligo.criteria.pass.ClassByUsePass classesByUse;

  /** exceptions to lab limits and second limits for some patients (§91, §95, §99) */
  private final LimitExceptions exceptions;

  /** a vaccination required can be given before the study treatment: asked, never failed on its absence */
  private final org.eligo.criteria.pass.VaccinationToComePass vaccinations =
      new org.eligo.criteria.pass.VaccinationToComePass();

  /**
   * The passes over a parsed rule: events by their onset, vaccinations to come, QTc limits naming a formula
   * ({@link QtcFormula}, over the words of the item and its sub-items).
   */
  private Rule afterParse(Rule rule, CriterionType type, String text) {
    Rule read = classesByUse.apply(TRANSFUSION_KINDS.apply(vaccinations.apply(events.apply(rule, type), type), type),
        type);
    return QtcFormula.soften(read, type, text);
  }

  /** The words of an item and of all its sub-items. */
  private static String allText(CriterionItem item) {
    StringBuilder b = new StringBuilder(item.text());
    for (CriterionItem c : item.children()) b.append('\n').append(allText(c));
    return b.toString();
  }

  public CriterionParser(ParseContext context) {
    this(context, ParserPasses.standard());
  }

  public CriterionParser(ParseContext context, List<Recogniser> passes) {
    this.context = Objects.requireNonNull(context, "context");
    this.passes = List.copyOf(passes);
    this.events = new org.eligo.criteria.pass.EventOnsetPass(context.lexicon());
    this.classesByUse = new org.eligo.criteria.pass.ClassByUsePass(context.lexicon());
    this.exceptions = new LimitExceptions(new LimitExceptions.Reading() {
      @Override
      public Rule read(String text, CriterionType type, String criteriaText, int depth) {
        return CriterionParser.this.read(text, type, List.of(), criteriaText, depth);
      }

      @Override
      public Rule group(String whom, CriterionType type, String criteriaText, int depth) {
        return readGroup(whom, type, criteriaText, depth);
      }

      @Override
      public Rule ageGroup(String whom, CriterionType type, String criteriaText, int depth) {
        return bareAgeGroup(whom, type, criteriaText, depth);
      }

      @Override
      public List<org.eligo.criteria.lexicon.ConceptMention> mentions(String text) {
        return context.lexicon().findMentions(text);
      }
    });
  }

  /**
   * True when an item's sub-items are parts of its own rule: "at least two of the following:", "as one of:", "at least
   * 5 of the 8 HLH-2004 criteria:", a heading that denies them ("No history of the following:"), or sub-items that end
   * in "or" (each an alternative to the next).
   */
  public static boolean combinesChildren(CriterionItem item) {
    return !item.children().isEmpty() && (LIST_PARENT.matcher(item.text()).find()
        || ListOfFollowingRecogniser.listHeading(item.text()) || ListOfFollowingRecogniser.negatedHeading(item.text())
        || (ListOfFollowingRecogniser.alternatives(item.children())
        && !ListOfFollowingRecogniser.conditionalHeading(item.text())));
  }

  /** The rule for an item; when {@link #combinesChildren} its sub-items are read into the rule. */
  public Rule parse(CriterionItem item, String criteriaText) {
    List<CriterionItem> children = combinesChildren(item) ? item.children() : List.of();
    return afterParse(run(item.text(), item.type(), children, criteriaText, 0), item.type(), allText(item));
  }

  /**
   * The rule for an item under a heading that writes a time for its items ("Within 6 months before screening:"): read
   * as if the item had been written with it ({@link HeadingWindow}). An item with sub-items of its own is read as
   * {@link #parse(CriterionItem, String)} does.
   */
  public Rule parse(CriterionItem item, String criteriaText, HeadingWindow window) {
    if (!window.present()) return parse(item, criteriaText);
    if (!item.children().isEmpty()) return parseList(item, criteriaText, window);
    String text = window.applyTo(item.text());
    Rule rule = afterParse(run(text, item.type(), List.of(), criteriaText, 0), item.type(), text);
    return rule instanceof Unparsed && !window.future() ? rule : window.finish(item.text(), rule);
  }

  /**
   * A list under a window heading ("Within 6 months before screening:" over "Any of the following:" over the diseases):
   * its heading is read as if written with the window, so each of its items is too; read without it, an infarction of
   * 2010 still listed active had excluded. A window not read, or one about what is to come, leaves the list asked.
   */
  private Rule parseList(CriterionItem item, String criteriaText, HeadingWindow window) {
    if (!combinesChildren(item) || HeadingWindow.ownTime(item.text())) return parse(item, criteriaText);
    if (window.words().isEmpty()) return window.question();
    String heading = window.applyTo(item.text()) + ":";
    return afterParse(run(heading, item.type(), item.children(), criteriaText, 0), item.type(), allText(item));
  }

  /** An item's last words that join it to the next: "and", ";", ",". */
  private static final Pattern ITEM_JOINER = Pattern.compile("(?i)(?:[\\s;,.]|\\band\\b)+$");

  /**
   * A heading that makes an exception over the limits it exempts from ("Except in patients with marrow involvement by
   * disease:", "Blood counts, except in subjects with marrow involvement:" over "ANC ≥ 1.0 × 10^9/L", "Platelets ≥ 75
   * × 10^9/L"), read as the same words written on one line ({@link LimitExceptions#beforeLimits}, §99). Null when the
   * item is not such a heading over plain limits (an item with items of its own, alternatives joined by "or", or
   * anything {@code beforeLimits} does not read in full).
   */
  public Rule exceptionOverLimits(CriterionItem item, String criteriaText) {
    if (item.children().isEmpty() || item.type() == null) return null;
    String heading = item.text().strip().replaceAll("\\*+$", "").strip();
    if (!heading.endsWith(":") && !heading.endsWith("：")) return null;
    StringBuilder limits = new StringBuilder();
    for (CriterionItem child : item.children()) {
      String words = child.text().strip();
      if (!child.children().isEmpty() || words.isEmpty() || Pattern.compile("(?i)\\bor\\s*$").matcher(words).find()) {
        return null;
      }
      // each item under an exclusion heading excludes on its own: any of them, as plain items are read
      if (limits.length() > 0) limits.append(item.type() == CriterionType.EXCLUSION ? " or " : "; ");
      limits.append(ITEM_JOINER.matcher(words).replaceFirst(""));
    }
    Rule rule = exceptions.beforeLimits(heading + " " + limits, item.type(), criteriaText, 0);
    return rule == null || hasUnread(rule) ? null : afterParse(rule, item.type(), allText(item));
  }

  /** The rule for one sentence of the given type. */
  public Rule parse(String sentence, CriterionType type) {
    return afterParse(run(sentence, type, List.of(), sentence, 0), type, sentence);
  }

  Rule parseNested(CriterionItem child, String criteriaText, int depth) {
    return run(child.text(), child.type(), child.children(), criteriaText, depth);
  }

  Rule parseNested(String text, CriterionType type, int depth) {
    return run(text, type, List.of(), text, depth);
  }

  /**
   * "Patients with hepatitis B must receive antiviral prophylaxis", "Participants receiving warfarin must have an INR
   * < 3": an inclusion that binds only the patients it names. Read as one requirement it would exclude every patient
   * without hepatitis B; it holds for a patient it does not name, or when its requirement is met. A group named by
   * what was done before ("Patients previously treated with rituximab must …", "Patients who received rituximab must
   * …", "Subjects previously splenectomized must …") is a group too: read whole, it had required the treatment.
   */
  /** The verb of a requirement after whom it binds: "must", "should", "need to", "are required to". */
  private static final String REQUIRED_VERB = "(?:must|should|needs?\\s+to|are\\s+required\\s+to|will\\s+(?:be"
      + "\\s+required|need)\\s+to|have\\s+to|shall)";

  /** "Pediatric patients (12 to 17 years):", "Adults (≥ 18 years):": an age group whose ages are in brackets. */
  private static final String AGE_IN_BRACKETS = "(?=\\(\\s*(?:aged?\\s+)?(?:[≥≤<>]|\\d))";

  private static final Pattern CONDITIONAL_REQUIREMENT = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:(?:pa?ediatric\\s+)?"
      + "(?:patients|subjects|participants)|individuals|persons|people|those|women|men|females|males|children|adults"
      // "Adolescents aged 12 to 17 years must weigh at least 40 kg": whom a paediatric requirement binds (§50)
      + "|adolescents|infants|neonates|newborns|toddlers|teenagers|minors|boys|girls)\\s+((?:(?:currently"
      + "|concurrently|already|still|previously|formerly|recently|ever)\\s+)?(?:not\\s+)?(?:with|who\\s+(?:(?:previously"
      + "|recently|already|ever)\\s+)?(?:are|have|had|were|has|received|underwent|took|used)|receiving|taking"
      + "|treated\\s+with|received|exposed\\s+to|(?=splenectomi[sz]ed)|using|on|aged?|(?:older|younger)\\s+than"
      + "|(?=[≥≤<>]|\\d)|(?=\\(\\s*(?:aged?\\s+)?(?:[≥≤<>]|\\d)))\\s*.+?)\\s*,?\\s+" + REQUIRED_VERB + "\\s+(.+)$");

  /**
   * "Adolescents must weigh at least 40 kg", "Infants must have …", "Elderly patients (≥ 75 years) should have …": a
   * bare group word, with its ages in brackets or none, then what it must meet (§91). Read whole, the group was dropped
   * and the limit held on everyone (a woman of 40 at 38 kg failed the adolescents' weight).
   */
  private static final Pattern BARE_GROUP_REQUIREMENT = Pattern.compile("(?i)^\\s*(?<who>(?:all\\s+)?(?:(?:pa?ediatric"
      + "|adult|elderly|older|adolescent|geriatric)\\s+(?:patients|subjects|participants|pts)|adults|children|adolescents"
      + "|infants|neonates|newborns|toddlers|elderly|teenagers|minors)(?:\\s*\\(\\s*(?:aged?\\s+)?[≥≤<>\\d][^()]*\\))?)"
      + "\\s*,?\\s+" + REQUIRED_VERB + "\\s+(?<what>.+)$");

  /**
   * "HBsAg-positive patients must have undetectable HBV DNA", "Diabetic patients should have HbA1c &lt; 8%",
   * "Warfarin-treated patients must have INR &lt; 3": the same with the group named by words before "patients"; up to
   * five, as a test is written out ("Hepatitis B core antibody positive patients must have undetectable HBV DNA").
   */
  private static final Pattern ADJECTIVE_GROUP = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?<who>(?<adj>[\\p{L}\\d]"
      + "[\\p{L}\\d+/-]*(?:\\s+[\\p{L}\\d][\\p{L}\\d+/-]*){0,4})\\s+(?:patients|subjects|participants|individuals"
      + "|persons|people|women|men|females|males|children|adults|adolescents))\\s*,?\\s+" + REQUIRED_VERB
      + "\\s+(?<what>.+)$");

  /** A word before "patients" that names no group: "Eligible patients must have …" binds everyone. */
  private static final Pattern NO_GROUP = Pattern.compile("(?i)eligible|enrolled|all|these|such|the|study|prospective"
      + "|potential|evaluable|consenting|participating|candidate|included|other|remaining|any|each|every|trial"
      + "|recruited|registered|randomi[sz]ed|screened|selected|and|of");

  /**
   * "For patients with diabetes: HbA1c &lt; 8%", "In patients ≥ 13 years old, creatinine clearance &gt; 50 mL/min",
   * "If receiving warfarin, INR ≤ 3": a group named first, then what it requires. Read as one requirement ("all of
   * diabetes and HbA1c &lt; 8%") it would exclude every patient outside the group.
   */
  private static final Pattern GROUP_FIRST = Pattern.compile("(?i)^\\s*(?:for|in|among|if)\\s+(?<who>(?:all\\s+)?"
      // a group named by a test result ("For HIV-positive patients, HIV RNA < 50 copies/mL"): read as one requirement
      // it excluded every HIV-negative patient from the inclusion
      + "(?:[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*-(?:positive|negative|infected|seropositive)\\s+(?=patients|subjects"
      + "|participants|individuals|persons|people|women|men|adults|children|pts))?"
      // "For adult patients:", "In paediatric participants," (§88)
      + "(?:(?:pa?ediatric|adult|elderly|older|female|male)\\s+(?=patients|subjects|participants|pts))?"
      + "(?:patients|subjects|participants|individuals|persons|people|those|women|men|females|males|children|adults"
      + "|adolescents|recipients|pts|receiving|taking|treated\\s+with|using|on|aged?|older\\s+than|younger\\s+than)\\b"
      + "[^:;]*?)\\s*(?<sep>[:,])\\s*(?<what>\\S.*)$");

  /**
   * "HbA1c &lt; 8% for patients with diabetes", "INR &lt; 3 is required in patients on warfarin": the group named
   * after what it requires. Ages after a limit are {@link AgeScope}'s; a clause with "or", "if" or "unless" may hold
   * an exception for the group ("ANC ≥ 1.5, or ≥ 1.0 in patients with marrow involvement") and is left as it is.
   */
  private static final Pattern GROUP_AFTER = Pattern.compile("(?i)^\\s*(?<what>[^;()]+?)\\s*,?\\s+(?:(?:is|are)\\s+"
      + "(?:required|needed|mandatory)\\s+)?(?:for|in|among)\\s+(?<who>(?:all\\s+)?(?:patients|subjects|participants"
      + "|individuals|persons|people|those|women|men|females|males|children|adults|adolescents|pts)\\s+(?:(?:currently"
      + "|concurrently|already|still)\\s+)?(?:not\\s+)?(?:with|who\\s+(?:are|have|had|were|has)|receiving|taking"
      + "|treated\\s+with|using|on)\\s[^;()≥≤<>\\d]*?)[\\s.;]*$");

  /** Words that make what comes before a group an alternative or an exception, not a requirement of its own. */
  private static final Pattern NOT_ONE_REQUIREMENT = Pattern.compile("(?i)\\b(?:or|if|unless|except|otherwise"
      + "|excluding|and/or)\\b");

  private static final Pattern CHILDBEARING = Pattern.compile("(?i)child[- ]?bearing|reproductive|fertile");

  /** "Patients ≥ 18 years of age: ECOG ≤ 2", "Children aged 2-11 years: weight ≥ 10 kg": an age group, then its limit. */
  private static final Pattern AGE_GROUP_HEADING = Pattern.compile("(?i)^\\s*(?<who>(?:all\\s+)?(?:(?:pa?ediatric"
      + "|adult|elderly|older|young)\\s+)?(?:patients|subjects"
      + "|participants|individuals|persons|people|those|children|adults|adolescents|recipients|pts)\\s+(?:who\\s+are\\s+)?"
      + "(?:aged?\\s+|older\\s+than\\s+|younger\\s+than\\s+|(?:over|under|above|below)\\s+(?=\\d)|(?=[≥≤<>]|\\d)"
      + "|" + AGE_IN_BRACKETS + ")[^:;,]*?)\\s*:\\s*(?<what>\\S.*)$");

  /** Group words that name patients by their age alone: "Adults", "Children", "Paediatric patients", "Adolescents". */
  private static final String BARE_GROUP = "(?:all\\s+)?(?:(?:pa?ediatric|adult|elderly|older|adolescent)\\s+"
      + "(?:patients|subjects|participants|pts)|adults|children|adolescents|infants|elderly|teenagers|minors)";

  /**
   * "Adults: ECOG 0-2", "Children: Lansky ≥ 50", "Adolescents: weight ≥ 40 kg": a group named by a bare group word as
   * the line's heading, without "for"/"in", then its limit (§88 amendment). Read whole, the limit bound everyone.
   */
  private static final Pattern BARE_GROUP_HEADING = Pattern.compile("(?i)^\\s*(?<who>" + BARE_GROUP
      + "(?:\\s*\\(\\s*(?:aged?\\s+)?[≥≤<>\\d][^()]*\\))?)\\s*:\\s*(?<what>\\S.*)$");

  /**
   * "Patients on anticoagulation: platelets ≥ 50 × 10^9/L": a group on a drug as a heading, then its limit. Unlike a
   * disease ("Patients with SAA: ANC &lt; 0.5 …" defines it), a drug names whom the limit binds.
   */
  private static final Pattern DRUG_GROUP_HEADING = Pattern.compile("(?i)^\\s*(?<who>(?:all\\s+)?(?:patients|subjects"
      + "|participants|individuals|persons|people|those|women|men|children|adults|adolescents|pts)\\s+(?:(?:currently"
      + "|concurrently|already|still)\\s+)?(?:who\\s+are\\s+)?(?:on|receiving|taking|treated\\s+with|using)\\s[^:;,]*?)"
      + "\\s*:\\s*(?<what>\\S.*)$");

  /**
   * Another group after the first one's requirement ("For patients with ITP: platelets &lt; 30 × 10^9/L; for patients
   * with TTP: ADAMTS13 &lt; 10%"): read as the first group's requirement, it had held patients with ITP to both.
   */
  private static final Pattern ANOTHER_GROUP = Pattern.compile("(?i)(?:[;.]|,\\s*(?:and|or|while|whereas)?)\\s*(?:for|in"
      + "|among|if)\\s+(?:all\\s+)?(?:(?:pa?ediatric|adult|elderly|older|female|male)\\s+)?(?:patients|subjects|participants|individuals|persons|people|those|women|men"
      + "|females|males|children|adults|adolescents|recipients|pts|receiving|taking|on|aged?|older|younger)\\b"
      + "|[;.]\\s*(?:patients|subjects|participants|individuals|persons|people|those|women|men|females|males|children"
      + "|adults|adolescents|pts)\\s+(?:with|who|receiving|taking|on|aged?|older|younger|over|under|[≥≤<>]|\\d)"
      // "Adults: ECOG 0-2; children: Lansky ≥ 50" (§88 amendment)
      + "|(?:[;.]|\\s/)\\s*" + BARE_GROUP + "\\s*(?:\\([^()]*\\))?\\s*:");

  /** A relative clause before the verb ("Patients with brain metastases who must take steroids") names, not requires. */
  private static final Pattern RELATIVE_END = Pattern.compile("(?i)\\b(?:who|that|which|whom)$");

  /**
   * A requirement's words ("must", "should", "is required"). In the exclusion list such a sentence says what the
   * patients it names must meet, not what excludes them: a registry slip, read as the requirement it states.
   */
  private static final Pattern REQUIRED = Pattern.compile("(?i)\\b(?:must|should|shall|needs?\\s+to|ha(?:ve|s)\\s+to"
      + "|(?:is|are|be)\\s+required|required\\s+to)\\b");

  /** A second group's own requirement: "Diabetic patients must …; hypertensive patients must …". */
  private static final Pattern ANOTHER_REQUIREMENT = Pattern.compile("(?i)[;.]\\s*(?:\\S+\\s+){0,3}?(?:patients|subjects"
      + "|participants|individuals|persons|people|women|men|females|males|children|adults|adolescents)\\s*,?\\s+"
      + REQUIRED_VERB);

  /** A comparator or a number: what a requirement after a comma starts with when the comma ends the group. */
  static final Pattern LIMIT_WORDS = Pattern.compile("[≥≤<>=]|\\d");

  private Rule run(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                   int depth) {
    if (depth == 0 && type != null && children.isEmpty() && registryText != null && !registryText.isBlank()) {
      // "Eligible patients must have ECOG 0-2": "eligible" names no group, only the subject; "need to" is "must"
      String sentence = GroupSentences.bareGroupWords(GroupSentences.needToAsMust(
          GroupSentences.withoutNoGroupWords(registryText)));
      sentence = withoutRestatedFailure(sentence, criteriaText, depth);
      // "Platelet count < 30 x 10^9/L Note: the count may be repeated once": a note the splitter glued on (§88)
      Rule noted = gluedNote(sentence.strip(), type, criteriaText);
      if (noted != null) return noted;
      // "Note: women of childbearing potential must have a negative pregnancy test" as an item of its own: what it
      // says, read as any item is; not understood, as before (§88)
      Matcher label = NOTE_LABEL.matcher(sentence);
      if (label.matches()) {
        Rule said = run(label.group("note"), type, children, criteriaText, depth);
        if (said instanceof ScreeningConfirmation) return new ScreeningConfirmation(registryText);
        if (!(said instanceof Unparsed)) return said;
      }
      // "Patients with HIV must not be enrolled", "Only patients with SAA are eligible"
      Rule rule = GroupSentences.denialOrOnly(sentence.strip(), type,
          (text, t) -> read(text, t, List.of(), criteriaText, depth + 1));
      if (rule == null) rule = runRead(sentence, type, children, criteriaText, depth);
      // what the screening visit confirms is listed in the registry's words
      return rule instanceof ScreeningConfirmation && !sentence.equals(registryText)
          ? new ScreeningConfirmation(registryText) : rule;
    }
    return runRead(registryText, type, children, criteriaText, depth);
  }

  /**
   * A note glued onto the item before it: "… Note: …", "… Comment: …", "… *Definition: …", "… Prior therapy: …",
   * written on a line of its own under the item without a marker (the splitter keeps it with the item, which it may
   * qualify, §44 and §78). Its label starts with a capital, after the item's last word.
   */
  private static final Pattern GLUED_NOTE = Pattern.compile("^(?<item>.*?[^\\s:：])\\s+(?<label>\\*{0,2}\\s*(?i:notes?"
      + "|n\\.\\s?b\\.?|nb|comments?|remarks?|clarifications?|definitions?|explanations?|prior\\s+(?:therapy|therapies"
      + "|treatments?))\\s*\\*{0,2}\\s*[:：]\\s*)(?<note>\\S.*)$", Pattern.DOTALL);
  /** An item that is a note of its own: "Note: …", "NB: …", "Comment: …", "Remark: …". */
  private static final Pattern NOTE_LABEL = Pattern.compile("^\\s*\\*{0,2}\\s*(?i:notes?|n\\.\\s?b\\.?|nb|comments?"
      + "|remarks?|important)\\s*\\*{0,2}\\s*[:：]\\s*(?<note>\\S.*)$", Pattern.DOTALL);

  /** The words of a note that states a requirement of its own: "must", "is required", "are excluded". */
  private static final Pattern OWN_REQUIREMENT = Pattern.compile("(?i)\\b(?:must|should|shall|needs?\\s+to"
      + "|ha(?:ve|s)\\s+to|(?:is|are|be)\\s+required|required\\s+to|excluded|ineligible|not\\s+(?:be\\s+)?(?:eligible"
      + "|allowed|permitted)|prohibited|forbidden)\\b");

  /**
   * The words of a note that cannot change what the item requires (§88 review): where its values come from ("ULN per
   * local laboratory", "local laboratory values may be used", "ULN = upper limit of normal"), where it is described
   * ("see Appendix A", "refer to Section 5.2 of the protocol") or who assesses it ("as assessed by the investigator").
   * A note made only of these (and {@link #NEUTRAL_GLUE}) leaves the item deciding, both ways.
   */
  private static final Pattern NEUTRAL_NOTE_WORDS = Pattern.compile("(?i)\\b(?:ULN|LLN|ULRR|LLRR)\\b"
      + "|\\b(?:upper|lower)\\s+limits?\\s+of\\s+(?:the\\s+)?normal(?:\\s+range)?\\b"
      + "|\\b(?:(?:local|central|institutional|site|hospital)(?:'s)?\\s+(?:(?:or|and|and/or)\\s+(?:local|central"
      + "|institutional)\\s+)?)?(?:clinical\\s+)?(?:laborator(?:y|ies)|labs?)(?:'s)?(?:\\s+(?:values|results|tests?"
      + "|measurements|assessments|data))?\\b"
      + "|\\b(?:(?:institutional|local|laboratory|lab|site)\\s+)?(?:normal|reference)\\s+(?:ranges?|values|limits?)\\b"
      + "|\\b(?:see|refer\\s+to|described\\s+in|listed\\s+in|detailed\\s+in|as\\s+(?:described|listed|detailed)\\s+in)"
      + "\\s+(?:the\\s+)?(?:protocol(?:'s)?\\s+)?(?:appendix|appendices|section|table|attachment|annex|manual)"
      + "(?:\\s+[A-Z0-9][\\w.\\-]*)?(?:\\s+(?:of|in)\\s+the\\s+(?:study\\s+)?protocol)?"
      + "(?:\\s+for\\s+(?:further\\s+|more\\s+|additional\\s+)?(?:details|information|guidance))?"
      + "|\\bas\\s+(?:assessed|determined|judged|evaluated|measured)\\s+by\\s+(?:the\\s+)?(?:treating\\s+)?"
      + "(?:investigator|physician|clinician)\\b");
  /** What may stand between the words of a note that cannot change the item ("… may be used", "… per …"). */
  private static final Pattern NEUTRAL_GLUE = Pattern.compile("(?i)(?:[\\s.,;:=()\\-–]|\\b(?:per|as|defined|by|according"
      + "|to|based|on|of|from|the|each|is|are|=|may|can|be|used|either|or|and|using|will|determined|institution"
      + "|site|at|screening)\\b)*");

  /** Words of a note or an item that say nothing of what it is about. */
  private static final java.util.Set<String> NOT_A_SUBJECT = java.util.Set.of("patients", "patient", "participants",
      "participant", "subjects", "subject", "people", "persons", "individuals", "those", "with", "have", "must",
      "should", "shall", "need", "needs", "required", "excluded", "eligible", "ineligible", "allowed", "permitted",
      "within", "before", "after", "prior", "last", "past", "previous", "history", "years", "year", "months", "month",
      "weeks", "week", "days", "aged", "least", "more", "less", "than", "greater", "equal", "other", "their", "from",
      "that", "this", "which", "will", "been", "being", "also", "only", "known", "current", "active", "screening");

  /**
   * Whether a note speaks of what its item speaks of: a measure, a concept or a word of four letters or more in both
   * (age and sex, which name whom a note binds, do not count).
   */
  private static boolean sameSubject(Rule item, Rule note, String itemText, String noteText) {
    java.util.Set<String> a = new java.util.HashSet<>();
    subjects(item, a);
    java.util.Set<String> b = new java.util.HashSet<>();
    subjects(note, b);
    a.addAll(words(itemText));
    b.addAll(words(noteText));
    a.retainAll(b);
    return !a.isEmpty();
  }

  private static java.util.Set<String> words(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 4 && !NOT_A_SUBJECT.contains(w)) out.add("word:" + w);
    }
    return out;
  }

  private static void subjects(Rule rule, java.util.Set<String> out) {
    switch (rule) {
      case AllOf all -> all.rules().forEach(r -> subjects(r, out));
      case AnyOf any -> any.rules().forEach(r -> subjects(r, out));
      case Not not -> subjects(not.rule(), out);
      case MeasurementRule mr -> out.add("measure:" + mr.measure());
      case org.eligo.core.rule.ConditionRule c -> c.concepts().forEach(x -> out.add("concept:" + x));
      case org.eligo.core.rule.MedicationRule md -> md.concepts().forEach(x -> out.add("concept:" + x));
      case org.eligo.core.rule.ProcedureRule pr -> pr.concepts().forEach(x -> out.add("concept:" + x));
      default -> { }
    }
  }

  /** Whether a note glued onto an item only says where its values come from, where it is described or who assesses it. */
  static boolean neutralNote(String note) {
    String rest = NEUTRAL_NOTE_WORDS.matcher(note).replaceAll(" ");
    return !rest.equals(note) && NEUTRAL_GLUE.matcher(rest).matches();
  }

  /** A note that defines, exemplifies or explains the item ("defined as", "e.g.", "Definition:"). */
  private static final Pattern EXPLAINS = Pattern.compile("(?i)^\\W*(?:definitions?|explanations?|clarifications?)\\b"
      + "|^\\W*(?:\\w+\\s+){0,4}?(?:defined|definition|means|refers?\\s+to|i\\.\\s?e\\.|e\\.\\s?g\\.|such\\s+as|including"
      + "|includes|example|as\\s+(?:assessed|determined|measured|per))\\b");
  /** A note that lets in some the item would keep out, or keeps out fewer ("… are eligible", "… allowed", "unless"). */
  private static final Pattern PERMITS = Pattern.compile("(?i)\\b(?<!not\\s)(?<!n't\\s)(?<!never\\s)(?<!not\\sbe\\s)"
      + "(?:eligible|allowed|permitted|acceptable|accepted|exempt|waived|may|can|except|unless|regardless|optional"
      + "|exception|repeated|retested|not\\s+(?:be\\s+)?(?:excluded|required|necessary|needed)"
      // "superficial thrombophlebitis is not exclusionary", "… does not count as an exclusion"
      + "|not\\s+(?:considered\\s+)?(?:an?\\s+)?exclusion(?:ary)?|not\\s+(?:count|apply|applicable)\\w*)\\b");

  /**
   * The rule of an item with a note glued on (§88), or null where there is none or the item alone is not read in
   * full (read as before). A note that is a requirement of its own, read in full and granting nothing, is read on its
   * own: all of (the item, the note) in the inclusion list, any of them in the exclusion list. Any other note (one that
   * explains, defines, exempts or is not understood) may change what the item means, so the item decides only for the
   * patient: in the inclusion list any of (the item, the sentence asked), in the exclusion list all of (the item, the
   * sentence asked). Read whole, the note had become a part every patient had to meet ("Children under 12 years Note:
   * adolescents 12-17 must weigh at least 40 kg" excluded only on the weight).
   */
  private Rule gluedNote(String sentence, CriterionType type, String criteriaText) {
    Matcher m = GLUED_NOTE.matcher(sentence);
    if (!m.matches()) return null;
    String label = m.group("label").replaceAll("^[*\\s]+", "");
    if (label.isEmpty() || !Character.isUpperCase(label.charAt(0))) return null;
    Rule item = run(m.group("item"), type, List.of(), criteriaText, 0);
    if (item instanceof ScreeningConfirmation) return null;
    // the item not read in full: read whole, a part of the note had decided alone ("… Note: adolescents must weigh
    // at least 40 kg" excluded only on the weight, and admitted a child of 8)
    if (hasUnread(item)) return new Unparsed("an item with a note glued onto it, the item not understood in full");
    String note = m.group("note");
    // "*Definition: ULN per local laboratory", "Note: see Appendix A": a note that cannot change the rule leaves the
    // item deciding both ways (§88 review: asked, it had made every patient the item fails a question)
    if (neutralNote(note)) return item;
    boolean exclusion = type == CriterionType.EXCLUSION;
    // a requirement of its own says so ("must", "are excluded"); a bare limit ("Note: systolic BP > 160 mmHg",
    // "Note: Karnofsky ≥ 70 for patients > 16") may define the item or be an alternative to it, and is asked
    if (!EXPLAINS.matcher(label).lookingAt() && !EXPLAINS.matcher(note).lookingAt()
        && !PERMITS.matcher(note).find() && OWN_REQUIREMENT.matcher(note).find()) {
      Rule own = run(note, type, List.of(), criteriaText, 0);
      // "Note: women of childbearing potential must use contraception": a requirement of its own confirmed at
      // screening, the item kept (§44); any other note confirmed at screening may be an exception, asked below
      if (own instanceof ScreeningConfirmation && REQUIRED.matcher(note).find()) return item;
      if (own instanceof ScreeningConfirmation) own = new Unparsed("a note confirmed at screening");
      // "Hemoglobin ≥ 9 g/dL / Note: patients with thalassemia must have hemoglobin ≥ 8 g/dL", "History of
      // thrombosis / Note: patients with DVT within 6 months are excluded": a note about what the item is about may
      // lower or narrow it; read beside it, it had failed a patient with thalassemia at 8.5 g/dL (§88 review)
      if (!(own instanceof Ask) && !hasUnread(own) && !sameSubject(item, own, m.group("item"), note)) {
        return exclusion ? new AnyOf(List.of(item, own)) : new AllOf(List.of(item, own));
      }
    }
    Ask ask = new Ask("Does this apply to the patient: \u201c" + sentence.replaceAll("\\s+", " ") + "\u201d?");
    return exclusion ? new AllOf(List.of(item, ask)) : new AnyOf(List.of(item, ask));
  }

  /**
   * "Creatinine ≤ 1.5 × ULN OR creatinine clearance ≥ 30 mL/min for participants with creatinine levels &gt; 1.5 ×
   * ULN", "Total bilirubin ≤ 1.5 × ULN or direct bilirubin ≤ ULN for patients with total bilirubin &gt; 1.5 × ULN":
   * the group after the second alternative is those who fail the first, which adds nothing to "A or B" (A, or B when
   * not A, is A or B). Read as a group, the sentence mixed "and" and "or" and was asked of every patient. The clause
   * is dropped only when the first alternative and the group are one limit and its exact opposite (the same measure,
   * number and ULN, the other side); anything else is read as before.
   */
  private static final Pattern RESTATED_FAILURE = Pattern.compile("(?i)^(?<first>.+?)\\s+or\\s+(?<rest>.+?)\\s*,?\\s+"
      + "(?:(?:for|in)\\s+(?:patients?|participants?|subjects?|those|individuals?)\\s+(?:with|whose|who\\s+have)"
      + "|if|when)\\s+(?<group>[^;,()]+?)[\\s.;]*$");

  private String withoutRestatedFailure(String sentence, String criteriaText, int depth) {
    Matcher m = RESTATED_FAILURE.matcher(sentence);
    if (!m.matches()) return sentence;
    Rule first = read(m.group("first"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    Rule group = read(m.group("group"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    if (!(first instanceof MeasurementRule a) || !(group instanceof MeasurementRule g) || !a.measure().equals(g.measure())
        || a.threshold() != g.threshold() || a.relativeToUln() != g.relativeToUln() || a.relativeToLln() != g.relativeToLln()
        || !Objects.equals(a.unit(), g.unit()) || opposite(a.comparator()) != g.comparator()) {
      return sentence;
    }
    return sentence.substring(0, m.end("rest"));
  }

  private static org.eligo.core.rule.Comparator opposite(org.eligo.core.rule.Comparator c) {
    return switch (c) {
      case LT -> org.eligo.core.rule.Comparator.GE;
      case LE -> org.eligo.core.rule.Comparator.GT;
      case GT -> org.eligo.core.rule.Comparator.LE;
      case GE -> org.eligo.core.rule.Comparator.LT;
      case EQ -> null;
    };
  }

  private Rule runRead(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                       int depth) {
    Rule rule = read(registryText, type, children, criteriaText, depth);
    boolean exclusion = type == CriterionType.EXCLUSION;
    // "If receiving eltrombopag, stable dose for 4 weeks": the group is the drug the condition is about, already read
    if (StableDose.reads(rule)) return rule;
    if (depth == 0 && type != null && !children.isEmpty() && requirementHeading(registryText)) {
      return requirementOverList(registryText, type, children, criteriaText, depth, rule);
    }
    // "Hemoglobin < 8 g/dL unless due to AIHA": a limit with an exception the record can name (§91)
    if (depth == 0 && type == CriterionType.EXCLUSION && children.isEmpty() && !(rule instanceof Unparsed)) {
      Rule excepted = limitUnlessCause(registryText.strip(), criteriaText, depth);
      if (excepted != null) return excepted;
    }
    // "Organ function within the following limits, including: creatinine ≤ 1.5 × ULN; ALT ≤ 3 × ULN": the limits, all
    // of them (§91); "including" had made them alternatives mixed with the ";" between them, and the sentence unparsed
    if (depth == 0 && type == CriterionType.INCLUSION && children.isEmpty() && hasUnread(rule)) {
      Matcher limits = LIMITS_HEADING_INLINE.matcher(registryText.strip());
      if (limits.matches() && !NOT_WITHIN.matcher(limits.group("lead")).find()) {
        Rule listed = read(limits.group("rest"), type, List.of(), criteriaText, depth + 1);
        if (!hasUnread(listed) && onlyLimits(listed)) return listed;
      }
    }
    // "Hemoglobin: adults ≥ 9 g/dL; children ≥ 8 g/dL", "Hb ≥ 9 g/dL for adults; ≥ 8 g/dL for children", "Adults ≥ 18
    // years: …; infants < 2 years: …": groups listed with ";", each with its own limit (§99)
    if (depth == 0 && type != null && children.isEmpty() && hasUnread(rule) && registryText.indexOf(';') >= 0) {
      Rule listed = groupsListedWithLimits(registryText.strip(), type, criteriaText);
      if (listed != null) return listed;
    }
    // "Platelet count < 30 × 10^9/L, or < 50 × 10^9/L if on a stable dose of ITP therapy": a second limit for some
    // patients after "or" (§91)
    if (depth == 0 && type != null && children.isEmpty() && hasUnread(rule)) {
      Rule conditional = exceptions.secondLimitForSome(registryText.strip(), type, criteriaText, depth);
      if (conditional != null) return conditional;
    }
    // "Adolescents weighing less than 40 kg", "Children under 6 years with a weight below 10 kg": an age group, then
    // the limit it is held to without "must" (§95); read whole, the group was dropped and the weight held on everyone
    if (depth == 0 && type != null && children.isEmpty()) {
      Rule grouped = bareGroupWithLimit(registryText.strip(), type, criteriaText, depth);
      if (grouped != null) return grouped;
    }
    // "Blood counts, except in subjects with marrow involvement: ANC ≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L": an
    // exception written before the limits it exempts from (§95); read whole, all of (the limits, asked), it failed
    // the patients it exempts
    if (depth == 0 && type != null && children.isEmpty()) {
      Rule excepted = exceptions.beforeLimits(registryText.strip(), type, criteriaText, depth);
      if (excepted != null) return excepted;
    }
    // "Adults (≥ 18 years): ECOG 0-2", "For participants aged ≥ 65: creatinine clearance ≥ 30 mL/min": a group named
    // first whose sentence was not read whole is still read as the group and its limit (§88)
    if (depth > 0 || type == null || !children.isEmpty()
        || (!exclusion && rule instanceof Unparsed && !groupNamedFirst(registryText.strip()))
        || rule instanceof ScreeningConfirmation) {
      return rule;
    }
    String sentence = registryText.strip();
    // "In adults: Hb ≥ 9 g/dL; in children: Hb ≥ 8 g/dL": each group named first with its own limit (§88)
    Rule perGroup = eachGroupsLimit(sentence, type, criteriaText);
    if (perGroup != null) return perGroup;
    // "Platelet count ≥ 50 × 10^9/L. Adults: platelet count ≥ 75 × 10^9/L", "Hemoglobin ≥ 9 g/dL; children: ≥ 8 g/dL":
    // a limit for everyone, then a group named first with its own: read whole the group was dropped and both limits
    // held for everyone (a child of 10 at 60 × 10^9/L failed), so it is asked (DECISIONS 88, amendment reviewed)
    if (laterGroupsLimit(sentence)) return new Unparsed("a limit for all patients and another for some of them");
    Matcher m = CONDITIONAL_REQUIREMENT.matcher(sentence);
    String whom;
    Rule requirement;
    // the requirement is read as what the patients it binds must meet, in either list
    if (m.matches() && !RELATIVE_END.matcher(m.group(1)).find() && !DRUG_GROUP_HEADING.matcher(sentence).matches()) {
      if (ANOTHER_GROUP.matcher(m.group(2)).find() || ANOTHER_REQUIREMENT.matcher(m.group(2)).find()) {
        return new Unparsed("requirements for several groups of patients");
      }
      whom = sentence.substring(0, m.end(1)); // "Patients with diabetes"
      requirement = read("Patients must " + m.group(2), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    } else if ((m = BARE_GROUP_REQUIREMENT.matcher(sentence)).matches()) {
      if (ANOTHER_GROUP.matcher(m.group("what")).find() || ANOTHER_REQUIREMENT.matcher(m.group("what")).find()) {
        return new Unparsed("requirements for several groups of patients");
      }
      whom = m.group("who"); // "Adolescents", "Elderly patients (≥ 75 years)"
      requirement = read("Patients must " + m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText,
          depth + 1);
    } else if ((m = ADJECTIVE_GROUP.matcher(sentence)).matches() && !noGroup(m.group("adj"))) {
      if (ANOTHER_GROUP.matcher(m.group("what")).find() || ANOTHER_REQUIREMENT.matcher(m.group("what")).find()) {
        return new Unparsed("requirements for several groups of patients");
      }
      whom = m.group("who"); // "HBsAg-positive patients"
      requirement = read("Patients must " + m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText,
          depth + 1);
      // "Fertile women must have a negative pregnancy test": only they can be pregnant, so the group adds nothing
      if (CHILDBEARING.matcher(whom).find() && requirement instanceof Not n && n.rule() instanceof PregnancyRule) {
        return exclusion ? n.rule() : requirement;
      }
    } else if ((m = GROUP_FIRST.matcher(sentence)).matches() || (m = AGE_GROUP_HEADING.matcher(sentence)).matches()
        || (m = BARE_GROUP_HEADING.matcher(sentence)).matches() || (m = DRUG_GROUP_HEADING.matcher(sentence)).matches()) {
      whom = m.group("who"); // "patients with diabetes", "patients ≥ 13 years old"
      // in the exclusion list a group and a limit without "must" ("For patients on warfarin: INR > 3") exclude that
      // group over the limit, as written: the group read as such, beside the limit (§88: read whole, "In adults,
      // hemoglobin < 9 g/dL" had dropped the adults and excluded a child of 14 with 8.5 g/dL, and "In patients aged
      // 65 or older, creatinine clearance < 30 mL/min" was any of the age and the limit)
      if (exclusion && !REQUIRED.matcher(m.group("what")).find()) return groupOverLimit(m, rule, criteriaText, depth);
      // "For women of childbearing potential: a negative pregnancy test" is read as "not pregnant" (met for men)
      if (CHILDBEARING.matcher(whom).find()) {
        return exclusion ? childbearingExclusion(rule, m.group("what"), criteriaText, depth) : rule;
      }
      if (ANOTHER_GROUP.matcher(m.group("what")).find()) {
        return new Unparsed("requirements for several groups of patients");
      }
      // "For patients with diabetes, hypertension or both, HbA1c < 8%": the comma did not end the group when what
      // follows it, up to the next comma, is no limit
      if (m.pattern() == GROUP_FIRST && m.group("sep").equals(",") && groupGoesOn(m.group("what"))) {
        return new Unparsed("a requirement for some patients whose group may go on past the comma");
      }
      requirement = read(m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      // a comma may end the group or sit inside it ("for patients with diabetes, hypertension or both, ..."): the
      // requirement must then be understood in full, else the sentence is a question
      if (requirement instanceof Unparsed || (m.pattern() == GROUP_FIRST && m.group("sep").equals(",")
          && hasUnread(requirement))) {
        return new Unparsed("a requirement for some patients (\u201c" + whom + "\u201d) not understood in full");
      }
      if (m.pattern() == AGE_GROUP_HEADING && !(readGroup(whom, type, criteriaText, depth) instanceof AgeRule)) {
        return rule; // "Patients with SAA: ANC < 0.5 ..." defines the disease; only an age group is a scope here
      }
    } else if ((m = GROUP_AFTER.matcher(sentence)).matches() && !NOT_ONE_REQUIREMENT.matcher(m.group("what")).find()
        && !ANOTHER_GROUP.matcher(m.group("who")).find()) {
      // in the exclusion list a limit for a group without "required" ("INR > 3.5 in patients on warfarin") excludes
      // that group over the limit, as written
      if (exclusion && !REQUIRED.matcher(sentence.substring(0, m.start("who"))).find()) return rule;
      whom = m.group("who"); // "patients with diabetes"
      requirement = read(m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      if (hasUnread(requirement)) {
        return new Unparsed("a requirement for some patients (\u201c" + whom + "\u201d) not understood in full");
      }
    } else {
      return exclusion ? everyonesRequirementInExclusions(sentence, rule, criteriaText, depth) : rule;
    }
    // "Patients with a history of hepatitis C must have undetectable HCV RNA": the load itself, not current hepatitis C
    // (the group's problem list names the disease, cured or not), as in an exception or a grant (DECISIONS 74)
    requirement = GroupSentences.rnaAsLoad(sentence.substring(Math.min(sentence.length(), whom.length())), requirement);
    // whom it binds, read as the list reads it: in the exclusion list the narrower group ("older than 65": > 65)
    Rule who = readGroup(whom, type, criteriaText, depth);
    if (who instanceof Unparsed && requirement instanceof Unparsed) {
      return new Unparsed("a requirement for some patients, neither whom it binds nor what it requires understood");
    }
    // whom it binds not understood: asked as a conditional list heading is
    if (who instanceof Unparsed) who = new Ask("Does this apply to the patient: \u201c" + whom + "\u201d?");
    // in the exclusion list: excluded only in the group and failing the requirement; never a patient outside the
    // group or one who meets it ("Patients on warfarin must have INR < 3" had excluded those with INR < 3)
    if (exclusion) return new AllOf(List.of(who, negate(requirement)));
    // met by a patient it does not name (the condition is NOT_MET) or by meeting the requirement
    return new AnyOf(List.of(new Not(who), requirement));
  }

  /** "Hemoglobin &lt; 8 g/dL unless due to AIHA", "ANC &lt; 1.0 × 10^9/L unless attributed to the underlying ITP" (§91). */
  private static final Pattern LIMIT_UNLESS_CAUSE = Pattern.compile("(?i)^(?<what>[^;:]+?)\\s*,?\\s+(?:unless|except"
      + "\\s+(?:if|when|where))\\s+(?:(?:it\\s+is|they\\s+are|this\\s+is|clearly|considered|judged|deemed|felt\\s+to\\s+be"
      + "|thought\\s+to\\s+be|by\\s+the\\s+investigator|to\\s+be)\\s+)*(?:due\\s+to|attributed\\s+to|attributable\\s+to|caused\\s+by"
      + "|secondary\\s+to|related\\s+to|as\\s+a\\s+result\\s+of)\\s+(?:the\\s+)?(?:patient's\\s+|underlying\\s+)?"
      + "(?<cause>[^;:,()]+?)[\\s.;]*$");

  /**
   * An exclusion on a limit unless a disease causes it: excluded only when the limit is met and the record shows no such
   * disease; with the disease on record the exception may hold, so the patient is asked; never excluded on the limit
   * alone (the exception never makes the patient worse off). Null when the limit or the cause is not read in full.
   */
  private Rule limitUnlessCause(String sentence, String criteriaText, int depth) {
    Matcher m = LIMIT_UNLESS_CAUSE.matcher(sentence);
    if (!m.matches()) return null;
    Rule limit = read(m.group("what"), CriterionType.EXCLUSION, List.of(), criteriaText, depth + 1);
    if (hasUnread(limit) || !onlyLimits(limit) && !(limit instanceof AnyOf any
        && any.rules().stream().allMatch(r -> r instanceof MeasurementRule))) {
      return null;
    }
    Rule cause = read(m.group("cause"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    if (hasUnread(cause) || !(cause instanceof org.eligo.core.rule.ConditionRule)) return null;
    Ask asked = new Ask("Is it due to " + m.group("cause").strip() + "? \u201c" + sentence + "\u201d");
    return new AllOf(List.of(limit, new AnyOf(List.of(new Not(cause), asked))));
  }

  /** "Organ function within the following limits, including: …", "Laboratory values within these ranges: …" (§91). */
  private static final Pattern LIMITS_HEADING_INLINE = Pattern.compile("(?i)^(?<lead>[^:：;]*?\\bwithin\\s+(?:[\\p{L}-]+"
      + "\\s+){0,3}?(?:limits?|ranges?|parameters|values|thresholds|levels)\\b[^:：;]*?)\\s*,?\\s*(?:(?:including|as"
      + "\\s+follows|defined\\s+as|as\\s+defined\\s+below)\\s*)?[:：]\\s*(?<rest>\\S.*)$");
  /**
   * A lead that denies the bounds ("not within", "outside"): the limits would then exclude, not be required; or one
   * that qualifies them ("…, unless due to Gilbert's syndrome:", "… for patients without marrow involvement:", "…
   * without transfusion support …"): read as all the limits, the exception or the group was dropped and a patient
   * with Gilbert's syndrome failed the bilirubin limit (§91 review).
   */
  private static final Pattern NOT_WITHIN = Pattern.compile("(?i)\\b(?:not|outside|beyond|exceed\\w*|unless|except\\w*"
      + "|if|when|where|for|in|with|without|or|other\\s+than|apart\\s+from|but|provided|regardless|after|before|during"
      + "|off|on|absent|absence)\\b");

  /** Whether a rule is a lab limit or all of several. */
  static boolean onlyLimits(Rule rule) {
    return rule instanceof MeasurementRule
        || (rule instanceof AllOf all && all.rules().stream().allMatch(CriterionParser::onlyLimits));
  }

  /**
   * A heading that names its patients by what they have: "Patients with ITP:", "For participants with warm AIHA:",
   * "Subjects diagnosed with PNH:". Its items bind only them (DECISIONS §71).
   */
  private static final Pattern DISEASE_GROUP_HEADING = Pattern.compile("(?i)^\\s*[(\\[]?\\s*(?:(?:for|in|applicable\\s+to|specific\\s+to)\\s+)?(?:all\\s+)?(?<who>"
      + "(?:patients|participants|subjects|individuals|persons|people|those)\\s+(?:with|diagnosed\\s+with|who\\s+have)"
      + "\\s+[^:;：()\\[\\]]+?)\\s*(?:\\bonly\\s*)?[)\\]]?\\s*[:：]?\\s*$");

  /**
   * The group a heading names by a disease ("Patients with ITP:"), read as the group a sentence's requirement binds
   * ("Patients with ITP must …"), so the record answers whether the patient is in it; null when the heading names no
   * such group or is not understood in full (it is then asked).
   */
  public Rule headingGroup(String heading, CriterionType type) {
    if (heading == null) return null;
    Matcher m = DISEASE_GROUP_HEADING.matcher(heading);
    if (!m.matches()) return null;
    Rule who = read(GroupSentences.groupWords(m.group("who")), type, List.of(), heading, 1, true);
    return hasUnread(who) || who instanceof ScreeningConfirmation ? null : who;
  }

  /** A heading that requires its items: "Patients must have all of the following:", "… are eligible only if …". */
  private static final Pattern REQUIREMENT_HEADING = Pattern.compile("(?i)\\b(?:must|should|shall|needs?\\s+to"
      + "|ha(?:ve|s)\\s+to|(?:is|are|be)\\s+required|required\\s+to|eligible\\s+only|only\\s+(?:be\\s+)?eligible"
      + "|cannot|can\\s+not|can't|mustn't|shouldn't)(?!\\w)");
  /** A requirement heading that binds every patient: "Patients must …", "All subjects should not …". */
  private static final Pattern EVERYONE_HEADING = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:eligible\\s+)?(?:patients"
      + "|subjects|participants|individuals|the\\s+patient|the\\s+subject)\\s+(?:must|should|shall|needs?\\s+to"
      + "|ha(?:ve|s)\\s+to|(?:are|is)\\s+required\\s+to|(?:are|is)\\s+(?:eligible\\s+only|only\\s+eligible)|cannot"
      + "|can\\s+not|can't|mustn't|shouldn't)(?!\\w)");

  /** Whom a requirement heading binds, at its start: "Patients …", "HIV-positive patients …", "Women of …". */
  private static final Pattern HEADING_SUBJECT = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:[\\p{L}\\d+/-]+\\s+){0,3}?"
      + "(?:patients|subjects|participants|individuals|persons|people|those|women|men|females|males|children|adults"
      + "|adolescents|the\\s+patient|the\\s+subject)\\b");

  /** Whether a heading only lists, after at most a lead that says when: "History of the following:". */
  public static boolean plainListHeading(String heading) {
    return ListOfFollowingRecogniser.plainList(heading);
  }

  /**
   * Whether a heading over sub-items requires them of the patients it opens with ("Patients with cirrhosis must meet the
   * following:"); "Any of the following conditions that should preclude participation:" lists what excludes.
   */
  public static boolean requirementHeading(String heading) {
    return heading != null && HEADING_SUBJECT.matcher(heading).lookingAt()
        && REQUIREMENT_HEADING.matcher(heading).find() && !LIST_VERDICT.matcher(heading).find();
  }

  /**
   * A heading that says what its list does: "Patients who meet any of the following must be excluded:". One that denies
   * enrolment ("Patients must not be enrolled if they have any of the following:") is a requirement.
   */
  private static final Pattern LIST_VERDICT = Pattern.compile("(?i)\\b(?:(?:must|should|shall|will|may|can)\\s+"
      + "be\\s+(?:excluded|included|enrol+ed|eligible|ineligible|considered|recruited|admitted|randomi[sz]ed)|excluded"
      + "|ineligible)\\b");

  /** Whether a requirement heading binds every patient ("Patients must have all of the following:"). */
  public static boolean everyoneHeading(String heading) {
    return heading != null && EVERYONE_HEADING.matcher(heading).find();
  }

  /**
   * A heading that requires the items below it. In the exclusion list, as a one-sentence requirement there, it excludes
   * only a patient who fails it ("Patients must not have any of the following:" excludes what it lists; read as
   * written it excluded everyone who had none of them); one for a group there is asked. In the inclusion list one for a
   * group ("Patients with cirrhosis must meet all of the following:") holds too for a patient outside the group, which
   * is asked: read as the items alone it excluded every patient who failed them.
   */
  private Rule requirementOverList(String heading, CriterionType type, List<CriterionItem> children,
                                   String criteriaText, int depth, Rule rule) {
    boolean everyone = everyoneHeading(heading);
    if (type == CriterionType.EXCLUSION) {
      if (!everyone) return new Unparsed("a requirement over a list for some patients, in the exclusion list");
      Rule required = read(heading, CriterionType.INCLUSION, children, criteriaText, depth);
      return required instanceof Unparsed || required instanceof ScreeningConfirmation ? required : negate(required);
    }
    if (everyone || rule instanceof Unparsed || rule instanceof ScreeningConfirmation) return rule;
    return new AnyOf(List.of(rule, new Not(new Ask("Does this apply to the patient: \u201c" + heading.strip()
        + "\u201d?"))));
  }

  /**
   * "For women of childbearing potential, a negative pregnancy test is required" in the exclusion list: only they can
   * be pregnant, so the group adds nothing and a pregnancy excludes. Anything else required of them is a question.
   */
  private Rule childbearingExclusion(Rule rule, String what, String criteriaText, int depth) {
    Rule requirement = read(what, CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    if (requirement instanceof Not n && n.rule() instanceof PregnancyRule) return n.rule();
    return rule instanceof Unparsed ? rule : new Unparsed("a requirement for women of childbearing potential in the "
        + "exclusion list");
  }

  /** Whether every word before "patients" is one that names no group ("eligible", "all the"). */
  private static boolean noGroup(String words) {
    for (String w : words.strip().split("\\s+")) if (!NO_GROUP.matcher(w).matches()) return false;
    return true;
  }

  /** A group named by its ages after the people: "Adults (≥ 18 years)", "Children < 12 years", "Adults aged 18-64". */
  static final Pattern GROUP_AGES = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:(?:pa?ediatric|adult|elderly|older"
      + "|young)\\s+)?(?:patients|subjects|participants|individuals|persons|people|those|children|adults|adolescents"
      + "|pts)\\s+(?:who\\s+are\\s+)?\\(?\\s*(?:aged?\\s+)?(?<ages>[≥≤<>\\d][^()]*?|(?<words>(?:(?:older|younger)"
      + "\\s+than|over|under|above|below)\\s+\\d[^()]*?))\\s*\\)?\\s*$");

  /**
   * Whom a requirement binds, read as the list reads it ({@code type}); a group named by its ages after the people
   * ("Adults (≥ 18 years)") is those ages, which the sentence alone did not read.
   */
  private Rule readGroup(String whom, CriterionType type, String criteriaText, int depth) {
    // "Children with ITP unless in remission", "Patients with AIHA, unless in complete remission" (§99)
    Rule excepted = exceptions.groupWithException(whom, type, criteriaText, depth);
    if (excepted != null) return excepted;
    // "Children with ITP must …": the children by their ages beside the disease; read as "with ITP" the children were
    // dropped and an adult with ITP held to their requirement (§99)
    Rule aged = exceptions.ageWordWith(whom, type, criteriaText, depth);
    if (aged != null) return aged;
    Rule who = read(GroupSentences.groupWords(whom), type, List.of(), criteriaText, depth + 1, true);
    Matcher ages = GROUP_AGES.matcher(whom);
    if (who instanceof Unparsed && ages.matches()) {
      // "Patients older than 60": the narrower group, as the exclusion list reads it (> 60), in both lists: in the
      // inclusion list the group is negated, so a patient of 60 is not held to its limit (§91)
      Rule age = read("Age " + ages.group("ages"), ages.group("words") != null ? CriterionType.EXCLUSION : type,
          List.of(), criteriaText, depth + 1);
      if (age instanceof AgeRule) return age;
    }
    if (who instanceof Unparsed) {
      Rule bare = bareAgeGroup(whom, type, criteriaText, depth);
      if (bare != null) return bare;
    }
    return who;
  }

  /** "adults", "adult patients", "children" named without their ages (§88 review). */
  private static final Pattern BARE_ADULTS = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:adults|adult\\s+(?:patients"
      + "|subjects|participants|pts))\\s*$");
  private static final Pattern BARE_CHILDREN = Pattern.compile("(?i)^\\s*(?:all\\s+)?children\\s*$");
  /** "adolescents", "adolescent patients", "infants" named without their ages (§91). */
  private static final Pattern BARE_ADOLESCENTS = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:adolescents|adolescent\\s+"
      + "(?:patients|subjects|participants|pts))\\s*$");
  private static final Pattern BARE_INFANTS = Pattern.compile("(?i)^\\s*(?:all\\s+)?infants\\s*$");

  /**
   * "Adults" and "children" named without ages, as far as every usage agrees: ClinicalTrials.gov's own age groups
   * (Child birth-17, Adult 18-64, Older Adult 65+) make a patient of 18 or more an adult and no child; ICH E11's
   * (children 2-11 years, adolescents 12 to 16-18 years by region) make a patient of 2 to 11 a child and one under 16
   * no adult. Between (16-17 for adults; under 2 and 12-17 for children) the group is asked; a record without the age
   * leaves it unknown. Null for any other group.
   */
  Rule bareAgeGroup(String whom, CriterionType type, String criteriaText, int depth) {
    String question = "Does this apply to the patient: \u201c" + whom.strip() + "\u201d?";
    if (BARE_ADULTS.matcher(whom).matches()) {
      Rule adult = read("Age ≥ 18 years", CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      Rule maybe = read("Age ≥ 16 years", CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      if (!(adult instanceof AgeRule) || !(maybe instanceof AgeRule)) return null;
      return new AnyOf(List.of(adult, new AllOf(List.of(maybe, new Ask(question)))));
    }
    // "Adolescents" (§91): ICH E11's adolescents are 12 to 16-18 years by region, the WHO's 10 to 19, and some trials
    // reach into the early twenties (adolescents and young adults); 12 to 15 is one by all of them, under 10 or 25 and
    // more by none, the rest asked
    if (BARE_ADOLESCENTS.matcher(whom).matches()) {
      return sureOrAsked("Age 12 to 15 years", "Age 10 to 24 years", question, criteriaText, depth);
    }
    // "Infants" (§91): ICH E11's newborn infants (0-27 days) and infants and toddlers (28 days to 23 months), the FDA's
    // infants (1 month to under 2 years, its neonates apart: birth to under 1 month) and the common usage (the first
    // year): from 1 month to under 1 year one by all, 2 years and more by none; the first month (a neonate to the FDA,
    // whose trials write "Neonates must …" apart) and the second year asked (§91 review: a newborn was held to the
    // infants' weight)
    if (BARE_INFANTS.matcher(whom).matches()) {
      Rule infant = new AgeRule(new org.eligo.core.trial.RegistryAge(1, org.eligo.core.trial.RegistryAge.Unit.MONTHS),
          true, new org.eligo.core.trial.RegistryAge(1, org.eligo.core.trial.RegistryAge.Unit.YEARS), false);
      Rule may = read("Age < 2 years", CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      if (!(may instanceof AgeRule)) return null;
      return new AnyOf(List.of(infant, new AllOf(List.of(may, new Ask(question)))));
    }
    if (BARE_CHILDREN.matcher(whom).matches()) {
      Rule child = read("Age 2 to 11 years", CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      Rule minor = read("Age < 18 years", CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      if (!(child instanceof AgeRule) || !(minor instanceof AgeRule)) return null;
      return new AnyOf(List.of(child, new AllOf(List.of(minor, new Ask(question)))));
    }
    return null;
  }

  /** A group of the ages every usage agrees on, or of wider ages and asked; null when an age is not read. */
  private Rule sureOrAsked(String sure, String maybe, String question, String criteriaText, int depth) {
    Rule in = read(sure, CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    Rule may = read(maybe, CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    if (!(in instanceof AgeRule) || !(may instanceof AgeRule)) return null;
    return new AnyOf(List.of(in, new AllOf(List.of(may, new Ask(question)))));
  }

  /**
   * Whether what follows a group's comma may still be the group: up to the next comma or colon it holds no limit ("For
   * patients with diabetes, hypertension or both, HbA1c …", "In patients with diabetes, hypertension or both: HbA1c
   * …"; §88: the colon form had read "hypertension or both" as the limit, and excluded a diabetic with hypertension).
   */
  private static boolean groupGoesOn(String what) {
    int end = -1;
    for (String stop : new String[] {", ", ":", "："}) {
      int i = what.indexOf(stop);
      if (i >= 0 && (end < 0 || i < end)) end = i;
    }
    return end >= 0 && !LIMIT_WORDS.matcher(what.substring(0, end)).find();
  }

  /** Whether a sentence opens with the group it binds and then its limit ("In adults, …", "Adults (≥ 18 years): …"). */
  private static boolean groupNamedFirst(String sentence) {
    return GROUP_FIRST.matcher(sentence).matches() || AGE_GROUP_HEADING.matcher(sentence).matches()
        || BARE_GROUP_HEADING.matcher(sentence).matches();
  }

  /**
   * A group named first and a limit without "must", in the exclusion list ("In adults, hemoglobin < 9 g/dL", "For
   * patients aged ≥ 65: creatinine clearance < 30 mL/min"): all of (the group, the limit). The group not understood is
   * asked; a limit not read in full, or a comma that may not end the group, leaves the sentence a question.
   */
  private Rule groupOverLimit(Matcher m, Rule rule, String criteriaText, int depth) {
    String what = m.group("what");
    if (m.pattern() == GROUP_FIRST && m.group("sep").equals(",") && groupGoesOn(what)) {
      return new Unparsed("a limit for some patients whose group may go on past the comma");
    }
    if (ANOTHER_GROUP.matcher(what).find()) return new Unparsed("limits for several groups of patients");
    Rule limit = read(what, CriterionType.EXCLUSION, List.of(), criteriaText, depth + 1);
    // "In women of childbearing potential: positive pregnancy test": only they can be pregnant, so the group adds
    // nothing; "…: negative pregnancy test" written in the exclusion list is the requirement, a pregnancy excluded
    if (CHILDBEARING.matcher(m.group("who")).find()) {
      if (limit instanceof PregnancyRule) return limit;
      Rule required = read(what, CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      if (required instanceof Not n && n.rule() instanceof PregnancyRule) return n.rule();
    }
    if (limit instanceof ScreeningConfirmation || hasUnread(limit)) {
      return new Unparsed("a limit for some patients (\u201c" + m.group("who") + "\u201d) not understood in full");
    }
    Rule who = readGroup(m.group("who"), CriterionType.EXCLUSION, criteriaText, depth);
    // "Patients with SAA: ANC < 0.5 …" defines the disease (read whole, as before); only an age group is a scope
    if (m.pattern() == AGE_GROUP_HEADING && !(who instanceof AgeRule)) return rule;
    if (who instanceof Unparsed || who instanceof ScreeningConfirmation) {
      who = new Ask("Does this apply to the patient: \u201c" + m.group("who").strip() + "\u201d?");
    }
    return new AllOf(List.of(who, limit));
  }

  /**
   * "Adolescents weighing less than 40 kg", "Children under 6 years with a weight below 10 kg", "Elderly patients (≥ 75
   * years) with creatinine clearance &lt; 30 mL/min": a group named by its age (a bare group word, its ages after it or
   * none), then a lab or body limit after "weighing/with/having", without "must" (§95).
   */
  private static final Pattern BARE_GROUP_WITH_LIMIT = Pattern.compile("(?i)^\\s*(?<who>" + BARE_GROUP
      + "(?:\\s*\\(\\s*(?:aged?\\s+)?[≥≤<>\\d][^()]*\\)|\\s+(?:who\\s+are\\s+)?(?:aged?\\s+)?(?:(?:(?:older|younger)"
      + "\\s+than|over|under|above|below)\\s+)?[≥≤<>]?\\s*\\d+(?:\\s*(?:-|–|to)\\s*\\d+)?\\s*(?:years?|yrs?|months?)"
      + "(?:\\s+(?:of\\s+age|old))?)?)\\s*,?\\s+(?<verb>weighing|who\\s+weigh|with|having|who\\s+have)\\s+"
      + "(?<what>[^;:]+?)[\\s.;]*$");

  /** Another group named inside a group's limit: "… and adults weighing ≥ 50 kg", "…, patients aged 18 or over …". */
  private static final Pattern ANOTHER_GROUP_IN_LIMIT = Pattern.compile("(?i)\\b(?:" + BARE_GROUP + "|(?:patients"
      + "|subjects|participants|individuals|persons|people|those|pts|women|men|females|males|boys|girls|neonates"
      + "|newborns|toddlers|seniors)\\b)");

  /**
   * The reading of {@link #BARE_GROUP_WITH_LIMIT}: in the exclusion list all of (the group, the limit), in the inclusion
   * list any of (not the group, the limit), the group read as the list reads it and asked where the record cannot name
   * it, never dropped. Null when the sentence is not of this shape or the limit is not lab or body limits read in full
   * (a disease after "with" is left as it was read).
   */
  private Rule bareGroupWithLimit(String sentence, CriterionType type, String criteriaText, int depth) {
    Matcher m = BARE_GROUP_WITH_LIMIT.matcher(sentence);
    if (!m.matches()) return null;
    // "Children with ITP must have platelets ≥ 30 × 10^9/L": a requirement for the group, read as such below; read
    // here as all of (children, ITP, platelets ≥ 30) it excluded the children who meet it (§99)
    if (REQUIRED.matcher(m.group("what")).find()) return null;
    // "Adolescents weighing ≥ 40 kg and adults weighing ≥ 50 kg": another group's own limit follows; read as the
    // first group's, it held adolescents to the adults' 50 kg (§95 review)
    Matcher other = ANOTHER_GROUP_IN_LIMIT.matcher(m.group("what"));
    if (other.find()) return severalGroupsWithLimits(sentence, m, other.start(), type, criteriaText, depth);
    // in the exclusion list an "or" is a list the group is held to ("Children with ITP or aplastic anemia"): all of
    // (the group, any of them) excludes no one the words alone did not; an exception or a condition is left as it was
    Matcher notOne = NOT_ONE_REQUIREMENT.matcher(m.group("what"));
    while (notOne.find()) {
      String word = notOne.group().toLowerCase(java.util.Locale.ROOT);
      if (type != CriterionType.EXCLUSION || !(word.equals("or") || word.equals("and/or"))) return null;
    }
    String what = m.group("what").strip();
    if (m.group("verb").toLowerCase(java.util.Locale.ROOT).contains("weigh")) what = "Body weight " + what;
    Rule limit = read(what, type, List.of(), criteriaText, depth + 1);
    if (hasUnread(limit)) return null;
    // "Children with ITP", "Adolescents with a history of seizures" in the exclusion list: read whole, the group was
    // dropped and an adult with ITP was excluded (§95 review); all of (the group, the disease) excludes only the group.
    // In the inclusion list the disease alone is read as before (the registry's ages bound the group)
    if (!onlyLimits(limit) && (type != CriterionType.EXCLUSION || limit instanceof Unparsed)) {
      return null;
    }
    String whom = m.group("who").strip();
    Rule who = readGroup(whom, type, criteriaText, depth);
    if (hasUnread(who) || who instanceof ScreeningConfirmation) {
      who = new Ask("Does this apply to the patient: \u201c" + whom + "\u201d?");
    }
    return type == CriterionType.EXCLUSION ? new AllOf(List.of(who, limit)) : new AnyOf(List.of(new Not(who), limit));
  }

  /** What joins one group's limit to the next group: ", ", "; ", " and ", ", and ". */
  private static final Pattern GROUP_SEPARATOR = Pattern.compile("(?i)(?:\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+)$");

  /**
   * "Adolescents weighing ≥ 40 kg and adults weighing ≥ 50 kg", "Children weighing < 10 kg; adolescents weighing &lt;
   * 30 kg": each group is held to its own limit (§95 review): in the inclusion list all of the groups' readings, in
   * the exclusion list any of them. Where a group is not read so, the inclusion list asks (one group's limit read for
   * another failed the patients it does not bind) and the exclusion list keeps its earlier reading (null).
   */
  private Rule severalGroupsWithLimits(String sentence, Matcher m, int otherStart, CriterionType type,
                                       String criteriaText, int depth) {
    String what = m.group("what");
    String before = what.substring(0, otherStart);
    Matcher sep = GROUP_SEPARATOR.matcher(before);
    Rule first = null;
    Rule second = null;
    if (sep.find() && !before.substring(0, sep.start()).isBlank()) {
      first = bareGroupWithLimit(sentence.substring(0, m.start("what")) + before.substring(0, sep.start()), type,
          criteriaText, depth);
      second = bareGroupWithLimit(what.substring(otherStart), type, criteriaText, depth);
    }
    if (first == null || second == null || first instanceof Unparsed || second instanceof Unparsed) {
      // no limit before the other group ("Pediatric patients with AA who receive …"): not this shape
      return type == CriterionType.INCLUSION && LIMIT_WORDS.matcher(before).find()
          ? new Unparsed("limits for several groups of patients") : null;
    }
    return type == CriterionType.EXCLUSION ? new AnyOf(List.of(first, second)) : new AllOf(List.of(first, second));
  }

  /** An exception or a waiver in the last of several groups' limits, which may bind them all ("…, except …"). */
  private static final Pattern TRAILING_EXCEPTION = Pattern.compile("(?i)\\b(?:except|excepting|unless|regardless"
      + "|irrespective|excluding|other\\s+than|with\\s+the\\s+exception|not\\s+applicable|does\\s+not\\s+apply)\\b");

  /** Where a next group named first starts: "; in children:", ". For patients aged ≥ 65,". */
  private static final Pattern NEXT_GROUP = Pattern.compile("(?i)(?:[;.]|\\s/|,\\s*(?:and|or|while|whereas)?)\\s*"
      + "(?=(?:for|in|among)\\s+(?:all\\s+)?(?:(?:pa?ediatric|adult|elderly|older|female|male)\\s+)?"
      + "(?:patients|subjects|participants|individuals|persons|people|those|women|men|females|males|children|adults|adolescents"
      + "|pts)\\b|(?:(?:pa?ediatric|adult|elderly|older)\\s+)?(?:patients|subjects|participants|children|adults"
      + "|adolescents|pts)\\s+(?:aged?\\b|older|younger|over|under|[≥≤<>]|\\d|\\()"
      // "Adults: ECOG 0-2; children: Lansky ≥ 50", "… / Children: Lansky ≥ 60" (§88 amendment)
      + "|" + BARE_GROUP + "\\s*(?:\\([^()]*\\))?\\s*:)");

  /**
   * "In adults: Hb ≥ 9 g/dL; in children: Hb ≥ 8 g/dL", "Adults (≥ 18 years): ECOG 0-2; children (< 18 years): Lansky
   * ≥ 50": each group named first with its own limit, every part read on its own as such a sentence; all of them in the
   * inclusion list (each binds only its group), any of them in the exclusion list. Null where the sentence is not such
   * a list; a part not read as a group and its limit leaves the sentence a question, as before.
   */
  private Rule eachGroupsLimit(String sentence, CriterionType type, String criteriaText) {
    if (!groupNamedFirst(sentence)) return null;
    List<String> parts = new java.util.ArrayList<>();
    Matcher next = NEXT_GROUP.matcher(sentence);
    int start = 0;
    while (next.find()) {
      parts.add(sentence.substring(start, next.start()).strip());
      start = next.end();
    }
    if (parts.isEmpty()) return null;
    parts.add(sentence.substring(start).replaceAll("[\\s.;]+$", "").strip());
    // "In men, Hb ≥ 13 g/dL, in women, Hb ≥ 12 g/dL, except for patients with thalassemia trait": an exception at
    // the end may bind every group; read as the last group's, it had failed a man with the trait (§88 review)
    if (TRAILING_EXCEPTION.matcher(parts.get(parts.size() - 1)).find()) {
      return new Unparsed("requirements for several groups of patients with an exception that may bind them all");
    }
    List<Rule> rules = new java.util.ArrayList<>();
    for (String part : parts) {
      if (!groupNamedFirst(part)) return new Unparsed("requirements for several groups of patients");
      Rule r = runRead(part, type, List.of(), criteriaText, 0);
      if (hasUnread(r) || !(r instanceof AnyOf || r instanceof AllOf)) {
        return new Unparsed("requirements for several groups of patients, one not understood in full");
      }
      rules.add(r);
    }
    // each part as (the group, its limit), so a patient in two groups ("In adults: …; in patients aged 70 or older: …")
    // is asked which limit applies, never held to both (§99 review)
    List<Rule> whos = new java.util.ArrayList<>();
    List<Rule> limits = new java.util.ArrayList<>();
    for (Rule r : rules) {
      if (type == CriterionType.EXCLUSION && r instanceof AllOf all && all.rules().size() == 2) {
        whos.add(all.rules().get(0));
        limits.add(all.rules().get(1));
      } else if (type != CriterionType.EXCLUSION && r instanceof AnyOf any && any.rules().size() == 2
          && any.rules().get(0) instanceof Not not) {
        whos.add(not.rule());
        limits.add(any.rules().get(1));
      } else {
        return type == CriterionType.EXCLUSION ? new AnyOf(rules) : new AllOf(rules);
      }
    }
    return eachHeldToOwnLimit(whos, limits, type, sentence);
  }

  /** A group of patients by a word and perhaps its ages: "adults", "children 2-17 years", "infants (< 2 years)". */
  // (not "elderly" or "older patients": they are adults too, and held to the adults' limit an elderly patient the
  // group's own limit lets in would fail)
  private static final String LISTED_GROUP = "(?:(?:pa?ediatric|adult|adolescent)\\s+(?:patients|subjects"
      + "|participants|pts)|adults|children|adolescents|infants|neonates|newborns|toddlers|teenagers|minors"
      + "|(?:patients|subjects|participants)(?=\\s*\\(?\\s*(?:aged?\\s+)?(?:[≥≤<>]|\\d|(?:older|younger)\\s+than|over"
      + "|under)))(?:\\s*\\(\\s*(?:aged?\\s+)?[≥≤<>\\d][^()]*\\)|\\s+(?:aged?\\s+)?(?:(?:(?:older|younger)\\s+than"
      + "|over|under|above|below)\\s+)?[≥≤<>]?\\s*\\d+(?:\\s*(?:-|–|to)\\s*\\d+)?\\s*(?:years?|yrs?|months?)"
      + "(?:\\s+(?:of\\s+age|old))?(?:\\s+(?:or|and)\\s+(?:older|younger|over|above|more))?)?";
  /** A limit's opening comparator. */
  private static final String OPENS_LIMIT = "(?:[≥≤<>]|less\\s+than|greater\\s+than|more\\s+than|at\\s+least"
      + "|at\\s+most|up\\s+to|below|above)";
  /** "Adults ≥ 18 years: Hb ≥ 9 g/dL", "for children: Hb ≥ 8 g/dL": a group, a colon, its limit. */
  private static final Pattern LISTED_GROUP_COLON = Pattern.compile("(?i)^(?:(?:for|in)\\s+)?(?<group>" + LISTED_GROUP
      + ")\\s*:\\s*(?<what>\\S.*)$");
  /** "adults ≥ 9 g/dL": a group, then its limit on the measure a heading named. */
  private static final Pattern LISTED_GROUP_LIMIT = Pattern.compile("(?i)^(?:(?:for|in)\\s+)?(?<group>" + LISTED_GROUP
      + ")\\s*,?\\s+(?<what>" + OPENS_LIMIT + "\\s*\\d.*)$");
  /** "Hemoglobin ≥ 9 g/dL for adults", "≥ 8 g/dL in children": a limit, then the group it is for. */
  private static final Pattern LIMIT_FOR_GROUP = Pattern.compile("(?i)^(?<what>[^:]*?" + OPENS_LIMIT + "\\s*\\d[^:]*?)"
      + "\\s*,?\\s+(?:for|in|among)\\s+(?<group>" + LISTED_GROUP + ")$");
  /** "Hemoglobin: …": the measure the group list is about, written as its heading. */
  private static final Pattern MEASURE_HEADING = Pattern.compile("(?i)^(?<measure>[^:;≥≤<>\\d]+?)\\s*:\\s*(?<rest>\\S.*)$");
  /** The measure's words before a limit's comparator. */
  private static final Pattern MEASURE_BEFORE = Pattern.compile("(?i)^(?<measure>.*?)\\s*" + OPENS_LIMIT + "\\s*\\d");
  /** Group words that {@link #GROUP_AGES} does not take: read by their written ages as patients. */
  private static final Pattern OTHER_AGE_WORD = Pattern.compile("(?i)^(?:infants|neonates|newborns|toddlers|teenagers"
      + "|minors)(?=\\s*\\(?\\s*(?:aged?\\s+)?(?:[≥≤<>]|\\d|(?:older|younger)\\s+than|over|under))");

  /**
   * Groups listed with ";", each with its own limit: "Hemoglobin: adults ≥ 9 g/dL; children ≥ 8 g/dL; infants ≥ 7
   * g/dL", "Hemoglobin ≥ 9 g/dL for adults; ≥ 8 g/dL for children", "Adults ≥ 18 years: Hb ≥ 9 g/dL; children 2-17
   * years: Hb ≥ 8 g/dL; infants &lt; 2 years: Hb ≥ 7 g/dL" (§99). Each group is held to its own limit only, as §88
   * reads "In adults: …; in children: …": all of (outside the group, or its limit) in the inclusion list, any of (in the
   * group and over its limit) in the exclusion list; a group the record cannot name is asked, never dropped. Null
   * where the sentence is not such a list, a limit is not read in full, or the sentence is already read as one
   * ({@link #eachGroupsLimit}).
   */
  private Rule groupsListedWithLimits(String sentence, CriterionType type, String criteriaText) {
    if (groupNamedFirst(sentence)) {
      Rule each = eachGroupsLimit(sentence, type, criteriaText);
      if (each != null && !(each instanceof Unparsed)) return null;
    }
    String[] parts = sentence.replaceAll("[\\s.;]+$", "").split("\\s*;\\s*(?:and\\s+|or\\s+)?");
    if (parts.length < 2) return null;
    String measure = null;
    Matcher heading = MEASURE_HEADING.matcher(parts[0]);
    if (heading.matches() && LISTED_GROUP_LIMIT.matcher(heading.group("rest")).matches()) {
      measure = heading.group("measure").strip();
      parts[0] = heading.group("rest");
    }
    List<Rule> whos = new java.util.ArrayList<>();
    List<Rule> limits = new java.util.ArrayList<>();
    for (String part : parts) {
      Matcher m;
      String what;
      if ((m = LISTED_GROUP_COLON.matcher(part)).matches() || (m = LIMIT_FOR_GROUP.matcher(part)).matches()
          || (m = LISTED_GROUP_LIMIT.matcher(part)).matches()) {
        what = m.group("what").strip();
      } else {
        return null;
      }
      Matcher named = MEASURE_BEFORE.matcher(what);
      if (!named.lookingAt()) return null;
      if (named.group("measure").isBlank()) {
        if (measure == null) return null;
        what = measure + " " + what; // "≥ 8 g/dL for children" after "Hemoglobin ≥ 9 g/dL for adults"
      } else if (m.pattern() == LIMIT_FOR_GROUP || measure == null) {
        measure = named.group("measure").strip();
      }
      Rule limit = read(what, type, List.of(), criteriaText, 1);
      if (hasUnread(limit) || !onlyLimits(limit)) return null;
      String group = m.group("group").strip();
      Matcher other = OTHER_AGE_WORD.matcher(group);
      Rule who = readGroup(other.lookingAt() ? "Patients" + group.substring(other.end()) : group, type,
          criteriaText, 0);
      if (hasUnread(who) || who instanceof ScreeningConfirmation) {
        who = new Ask("Does this apply to the patient: \u201c" + group + "\u201d?");
      }
      whos.add(who);
      limits.add(limit);
    }
    return eachHeldToOwnLimit(whos, limits, type, sentence);
  }

  /**
   * Groups each held to their own limit: all of (outside the group, or its limit) in the inclusion list, any of (in the
   * group and over its limit) in the exclusion list (§88, §99).
   */
  private static Rule eachHeldToOwnLimit(List<Rule> whos, List<Rule> limits, CriterionType type, String sentence) {
    // "Hemoglobin ≥ 10 g/dL for adults; ≥ 9 g/dL for patients ≥ 65 years": a patient in two groups (an adult of 70) may
    // be held to either limit; held to both, the lower one written for him was never used and he failed at 9.5 (§99
    // review). Failing one group's limit while within another's he is in asks which applies.
    Ask which = new Ask("The patient is in more than one of the groups: which limit applies: \u201c" + sentence
        + "\u201d?");
    boolean exclusion = type == CriterionType.EXCLUSION;
    List<Rule> rules = new java.util.ArrayList<>();
    for (int i = 0; i < whos.size(); i++) {
      List<Rule> others = new java.util.ArrayList<>();
      for (int j = 0; j < whos.size(); j++) {
        if (j == i || !AgeSpans.mayOverlap(whos.get(i), whos.get(j))) continue;
        Rule within = exclusion ? new Not(limits.get(j)) : limits.get(j);
        others.add(new AllOf(List.of(whos.get(j), within, which)));
      }
      Rule who = whos.get(i);
      Rule limit = limits.get(i);
      Rule another = others.isEmpty() ? null : others.size() == 1 ? others.get(0) : new AnyOf(others);
      if (exclusion) {
        rules.add(new AllOf(another == null ? List.of(who, limit) : List.of(who, limit, new Not(another))));
      } else {
        rules.add(new AnyOf(another == null ? List.of(new Not(who), limit) : List.of(new Not(who), limit, another)));
      }
    }
    return type == CriterionType.EXCLUSION ? new AnyOf(rules) : new AllOf(rules);
  }

  /**
   * Whether a sentence that does not open with a group goes on, after ";", "." or " / ", to a group named first and
   * its limit ("ECOG 0-2; children: Lansky ≥ 50", "Hb ≥ 9 g/dL. In children, Hb ≥ 8 g/dL").
   */
  private static boolean laterGroupsLimit(String sentence) {
    if (groupNamedFirst(sentence)) return false;
    Matcher next = NEXT_GROUP.matcher(sentence);
    while (next.find()) {
      if (next.start() > 0 && groupNamedFirst(sentence.substring(next.end()).strip())) return true;
    }
    return false;
  }

  /** "Patients must have platelets ≥ 50 × 10^9/L": what every patient must meet, said in a whole sentence. */
  private static final Pattern EVERYONE_MUST = Pattern.compile("(?i)^\\s*(?:all\\s+)?(?:patients|subjects|participants"
      + "|the\\s+patient|the\\s+subject)\\s+(?:must|should|shall|needs?\\s+to|(?:are|is)\\s+required\\s+to)\\s+(?<what>\\S.*)$");
  /** "INR < 1.5 is required". */
  private static final Pattern REQUIRED_AFTER = Pattern.compile("(?i)^\\s*(?<what>\\S.*?)\\s*,?\\s+(?:is|are)\\s+"
      + "(?:required|mandatory|necessary)\\W*$");

  /**
   * A requirement for every patient written in the exclusion list ("Patients must have platelets ≥ 50 × 10^9/L",
   * "INR < 1.5 is required"), a registry slip: read as written it excluded everyone who meets it. It excludes a
   * patient who fails it; read only in part it is a question.
   */
  private Rule everyonesRequirementInExclusions(String sentence, Rule rule, String criteriaText, int depth) {
    Matcher m = EVERYONE_MUST.matcher(sentence);
    Rule requirement;
    if (GroupSentences.EVERYONE_MUST_NOT.matcher(sentence).matches()) {
      // "Patients must not have received rituximab within 6 months", "Subjects cannot have active hepatitis B"
      requirement = read(sentence, CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
    } else if (m.matches()) {
      requirement = read("Patients must " + m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText,
          depth + 1);
    } else if ((m = REQUIRED_AFTER.matcher(sentence)).matches()) {
      // "Patients for whom anticoagulation is required" names whom the exclusion is about: read as written
      // as written, save a procedure, which "required" makes one still to come, not one had
      if (PATIENTS_WHOM.matcher(m.group("what")).find()) {
        return namesTreatment(rule, false) ? new Unparsed("a procedure required for some patients") : rule;
      }
      requirement = read(m.group("what"), CriterionType.INCLUSION, List.of(), criteriaText, depth + 1);
      // "Anticoagulation is required", "Splenectomy is required": a need for a treatment (those who need it excluded)
      // or a slip for a treatment every patient must have had; the record cannot tell which, so it is asked
      if (namesTreatment(requirement, true)) {
        return new Unparsed("a treatment said to be required in the exclusion list: a need for it, or a requirement");
      }
    } else {
      return rule;
    }
    if (requirement instanceof ScreeningConfirmation) return requirement;
    if (hasUnread(requirement)) {
      return new Unparsed("a requirement written in the exclusion list, not understood in full");
    }
    return negate(requirement);
  }

  /** Whom a sentence is about, named by a relative clause ("Patients for whom", "those in whom"). */
  private static final Pattern PATIENTS_WHOM = Pattern.compile("(?i)\\b(?:whom|who|whose)\\b");

  /** Whether a rule names a drug or a procedure, which "required" may mean the patient needs and has yet to have. */
  private static boolean namesTreatment(Rule rule, boolean drugs) {
    return switch (rule) {
      case org.eligo.core.rule.MedicationRule r -> drugs;
      case org.eligo.core.rule.ProcedureRule r -> true;
      case AllOf a -> a.rules().stream().anyMatch(r -> namesTreatment(r, drugs));
      case AnyOf a -> a.rules().stream().anyMatch(r -> namesTreatment(r, drugs));
      case AtLeast a -> a.rules().stream().anyMatch(r -> namesTreatment(r, drugs));
      case Not n -> namesTreatment(n.rule(), drugs);
      default -> false;
    };
  }

  /** Not(rule), without a double negation. */
  static Rule negate(Rule rule) {
    Rule drug = DrugWindowDenial.deniedDrug(rule); // "must not have received X within N": X within N
    if (drug != null) return drug;
    return rule instanceof Not n ? n.rule() : new Not(rule);
  }

  /** Whether some part of a rule was not understood. */
  static boolean hasUnread(Rule rule) {
    return switch (rule) {
      case Unparsed u -> true;
      case AllOf a -> a.rules().stream().anyMatch(CriterionParser::hasUnread);
      case AnyOf a -> a.rules().stream().anyMatch(CriterionParser::hasUnread);
      case AtLeast a -> a.rules().stream().anyMatch(CriterionParser::hasUnread);
      case Not n -> hasUnread(n.rule());
      default -> false;
    };
  }

  private Rule read(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                    int depth) {
    return read(registryText, type, children, criteriaText, depth, false);
  }

  /** As above; {@code groupScope} when the text names whom a requirement binds ({@link Sentence#groupScope}). */
  private Rule read(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                    int depth, boolean groupScope) {
    return read(registryText, type, children, criteriaText, depth, groupScope, false);
  }

  /**
   * As above; {@code denied} when the text is what a sentence denies, read without its "not" ("Must not have received
   * rituximab for at least 6 months prior to screening"): its span is then a washout, never asked as a length.
   */
  private Rule read(String registryText, CriterionType type, List<CriterionItem> children, String criteriaText,
                    int depth, boolean groupScope, boolean denied) {
    if (registryText == null || registryText.isBlank()) return new Unparsed("empty criterion");
    if (depth > MAX_DEPTH) return new Unparsed("nested too deeply");
    try {
      Sentence s = new Sentence(MatchText.of(registryText), type == null ? CriterionType.INCLUSION : type, children,
          criteriaText, context, depth, this);
      s.groupScope = groupScope;
      s.denied = denied;
      if (s.text.isEmpty()) return new Unparsed("empty criterion");
      // "Stable dose of danazol for ≥ 4 weeks": how those on the drug must take it, never the drug required (§55)
      Rule stableDose = StableDose.read(s);
      if (stableDose != null) return stableDose;
      // "Patients must not have received rituximab within 6 months": not(the requirement without "not")
      Rule negated = GroupSentences.negatedRequirement(registryText.strip(),
          text -> read(text, CriterionType.EXCLUSION, List.of(), criteriaText, depth + 1, false, true));
      if (negated != null) return negated;
      // "No transfusion within 2 weeks, or platelets ≥ 30 × 10^9/L": the denial or the limit (DenialOrLimit, §55)
      Rule denialOrLimit = DenialOrLimit.read(registryText, type,
          text -> read(text, type, List.of(), criteriaText, depth + 1),
          text -> {
            var found = context.lexicon().findMentions(text);
            return !found.isEmpty()
                && found.stream().allMatch(m -> m.kind() == org.eligo.criteria.lexicon.ConceptKind.MEASURE);
          });
      if (denialOrLimit != null) return denialOrLimit;
      // "No prior eltrombopag, age 18 or older": the denial and the limit read apart (DenialThenLimit)
      Rule denialThenLimit = DenialThenLimit.read(registryText, type,
          text -> read(text, type, List.of(), criteriaText, depth + 1));
      if (denialThenLimit != null) return denialThenLimit;
      // "No prior rituximab and no prior eltrombopag": each denial read alone, all required
      Rule denials = RepeatedDenials.read(registryText, type,
          text -> read(text, type, List.of(), criteriaText, depth + 1));
      if (denials != null) return denials;
      for (Recogniser pass : passes) {
        pass.read(s);
        if (s.settled != null) break;
      }
      return s.settled != null ? s.settled : new Unparsed("no rule recognised");
    } catch (RuntimeException e) {
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      for (StackTraceElement frame : e.getStackTrace()) {
        if (frame.getClassName().startsWith("org.eligo")) {
          at = frame;
          break;
        }
      }
      return new Unparsed("parser error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + (at == null ? "" : " at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1) + ":"
          + at.getLineNumber()));
    }
  }
}
