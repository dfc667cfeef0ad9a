package org.eligo.criteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.curated.CuratedRuleSets;
import org.eligo.criteria.json.RuleFile;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptLexicon;
import org.eligo.criteria.pass.BroaderDiagnosisPass;
import org.eligo.criteria.pass.ChronicInfectionPass;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.criteria.parse.CriterionParser;
import org.eligo.criteria.parse.HeadingWindow;
import org.eligo.criteria.parse.ParseContext;
import org.eligo.criteria.parse.ParserSettings;
import org.eligo.criteria.text.CriteriaTextSplitter;
import org.eligo.criteria.text.CriterionItem;
import org.eligo.criteria.text.SplitCriteria;

/**
 * Compiles a trial's eligibility into a {@link CriteriaSet}: the registry's structured age and sex limits (origin
 * {@link RuleOrigin#REGISTRY_FIELDS}, ids {@code reg-age}, {@code reg-sex}), then the curated rule set when there is
 * one, else the criteria text split into items and parsed (ids {@code inc-1}, {@code inc-4.2}, {@code exc-3}).
 * Build one per process ({@link #standard()}) and share it: it is thread-safe and holds no per-call state.
 */
public final class CriteriaCompiler {
  private final ConceptLexicon lexicon;
  private final ParserSettings settings;
  private final CuratedRuleSets curated;
  private final CriteriaTextSplitter splitter = new CriteriaTextSplitter();
  private final BroaderDiagnosisPass broader;
  private final ChronicInfectionPass chronic = new ChronicInfectionPass();

  public CriteriaCompiler(ConceptLexicon lexicon, ParserSettings settings, CuratedRuleSets curated) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.curated = Objects.requireNonNull(curated, "curated");
    this.broader = new BroaderDiagnosisPass(lexicon);
  }

  /** The compiler over the bundled terminology, default settings and the bundled curated rule sets. */
  public static CriteriaCompiler standard() {
    TerminologyLexicon lexicon = TerminologyLexicon.bundled();
    return new CriteriaCompiler(lexicon, ParserSettings.DEFAULT, CuratedRuleSets.bundled(lexicon));
  }

  public ConceptLexicon lexicon() {
    return lexicon;
  }

  /**
   * The diseases the trial studies: every condition concept named in its registry condition list ("Aplastic Anemia",
   * "Pure Red Cell Aplasia"). Matching ranks the trials that study one of a patient's diagnoses first among equals;
   * it never decides eligibility.
   */
  public java.util.Set<String> studiedConditions(Trial trial) {
    if (trial.conditions() == null) return java.util.Set.of();
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (String condition : trial.conditions().conditions()) {
      if (condition == null || condition.isBlank()) continue;
      for (var mention : lexicon.findMentions(condition.toLowerCase(java.util.Locale.ROOT))) {
        if (mention.kind() == org.eligo.criteria.lexicon.ConceptKind.CONDITION) ids.add(mention.id());
      }
    }
    return java.util.Set.copyOf(ids);
  }

  /** The trial's criteria: registry fields, then curated criteria if any, else parsed ones. */
  public CriteriaSet compile(Trial trial) {
    List<Criterion> criteria = new ArrayList<>(registryFields(trial.eligibility()));
    Optional<RuleFile> file = curated.find(trial.nctId());
    if (file.isPresent()) {
      // curated rules name the terminology's generic infection as parsed ones do: the same pass keeps a chronic
      // infection from counting as an active one without a question
      for (Criterion c : file.get().criteria().criteria()) {
        criteria.add(new Criterion(c.id(), c.type(), c.text(), chronic.apply(c.rule(), c.type()), c.origin()));
      }
    } else {
      String text = trial.eligibility() == null ? null : trial.eligibility().eligibilityCriteria();
      for (Criterion c : parseText(text, studyDrugs(trial))) {
        Rule rule = chronic.apply(broader.apply(c.rule(), c.type()), c.type());
        criteria.add(new Criterion(c.id(), c.type(), c.text(), rule, c.origin()));
      }
    }
    return new CriteriaSet(trial.nctId(), criteria);
  }

  /**
   * The parser's reading of a criteria text, ignoring curated files and registry fields, before the safety passes
   * that {@link #compile} applies ({@link BroaderDiagnosisPass}, {@link ChronicInfectionPass}).
   */
  public CriteriaSet parse(String trialId, String criteriaText) {
    return new CriteriaSet(trialId, parseText(criteriaText, List.of()));
  }

  /** True when a curated rule set exists for the trial. */
  public boolean isCurated(String nctId) {
    return curated.find(nctId).isPresent();
  }

  private List<Criterion> parseText(String text, List<String> studyDrugs) {
    List<Criterion> out = new ArrayList<>();
    if (text == null || text.isBlank()) return out;
    SplitCriteria split = splitter.split(text);
    CriterionParser parser = new CriterionParser(new ParseContext(lexicon, settings, studyDrugs));
    for (CriterionItem item : split.items()) add(item, text, parser, out);
    return out;
  }

  private static void add(CriterionItem item, String text, CriterionParser parser, List<Criterion> out) {
    add(item, text, parser, out, null, HeadingWindow.NONE);
  }

  /**
   * @param condition whether the headings the item's list hangs from apply to the patient, when they make the items
   *     conditional ("Cohort B (warm AIHA):", "For patients on warfarin:"), else null
   */
  private static void add(CriterionItem item, String text, CriterionParser parser, List<Criterion> out,
                          Rule condition, HeadingWindow window) {
    if (!item.heading() && CriterionParser.combinesChildren(item)) {
      out.add(criterion(item.id(), item.type(), item.blockText(text), parser.parse(item, text, window), condition));
      return;
    }
    // (a bold heading too: "* **Disease characteristics:**" over sub-bullets)
    boolean heading = !item.children().isEmpty() && (item.heading()
        || item.text().strip().replaceAll("\\*+$", "").strip().endsWith(":"));
    // "Except in patients with marrow involvement by disease:" over "ANC ≥ 1.0 × 10^9/L", "Platelets ≥ 75 × 10^9/L": an
    // exception written over the limits it exempts from, read as the same words on one line (§99); read as a list of
    // exceptions the heading was unparsed, and the limits were never read
    Rule overLimits = heading ? parser.exceptionOverLimits(item, text) : null;
    if (overLimits != null) {
      out.add(criterion(item.id(), item.type(), item.blockText(text), overLimits, condition));
      return;
    }
    if (heading && EXCEPTION_HEADING.matcher(item.text()).find()) {
      // "Prior malignancy within 5 years. However, the following are allowed:" followed by the exceptions: one
      // criterion, the heading's own rule with the listed exceptions as a question. The exceptions are never
      // criteria of their own (read alone, "basal cell carcinoma" would exclude the very patients it admits).
      Rule rule = parser.parse(item.text(), item.type());
      if (!(rule instanceof Unparsed)) {
        Ask exception = new Ask("Does one of the exceptions listed apply to the patient: \u201c"
            + item.blockText(text).replaceAll("\\s+", " ") + "\u201d?");
        // the heading's own question gives way to the one that names the exceptions too
        // (in an inclusion, "Platelets ≥ 100,000/mm3, except:" is already any of (limit, question))
        Rule own = rule instanceof AllOf all && all.rules().stream().anyMatch(r -> r instanceof Ask)
            ? withoutAsks(all)
            : item.type() == CriterionType.INCLUSION && rule instanceof AnyOf any
                && any.rules().stream().anyMatch(r -> r instanceof Ask) ? withoutAsks(any) : rule;
        // an inclusion is met by its rule or by an exception; an exclusion needs its rule and no exception
        rule = item.type() == CriterionType.INCLUSION ? new AnyOf(List.of(own, exception))
            : own instanceof AllOf a ? new AllOf(concat(a.rules(), exception)) : new AllOf(List.of(own, exception));
      }
      out.add(criterion(item.id(), item.type(), item.blockText(text), rule, condition));
      return;
    }
    if (heading && CriterionParser.requirementHeading(item.text())) {
      // "Patients with HIV must meet the following:" over items: read alone each item dropped the group, and in the
      // exclusion list excluded the patients who meet it ("CD4 > 350"); there the requirement is asked, and in the
      // inclusion list a group's items hold too for a patient outside it
      if (item.type() == CriterionType.EXCLUSION) {
        out.add(criterion(item.id(), item.type(), item.blockText(text), new Unparsed("requirements listed under a "
            + "heading in the exclusion list"), condition));
        return;
      }
      Rule group = CriterionParser.everyoneHeading(item.text()) ? condition
          : both(condition, applies(item.text().strip()));
      for (CriterionItem child : item.children()) add(child, text, parser, out, group, window);
      return;
    }
    if (!heading) out.add(criterion(item.id(), item.type(), item.text(), parser.parse(item, text, window), condition));
    boolean conditional = heading && (CONDITIONAL_HEADING.matcher(item.text()).find()
        && !LIST_INTRODUCTION.matcher(item.text()).find() || qualifyingInlineHeading(item, text)
        || subsetHeading(item.text()) && (item.heading() || item.text().strip().split("\\s+").length <= 6));
    // (a bulleted heading too, when short: "* For Part 2 only:", "* Cohort A (ITP):")
    // a heading that names the patients by a disease the record answers ("Patients with ITP:") is read as the group
    // a sentence's requirement binds (CriterionParser.headingGroup); any other is asked
    Rule childCondition = conditional ? both(condition, Optional.ofNullable(parser.headingGroup(item.text(),
        item.type())).orElseGet(() -> applies(item.text().strip()))) : condition;
    // "Within 6 months before screening:", "The following conditions in the past 3 months:": each item is read with
    // the heading's time, as if written with it (an item's own time wins; a heading's own wins over an outer one)
    // (not a conditional heading's: "For patients treated with rituximab within 6 months:" says whom, not when)
    HeadingWindow childWindow = heading && childCondition == condition ? HeadingWindow.of(item.text())
        : HeadingWindow.NONE;
    if (!childWindow.present()) childWindow = window;
    boolean evidence = heading && hemolysisEvidenceHeading(item);
    if (heading && (definitionHeading(item) || evidence)) {
      // "At least 1 thromboembolic event in the past 12 months, defined as:" over "Deep vein thrombosis", "Pulmonary
      // embolism", "Stroke": the items say what counts, most often as kinds of it; read as criteria of their own each
      // was required, and a patient with a deep vein thrombosis alone was INELIGIBLE. A definition may also need all
      // its items, so the list is met when all of them are, fails when none is, and is asked otherwise
      List<Rule> rules = new ArrayList<>();
      for (CriterionItem child : item.children()) rules.add(parser.parse(child, text, childWindow));
      boolean examples = EXAMPLE_HEADING.matcher(item.text()).find();
      boolean oneWillDo = ONE_WILL_DO.matcher(item.text()).find();
      // items with limits each hold under a heading that defines ("Adequate organ function, defined as:", §56), also
      // under one that lists the limits an adequate function needs ("Adequate organ function, including:"); under a
      // heading that gives examples or says one will do ("Evidence of hemolysis, such as:" over "LDH > ULN",
      // "Haptoglobin < 25 mg/dL") they are alternatives, as plain items are (read as criteria of their own, each was
      // required and a patient with one of them failed; DECISIONS 89, amendment)
      // a heading of examples that names neither signs of a disorder nor what an adequate function needs ("Screening
      // laboratory results, including:", "Hematologic parameters, such as:", "Evidence of adequate bone marrow
      // reserve, including:") may list requirements as well as markers: read as markers a patient with an ANC of
      // 0.3 met it on the platelets alone, read as requirements a patient with one marker would fail, so it is met
      // when every limit is and asked otherwise (DECISIONS 89, amendment reviewed)
      boolean adequacy = ADEQUACY_HEADING.matcher(item.text()).find();
      boolean disorder = DISORDER_HEADING.matcher(item.text()).find();
      boolean undecided = !oneWillDo && examples && !evidence && rules.stream().anyMatch(CriteriaCompiler::limitInside)
          && (disorder ? STRONG_ADEQUACY.matcher(item.text()).find() : !adequacy);
      if (undecided && !rules.stream().allMatch(r -> r instanceof Unparsed)) {
        out.add(criterion(item.id(), item.type(), item.blockText(text), new AnyOf(List.of(new AllOf(rules),
            new Ask("Must every value listed hold, or is one of them enough: \u201c" + item.text().strip() + " "
                + String.join("; ", item.children().stream().map(c -> c.text().strip()).toList()) + "\u201d?"))),
            childCondition));
        return;
      }
      boolean limitsAlternatives = oneWillDo || examples && (!adequacy || disorder);
      // "Laboratory evidence of hemolysis:" over "LDH > ULN", "Haptoglobin < LLN": markers, not limits that must each
      // hold; read so, a patient with a high LDH and a normal haptoglobin was INELIGIBLE (§86 review)
      if ((evidence || limitsAlternatives || rules.stream().noneMatch(CriteriaCompiler::limitInside))
          && !rules.stream().allMatch(r -> r instanceof Unparsed)) {
        // "At least 1 thromboembolic event …, defined as:", "One or more prior therapies, including:": the heading
        // says one will do, so one item meets it; "…, including:", "such as:" list examples, so a record without any
        // of them is asked (a therapy not listed may be one), never failed (DECISIONS 89, review)
        Rule either;
        if (examples || oneWillDo) {
          List<Rule> any = new ArrayList<>(rules);
          if (examples) any.add(new Unparsed("the list gives examples only"));
          either = new AnyOf(any);
        } else {
          either = new AnyOf(List.of(new AllOf(rules), new AllOf(List.of(new AnyOf(rules),
              new Ask("Is one of the items listed enough to meet the definition, or must all of them hold: \u201c"
                  + item.text().strip() + " " + String.join("; ", item.children().stream().map(c -> c.text().strip())
                  .toList()) + "\u201d?")))));
        }
        out.add(criterion(item.id(), item.type(), item.blockText(text), either, childCondition));
        return;
      }
    }
    for (CriterionItem child : item.children()) add(child, text, parser, out, childCondition, childWindow);
  }

  /**
   * An inclusion heading that introduces a definition by its items ("…, defined as:", "as defined by:", "…
   * including:"), over plain items that name diseases, events, treatments or procedures. Items that hold limits
   * ("Adequate organ function, defined as:" over "ALT ≤ 3 × ULN", …) each hold, as before (§56).
   */
  private static boolean definitionHeading(CriterionItem item) {
    return item.type() == CriterionType.INCLUSION && item.children().size() >= 2
        && item.children().stream().allMatch(c -> c.children().isEmpty())
        && DEFINITION_HEADING.matcher(item.text()).find();
  }

  /** An inclusion heading "Evidence of hemolysis:" over its markers (DECISIONS §86 review). */
  private static boolean hemolysisEvidenceHeading(CriterionItem item) {
    return item.type() == CriterionType.INCLUSION && item.children().size() >= 2
        && item.children().stream().allMatch(c -> c.children().isEmpty())
        && org.eligo.criteria.parse.HemolysisEvidenceRecogniser.heading(item.text());
  }

  static final Pattern DEFINITION_HEADING = Pattern.compile("(?i)(?:\\b(?:defined|characteri[sz]ed)\\s+(?:as|by)"
      + "|\\bas\\s+defined\\s+(?:by|in)|\\bincluding|\\bwhich\\s+includes?|\\bsuch\\s+as|\\bfor\\s+example)\\b[^:]*:\\s*$"
      + "|\\be\\.\\s?g\\b\\.?[^:]*:\\s*$");

  /** A defining heading that says one item will do: "At least 1 thromboembolic event, defined as:", "any of". */
  private static final Pattern ONE_WILL_DO = Pattern.compile("(?i)(?:\\b(?:at\\s+least\\s+(?:one|1)|one\\s+or\\s+more"
      + "|any(?:\\s+one)?\\s+of|one\\s+of|either)|≥\\s*1)\\b(?![.,]\\d)(?!\\s*-?\\s*(?:years?|months?|weeks?|days?"
      + "|hours?|y|mo|wk|yr|d)\\b)");
  /** A defining heading whose items are examples: "Prior ITP-directed therapy, including:", "such as:". */
  private static final Pattern EXAMPLE_HEADING = Pattern.compile("(?i)(?:\\b(?:including|which\\s+includes?|such\\s+as"
      + "|for\\s+example)\\b|\\be\\.\\s?g\\b)[^:]*:\\s*$");

  /**
   * A heading whose limits are what an adequate function or a set of laboratory values needs ("Adequate organ
   * function, including:", "Normal hepatic function, such as:", "Laboratory values, including:"): each limit holds.
   */
  private static final Pattern ADEQUACY_HEADING = Pattern.compile("(?i)\\b(?:adequate|sufficient|normal|acceptable"
      + "|satisfactory|appropriate|preserved)\\b|\\blab(?:oratory)?\\s+(?:values?|parameters?|requirements?)\\b");
  /** The words of {@link #ADEQUACY_HEADING} that say a function is adequate ("normal" not as "limit of normal"). */
  private static final Pattern STRONG_ADEQUACY = Pattern.compile("(?i)\\b(?:adequate|sufficient|acceptable"
      + "|satisfactory|appropriate|preserved)\\b|(?<!\\blimits?\\s{1,3}of\\s{1,3})\\bnormal\\b(?!\\s+(?:range|limits?)\\b)");
  /** Words that make a heading's limits signs of a disorder, not requirements ("Abnormal laboratory values, such as:"). */
  private static final Pattern DISORDER_HEADING = Pattern.compile("(?i)\\b(?:abnormal\\w*|elevated|raised|increased"
      + "|decreased|low|high|evidence|signs?|markers?|impaired|insufficien\\w+|dysfunction|failure)\\b");

  /** Whether a rule holds a lab or body limit anywhere in it. */
  private static boolean limitInside(Rule rule) {
    return switch (rule) {
      case org.eligo.core.rule.MeasurementRule m -> true;
      case AllOf a -> a.rules().stream().anyMatch(CriteriaCompiler::limitInside);
      case AnyOf a -> a.rules().stream().anyMatch(CriteriaCompiler::limitInside);
      case Not n -> limitInside(n.rule());
      default -> false;
    };
  }

  /**
   * Items lettered on the line of an exclusion heading whose words qualify them or say whom they are for ("The following
   * conditions requiring hospitalization: a) heart failure; b) pneumonia", "Patients older than 65 years with the
   * following: a) diabetes; b) hypertension"): cut into items (DECISIONS §33) and read alone, any heart failure or any
   * diabetes excluded. Each is asked with the heading, as under a conditional heading; a heading that only lists, or
   * gives a time, is read as before.
   */
  private static boolean qualifyingInlineHeading(CriterionItem item, String text) {
    if (item.type() != CriterionType.EXCLUSION || item.children().isEmpty()) return false;
    boolean inline = item.children().stream().allMatch(c -> text.substring(item.start(), c.start()).indexOf('\n') < 0);
    return inline && !HeadingWindow.of(item.text()).present() && !CriterionParser.plainListHeading(item.text());
  }

  /**
   * A heading that makes the items below it apply only to some patients ("Patients receiving concomitant ITP therapy
   * must be on a stable dose:", "For women of childbearing potential:"); a plain heading ("Adequate organ function,
   * defined as:") does not.
   */
  /**
   * A heading of its own that names a subset of the patients (DECISIONS §71): a cohort, part, arm, group, stage or
   * phase of the study ("Cohort 2 (AIHA):", "Part B only:", "Arm B (pediatric):", "Dose-escalation phase:", "FOR PART
   * 2"), an age group ("Pediatric cohort:", "Adolescents (12-17 years):") or patients named by what they have ("Patients
   * with ITP:"). Its items bind only that subset. One that binds everyone ({@link #EVERYONE_SCOPE}) changes nothing.
   */
  static final Pattern SUBSET_HEADING = Pattern.compile("(?i)\\b(?:cohorts?|parts?|arms?|stages?|groups?|sub-?stud(?:y"
      + "|ies)|modules?|strat(?:um|a)|sub-?populations?|populations?|tiers?|(?:dose[- ])?(?:escalation|expansion"
      + "|extension)|phase\\s+(?:\\d+|i{1,3}|iv)[ab]?|only|p(?:a)?ediatrics?|adults?|adolescents?|children|infants"
      + "|elderly|(?:healthy\\s+)?volunteers|controls|donors?|recipients?|caregivers)\\b|^\\W*(?:(?:for|in|applicable\\s+to|specific\\s+to)\\s+)?(?:patients|participants"
      + "|subjects|individuals|persons|people|those|women|men)\\s+(?:with|who|whose|aged?|diagnosed|receiving|taking|treated"
      + "|on|older|younger|over|under|[≥≤<>]|\\d)|^\\W*(?:for|in)\\s+(?:[\\p{L}\\d-]+\\s+){1,3}?(?:patients|participants|subjects"
      + "|individuals)\\b");

  /**
   * A heading that binds every patient: "All participants:", "All cohorts:", "(all cohorts):", "applicable to all
   * participants:", "Both parts:", "General:", "Common to all arms:".
   */
  static final Pattern EVERYONE_SCOPE = Pattern.compile("(?i)^\\W*(?:(?:for|in|applicable\\s+to|applying\\s+to|common"
      + "\\s+to|that\\s+apply\\s+to|to|across)\\s+)?(?:the\\s+)?(?:all|both|every|each)\\b|\\b(?:all|both|every|each)\\s+"
      + "(?:the\\s+)?(?:(?:study|trial)\\s+)?(?:parts?|cohorts?|arms?|stages?|groups?|phases?|participants|patients"
      + "|subjects|populations?)\\b|^\\W*(?:general|common|key|main|overall|global)\\b");

  private static boolean subsetHeading(String heading) {
    return SUBSET_HEADING.matcher(heading).find() && !EVERYONE_SCOPE.matcher(heading).find();
  }

  private static Rule applies(String heading) {
    return new Ask("Does this apply to the patient: \u201c" + heading + "\u201d?");
  }

  /** Both conditions, the outer heading's and the inner one's: an item under both binds only those in both. */
  private static Rule both(Rule outer, Rule inner) {
    return outer == null ? inner : new AllOf(List.of(outer, inner));
  }

  static final Pattern CONDITIONAL_HEADING = Pattern.compile("(?i)\\b(?:if|when|whose|receiving|taking|on a stable"
      + "|stable dose|concomitant\\w*|where applicable|if applicable|childbearing|(?:for|in) (?:patients|subjects"
      + "|participants|those|women|men|children|adolescents|females|males)|(?:patients|subjects|participants) (?:who "
      + "(?:are|were) )?(?:on|treated with|taking|receiving))\\b");

  private static Rule withoutAsks(AllOf all) {
    List<Rule> parts = all.rules().stream().filter(r -> !(r instanceof Ask)).toList();
    return parts.size() == 1 ? parts.getFirst() : new AllOf(parts);
  }

  private static Rule withoutAsks(AnyOf any) {
    List<Rule> parts = any.rules().stream().filter(r -> !(r instanceof Ask)).toList();
    return parts.size() == 1 ? parts.getFirst() : new AnyOf(parts);
  }

  private static List<Rule> concat(List<Rule> rules, Rule last) {
    List<Rule> out = new ArrayList<>(rules);
    out.add(last);
    return out;
  }

  /** A heading whose list grants exceptions ("However, the following are allowed:", "Exceptions:"). */
  static final Pattern EXCEPTION_HEADING = Pattern.compile("(?i)\\b(?:(?:are|is|be) (?:allowed|permitted|eligible"
      + "|acceptable|not excluded)|exceptions?|except|with the exception of|other than|unless|may (?:be )?(?:enrol"
      + "|enroll|included|participate))\\b");

  /**
   * A heading that introduces the items as part of itself ("Patients taking any of the following medications:", "Women
   * of childbearing potential who:"): the items complete the heading's sentence rather than apply only if it does.
   */
  static final Pattern LIST_INTRODUCTION = Pattern.compile("(?i)\\b(?:taking|receiving|on|treated with|using|use of"
      + "|with|who are|who have|who had)\\s+(?:(?:any|one|all)(?: one)? of\\s+)?the following\\b|\\bwho\\s*:\\s*$");

  private static Criterion criterion(String id, CriterionType type, String text, Rule rule, Rule applies) {
    if (applies != null && !(rule instanceof Unparsed) && !(rule instanceof ScreeningConfirmation)) {
      // Under a conditional heading an inclusion holds when it is met or the heading does not apply to the patient;
      // an exclusion excludes only when both hold.
      rule = type == CriterionType.INCLUSION ? new AnyOf(List.of(rule, new Not(applies)))
          : new AllOf(List.of(applies, rule));
    }
    return new Criterion(id, type, text, rule, rule instanceof Unparsed ? RuleOrigin.UNPARSED : RuleOrigin.PARSED);
  }

  /** Age and sex from the registry's structured fields; a malformed age is left out (the text still holds it). */
  static List<Criterion> registryFields(Eligibility e) {
    List<Criterion> out = new ArrayList<>();
    if (e == null) return out;
    RegistryAge min = age(e.minimumAge());
    RegistryAge max = age(e.maximumAge());
    if (min != null || max != null) {
      String text = "Ages eligible: " + (min != null ? e.minimumAge() : "no minimum") + " to "
          + (max != null ? e.maximumAge() : "no maximum");
      out.add(new Criterion("reg-age", CriterionType.INCLUSION, text, new AgeRule(min, true, max, true),
          RuleOrigin.REGISTRY_FIELDS));
    }
    if (e.sex() == Eligibility.Sex.FEMALE || e.sex() == Eligibility.Sex.MALE) {
      Sex sex = e.sex() == Eligibility.Sex.FEMALE ? Sex.FEMALE : Sex.MALE;
      out.add(new Criterion("reg-sex", CriterionType.INCLUSION, "Sexes eligible: " + e.sex().name().toLowerCase(
          java.util.Locale.ROOT), new SexRule(Set.of(sex)), RuleOrigin.REGISTRY_FIELDS));
    }
    return out;
  }

  private static RegistryAge age(String text) {
    try {
      return RegistryAge.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Concept ids of the trial's drug interventions ("allergic to the study drug"). */
  private List<String> studyDrugs(Trial trial) {
    ArmsInterventions arms = trial.armsInterventions();
    if (arms == null) return List.of();
    Set<String> ids = new LinkedHashSet<>();
    for (ArmsInterventions.Intervention i : arms.interventions()) {
      if (i.type() != null && i.type() != ArmsInterventions.InterventionType.DRUG
          && i.type() != ArmsInterventions.InterventionType.BIOLOGICAL) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (i.name() != null) names.add(i.name());
      names.addAll(i.otherNames());
      for (String name : names) {
        for (ConceptMention m : lexicon.findMentions(name)) if (m.kind() == ConceptKind.DRUG) ids.add(m.id());
      }
    }
    return List.copyOf(ids);
  }
}
