package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.Unparsed;

/**
 * The last pass: builds one rule for the sentence from its readings, the words no pass explained, its questions and
 * its negation, so that the rule is never stricter than the text.
 *
 * <ol>
 *   <li>No reading: {@link Unparsed}.</li>
 *   <li>Words left between readings that carry content become {@link Unparsed} parts in their place.</li>
 *   <li>Parts are joined by the words between them: "or" (and "e.g.", "including") gives {@link AnyOf}; "and", ";",
 *       "with" or no connective at all (a qualifier, also in parentheses: "(with inhibitors)") give {@link AllOf};
 *       a qualifier inside an unread last alternative ("… or B with inhibitors") may bind every alternative and
 *       stays beside them as a question, as do words not understood after the last alternative or before the first
 *       ("azacitidine or decitabine for more than 4 cycles", "therapeutic-dose warfarin or heparin"); bare commas
 *       follow the list's last
 *       connective, else "or" in an exclusion or under a leading negation ("No a, b" is none of them) and "and" in an
 *       inclusion. Mixed "and"/"or" is {@link Unparsed}.</li>
 *   <li>Neighbouring history rules of one kind joined by "or" merge into one rule over all their concepts.</li>
 *   <li>Questions ({@link HedgeRecogniser}) wrap the rule: {@code AllOf(rule, Ask(question))}, which can no longer
 *       exclude on an exclusion; in an inclusion the history parts are widened to "ever", since the narrowing clause
 *       may attach the time words to one branch only.</li>
 *   <li>A negation not at the start of the sentence makes it {@link Unparsed}; one at the start wraps it in
 *       {@link Not}.</li>
 * </ol>
 */
final class RuleAssembler implements Recogniser {
  private static final Pattern OR_WORDS = Pattern.compile("\\bor\\b|\\beither\\b|and/or|/|\\be\\.g\\b|\\bincluding\\b"
      + "|\\bsuch as\\b|\\bi\\.e\\b|\\blike\\b|\\(");
  private static final Pattern AND_WORDS = Pattern.compile(
      "\\band\\b|;|\\bwith\\b|\\bplus\\b|\\bas well as\\b|\\bwho\\b|\\bthat\\b");
  private static final Pattern COMMAS = Pattern.compile("[\\s,]*,[\\s,]*");
  /** Brackets with nothing left inside them once qualifiers and set-aside clauses are blanked. */
  private static final Pattern EMPTY_BRACKETS = Pattern.compile("[(\\[]\\s*[)\\]]");
  /** A kind written after its disease with a joining word: "with preserved ejection fraction", "and thrombosis". */
  private static final Pattern KIND_AFTER = Pattern.compile("(?:with|and)\\s+", Pattern.CASE_INSENSITIVE);
  /** A parenthesis opening with words that narrow what precedes it rather than name a kind or an example of it. */
  private static final Pattern PAREN_QUALIFIER = Pattern.compile("\\(\\s*(?:with|who|whose|that|which|requiring"
      + "|requires?|needing)\\b");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'.-]*|[<>≤≥=]");
  private static final Pattern NEGATION = Pattern.compile("no|not|never|without|non|neither|nor|none|free|absence"
      + "|absent|negative|cannot|unable|lack|lacking");
  private static final Pattern NON_EXHAUSTIVE = Pattern.compile(
      "\\b(?:and|or) others?\\b|\\betc\\b|\\be\\.g\\b|\\bsuch as\\b|\\bincluding\\b|\\band so on\\b|\\bor other\\b"
          + "|\\bfor example\\b");
  private static final Keywords NON_EXHAUSTIVE_HINT = Keywords.of("other", "etc", "e.g", "such as", "including",
      "so on", "for example");
  private static final Keywords ONE_OF_HINT = Keywords.of("one", "any", "either");
  private static final Pattern ONE_OF = Pattern.compile("\\b(?:at least one|any one|one of|any of|either)\\b");
  private static final Pattern PAREN = Pattern.compile("[\\s,]*[()][\\s,()]*");
  private static final Set<String> STRONG = Set.of("negative");
  /** Text ending in "or", "or documented", "or known prior", "or were": an alternative begins after it. */
  private static final Pattern OR_BEFORE = Pattern.compile("\\bor,?\\s+(?:(?:a|an|had|has|have|was|were|is|are"
      + "|with|documented|known|prior|previous|proven|demonstrated)\\s+)*$");
  private static final Pattern EXPOSURE = Pattern.compile("\\b(?:treat(?:ed|ment)|therap(?:y|ies)|received"
      + "|receiving|took|taken|exposure|exposed|course|prior|previous(?:ly)?)\\b");
  private static final Pattern ALLERGY = Pattern.compile("\\b(?:hypersensitiv\\w*|allerg\\w*|anaphyla\\w*)");
  private static final Set<String> SHIELDING = Set.of("refractory", "intolerant", "cannot-replace");
  /** Hedges that grant an exception or an alternative: in an inclusion, they can only let more patients in. */
  private static final Set<String> WIDENING = Set.of("permitted", "contingent");
  private static final Set<String> FILLER = Set.copyOf(List.of(
      "patients", "patient", "subjects", "subject", "participants", "participant", "who", "whom", "whose", "which",
      "that", "have", "has", "had", "having", "be", "been", "being", "is", "are", "was", "were", "with", "of", "the",
      "a", "an", "any", "known", "diagnosis", "diagnosed", "diagnoses", "evidence", "evident", "confirmed",
      "documented", "history", "by", "for", "to", "in", "on", "at", "as", "from", "or", "and", "and/or", "either",
      "both", "also", "other", "others", "etc", "etc.", "e.g.", "e.g", "i.e.", "i.e", "eg", "ie", "such", "including",
      "included", "include", "includes", "use", "used", "using", "uses", "treatment", "treatments", "treated",
      "therapy", "therapies", "medication", "medications", "drug", "drugs", "agent", "agents", "women", "woman",
      "female", "females", "male", "males", "men", "children", "child", "adolescents", "adolescent", "teenagers", "infants", "toddlers", "adults", "adult", "people", "persons",
      "individuals", "all", "must", "should", "will", "can", "may", "would", "study", "entry", "enrollment",
      "enrolment", "screening", "randomization", "randomisation", "before", "after", "during", "level", "levels", "count", "counts", "value", "values",
      "result", "results", "positive", "positivity", "disease", "diseases", "disorder", "disorders", "condition",
      "conditions", "event", "events", "status", "this", "these", "those", "their", "his", "her", "its", "they",
      "it", "there", "each", "following", "criteria", "criterion", "met", "meet", "meeting", "defined", "per", "via",
      "than", "into", "within", "take", "taking", "taken", "took", "receive", "receiving", "received", "get",
      "undergo", "underwent", "undergone", "current", "currently", "active", "previous", "previously", "prior",
      "past", "ever", "present", "presence", "like", "lab", "laboratory", "tests", "test", "serum", "plasma", "blood",
      "group", "type", "form", "forms", "kind", "kinds", "one", "least", "more", "within", "since", "ongoing",
      "reaction", "reactions", "infection", "infections", "syndrome", "cell", "cells", "new", "newly", "made",
      "make", "primary", "confirm", "confirmed", "based", "regimen", "regimens", "course", "courses", "dose", "doses",
      "use", "exposure", "receipt", "administration", "baseline", "visit", "day", "time", "concurrent", "enrolled", "trial", "simultaneous", "administered", "given", "prescribed", "experienced", "experience", "suffered", "developed", "another", "requires",
      "require", "requiring", "required", "inclusive"));

  @Override
  public void read(Sentence s) {
    if (s.settled != null) return;
    Rule rule = assemble(s);
    String group = limitForOneGroup(s);
    if (group != null && !(rule instanceof Unparsed)) rule = forOneGroup(s, rule, group);
    // "Less than 4 weeks since the last dose of rituximab": a course listed as ongoing does not date its last dose
    if (s.lastDoseWithin && s.type == CriterionType.EXCLUSION) rule = DrugWindowDenial.lastDoseWithin(rule);
    if (s.longerBound != null && !(rule instanceof Unparsed)) rule = LongerWindow.of(s, rule);
    if (s.doseCeiling && s.type == CriterionType.INCLUSION && !s.negated) rule = DoseCeiling.of(s, rule);
    s.settle(rule);
  }

  private enum Join { OR, AND, LIST, NONE }

  /** A part of the sentence in text order: a reading or unexplained words. */
  record Part(int start, int end, Rule rule) {}

  private static Rule assemble(Sentence s) {
    List<Reading> readings = new ArrayList<>(s.readings);
    readings.sort(Comparator.comparingInt(Reading::start));
    causeExamples(s, readings);
    // in the exclusion list, or denied in the inclusion list ("No prior malignancy; basal cell carcinoma is allowed")
    CarveOut carveOut = s.type == CriterionType.EXCLUSION || s.negated ? carveOut(s, readings) : null;
    if (carveOut == null) {
      Rule examples = s.negated || s.type != CriterionType.INCLUSION ? null : treatmentExamples(s, readings);
      return examples != null ? examples : assemble(s, readings, true);
    }
    readings.removeAll(carveOut.granted());
    s.explain(carveOut.start(), carveOut.end());
    Rule rule;
    if (carveOut.kind() == CarveOut.Kind.UNCLEAR) {
      // what the grant names is never required: the grant stays a question beside the rest. A time the grant words
      // ("eltrombopag is allowed if stopped at least 4 weeks before") may have been read as the rest's: read at any
      // time instead, which beside the question only asks more patients
      rule = assemble(s, readings, false);
      if (carveOut.timeInside()) rule = widen(rule);
    } else {
      s.hedges.removeIf(h -> h.start() >= carveOut.start() && h.end() <= carveOut.end());
      rule = assemble(s, readings, false);
      if (!(rule instanceof ConditionRule || rule instanceof MedicationRule || rule instanceof ProcedureRule
          || rule instanceof ImmunizationRule || rule instanceof AllOf || rule instanceof AnyOf)) {
        return rule; // not understood (or settled otherwise): the carve-out changes nothing
      }
      rule = carveOut.kind() == CarveOut.Kind.EXCEPT ? excepting(rule, carveOut) : notGranted(s, rule, carveOut);
    }
    return s.negated && !(rule instanceof Unparsed) ? denied(s, rule) : rule;
  }

  /** Whether a limit is read inside brackets: "No evidence of hemolysis (haptoglobin ≥ LLN and LDH ≤ ULN)". */
  private static boolean limitInBrackets(Sentence s, List<Reading> readings) {
    for (Reading r : readings) {
      if (!hasLimit(r.rule())) continue;
      int depth = 0;
      for (int i = 0; i < r.start() && i < s.lower.length(); i++) {
        char c = s.lower.charAt(i);
        if (c == '(' || c == '[') depth++;
        else if ((c == ')' || c == ']') && depth > 0) depth--;
      }
      if (depth > 0) return true;
    }
    return false;
  }

  /** All of (the rule, any of (not what the grant names at any time, whether the exception applies)). */
  private static Rule notGranted(Sentence s, Rule rule, CarveOut carveOut) {
    List<Rule> granted = new ArrayList<>();
    for (Reading r : carveOut.granted()) if (!granted.contains(widen(r.rule()))) granted.add(widen(r.rule()));
    Rule y = granted.size() == 1 ? granted.get(0) : new AnyOf(granted);
    Ask ask = new Ask("Does the exception the trial makes apply to the patient: \u201c"
        + GRANT_TEXT.matcher(s.text.substring(carveOut.start(), carveOut.end())).replaceAll("") + "\u201d (in \u201c"
        + s.text + "\u201d)?");
    List<Rule> all = new ArrayList<>(rule instanceof AllOf a ? a.rules() : List.of(rule));
    all.add(new AnyOf(List.of(new Not(y), ask)));
    return new AllOf(all);
  }

  /**
   * A word of cause: what follows it says why the thing named before it arose. Not "secondary" alone: "Secondary ITP
   * (e.g., patients with HIV, HCV)" names the patients who have it, examples kept as read.
   */
  private static final Pattern CAUSE = Pattern.compile("\\b(?:due\\s+to|secondary\\s+to|caused\\s+by|because\\s+of"
      + "|attribut(?:able|ed)\\s+to|resulting\\s+from|as\\s+a\\s+result\\s+of|induced\\s+by|from)\\b");
  /**
   * Also "for" of an indication: "Rituximab within 6 months (e.g., for ITP or lymphoma)", "Prior splenectomy (e.g., for
   * trauma or ITP)" say why it was given, no alternative to it; not "for" of a time ("e.g., for more than 14 days").
   */
  private static final Pattern CAUSE_AFTER = Pattern.compile("\\A[\\s,.:]*(?:due\\s+to|secondary\\s+to"
      + "|caused\\s+by|from|for(?!\\s+(?:at\\s+least|at\\s+most|more|less|longer|up|over|under|a\\s+period|a\\s+minimum"
      + "|a\\s+maximum|the\\s+(?:past|last|duration)|any\\s+duration|≥|>|<|≤|\\d)))\\b");
  /**
   * "from" of a time, not of a cause: "Strong CYP3A4 inhibitors within 14 days from the first dose (e.g.,
   * ketoconazole)" gives examples of the drugs (§86 amendment, reviewed).
   */
  private static final Pattern NOT_A_CAUSE = Pattern.compile("\\b(?:hours?|days?|weeks?|months?|years?|hrs?|wks?"
      + "|mos?|d|h)\\s*$");
  /**
   * "Stroke from any cause (e.g., intracerebral hemorrhage, ischemic stroke)", "Seizures due to any cause (e.g.,
   * epilepsy)": any cause is no cause named; the examples are kinds of the thing named, alternatives as read.
   */
  private static final Pattern ANY_CAUSE = Pattern.compile("[\\s,.:]*(?:(?:due\\s+to|secondary\\s+to|caused\\s+by"
      + "|from|of)\\s+)?(?:any|all|every|whatever)\\b");
  private static final Pattern ITEM_BREAK = Pattern.compile("\\bor\\b|\\band\\b|,\\s*\\p{L}|/");
  /** Examples opened by "e.g.", "i.e.", "such as", "for example", "for instance". */
  private static final Pattern CAUSE_EXAMPLE = Pattern.compile("\\b(?:e\\.\\s?g\\b\\.?|i\\.\\s?e\\b\\.?|such\\s+as"
      + "|for\\s+example|for\\s+instance)");

  /**
   * "Positive DAT from passive antibody (e.g., IVIG within 4 weeks)", "Thrombocytopenia due to other causes (e.g.,
   * heparin, infection)", "Secondary AIHA (e.g., due to lymphoma or SLE)": examples of a cause illustrate why the thing
   * named arose; they are neither alternatives to it nor the thing itself. Read as alternatives (as examples of a kind
   * rightly are), IVIG within 4 weeks excluded on its own. In the exclusion list, and under a leading negation, the
   * examples are set aside: the thing named decides, its cause words left unread (asked) beside it. In the inclusion
   * list they stay as read, their examples asked beside them (§86 amendment).
   */
  private static void causeExamples(Sentence s, List<Reading> readings) {
    if (s.type != CriterionType.EXCLUSION && !s.negated) return;
    Matcher m = CAUSE_EXAMPLE.matcher(s.lower);
    while (m.find()) {
      int clause = Math.max(s.lower.lastIndexOf(';', m.start()), s.lower.lastIndexOf(':', m.start())) + 1;
      int open = s.lower.lastIndexOf('(', m.start());
      boolean bracketed = open >= clause && s.lower.indexOf(')', open) > m.start() || open >= clause
          && s.lower.indexOf(')', open) < 0;
      int end = bracketed ? s.lower.indexOf(')', m.end()) : -1;
      if (end < 0) {
        int semi = s.lower.indexOf(';', m.end());
        end = semi < 0 ? s.lower.length() : semi;
      } else {
        end++;
      }
      // the cause words before the examples, in the same clause ("from passive antibody (e.g., …"), or right after the
      // example word ("(e.g., due to lymphoma or SLE)")
      String before = s.lower.substring(clause, m.start());
      // a cause of what the examples follow: no other alternative or item between ("Stroke from any cause or heart
      // disease (e.g., MI)" gives examples of heart disease)
      Matcher c = CAUSE.matcher(before);
      int lastCause = -1;
      while (c.find()) if (!NOT_A_CAUSE.matcher(before).region(0, c.start()).find()
          && !ANY_CAUSE.matcher(before).region(c.end(), before.length()).lookingAt()) lastCause = c.end();
      boolean cause = lastCause >= 0 && !ITEM_BREAK.matcher(before.substring(lastCause)).find()
          || CAUSE_AFTER.matcher(s.lower.substring(m.end(), end)).find();
      if (!cause) continue;
      int from = bracketed ? open : m.start();
      final int stop = end;
      readings.removeIf(r -> r.start() >= from && r.start() < stop);
      s.explain(from, stop);
    }
  }

  /** A treatment word before the examples: "therapy for ITP, including …", "treatment of AIHA (e.g. …)". */
  private static final Pattern TREATMENT_BEFORE = Pattern.compile("\\b(?:therap(?:y|ies)|treat(?:ed|ment|ments)"
      + "|regimens?|lines?|agents?)\\b");

  /**
   * "Failed at least one prior therapy for ITP, including corticosteroids or IVIG", "Prior treatment for AIHA (e.g.,
   * corticosteroids, rituximab)": treatments given as examples of the treatment of a disease named before them are
   * neither alternatives to it nor required. Read as alternatives (as "cardiovascular disease, including myocardial
   * infarction" rightly is, its examples being kinds of it), rituximab given for ITP met "Prior treatment for AIHA".
   * The disease is required as read, the examples asked: {@code allOf(what is before, anyOf(the examples, Unparsed))}.
   * In the inclusion list only: in the exclusion list examples of what excludes are alternatives that exclude ("Prior
   * treatment with a disease-modifying agent for MDS (e.g., lenalidomide, azacitidine …)"), as reviewed before.
   * Null when the sentence is not of that shape.
   */
  private static Rule treatmentExamples(Sentence s, List<Reading> readings) {
    if (!nonExhaustive(s)) return null;
    Matcher m = NON_EXHAUSTIVE.matcher(s.lower);
    if (!m.find()) return null;
    List<Reading> head = new ArrayList<>();
    List<Reading> examples = new ArrayList<>();
    for (Reading r : readings) {
      if (r.end() <= m.start()) head.add(r);
      else if (r.start() >= m.end()) examples.add(r);
      else return null;
    }
    if (head.isEmpty() || examples.isEmpty()) return null;
    if (head.stream().anyMatch(r -> !disease(r.rule()))) return null;
    if (examples.stream().anyMatch(r -> !(r.rule() instanceof MedicationRule || r.rule() instanceof ProcedureRule))) {
      return null;
    }
    int diseaseStart = head.get(0).start();
    String beforeExamples = s.lower.substring(0, m.start());
    // the treatment words speak of the disease: before it ("therapy for ITP") or after it ("AIHA requiring treatment")
    if (!TREATMENT_BEFORE.matcher(beforeExamples).find() || diseaseStart < 0) return null;
    // after the examples only their list may follow ("…, including rituximab)"), no clause of the sentence's own
    int last = examples.get(examples.size() - 1).end();
    // or a window the examples keep ("Prior therapy for ITP (e.g., corticosteroids, IVIG) within the last 6 months":
    // read as alternatives, IVIG given for CLL last month met it; §50)
    String tail = s.lower.substring(last);
    if (!tail.matches("[\\s,.;:)\\]]*(?:(?:or|and|etc\\.?)\\s*[\\s,.;:)\\]]*)*") && !EXAMPLES_WINDOW.matcher(tail).matches()) {
      return null;
    }
    for (Reading r : examples) s.explain(r.start(), r.end());
    s.explain(m.start(), s.lower.length());
    Rule before = assemble(s, head, true);
    if (before instanceof Unparsed) return before;
    List<Rule> named = new ArrayList<>();
    for (Reading r : examples) if (!named.contains(r.rule())) named.add(r.rule());
    named = mergeAlternatives(named);
    List<Rule> asked = new ArrayList<>(named);
    asked.add(new Unparsed("treatments given as examples (\"" + m.group() + "\") of what is before them"));
    List<Rule> all = new ArrayList<>(before instanceof AllOf a ? a.rules() : List.of(before));
    all.add(new AnyOf(asked));
    return new AllOf(all);
  }

  /** A window after the examples, which their own readings hold: "… (e.g., IVIG) within the last 6 months". */
  private static final Pattern EXAMPLES_WINDOW = Pattern.compile("[\\s,.;:)\\]]*(?:(?:or|and|etc\\.?)\\s*[\\s,.;:)\\]]*)*"
      + "(?:within|in|during|over)\\s+(?:the\\s+)?(?:(?:last|past|previous|preceding|prior)\\s+)?(?:\\d+|one|two|three"
      + "|four|six|twelve)\\s+(?:days?|weeks?|months?|years?)(?:\\s+(?:before|prior\\s+to)\\s+(?:the\\s+)?(?:screening"
      + "|enrol+ment|randomi[sz]ation|study\\s+entry|first\\s+dose))?[\\s.;:)]*");

  /**
   * Examples that open with "e.g.", "such as" or "for example" after a treatment word. Not "including": "Refractory to
   * at least two prior treatments including corticosteroids" says the steroids were among them.
   */
  private static final Pattern EXAMPLE_WORD = Pattern.compile("\\be\\.g\\b|\\bsuch as\\b|\\bfor example\\b");

  /**
   * Whether every name read is a drug or a procedure given as an example after a treatment word with nothing read
   * before it: "Requiring treatment, e.g., hydroxyurea", "Refractory to prior therapy (e.g. rituximab)".
   */
  private static boolean examplesAlone(Sentence s, List<Part> parts) {
    Matcher m = EXAMPLE_WORD.matcher(s.lower);
    if (parts.isEmpty() || !m.find()) return false;
    for (Part p : parts) {
      if (p.start() < m.end() || !(p.rule() instanceof MedicationRule || p.rule() instanceof ProcedureRule)) return false;
    }
    return TREATMENT_BEFORE.matcher(s.lower.substring(0, m.start())).find();
  }

  /** A disease as read, alone or with the question whether it was treated ("therapy for ITP"). */
  private static boolean disease(Rule rule) {
    return rule instanceof ConditionRule || rule instanceof AllOf a && a.rules().stream().anyMatch(r -> r instanceof
        ConditionRule) && a.rules().stream().allMatch(r -> r instanceof ConditionRule || r instanceof Ask);
  }

  /** The rule of the readings; {@code deny}: a leading negation is applied (else the caller applies it). */
  private static Rule assemble(Sentence s, List<Reading> readings, boolean deny) {
    coordinatedQualifiers(s, readings);
    if (readings.isEmpty()) {
      return new Unparsed(s.hedges.isEmpty() ? "no rule recognised" : "needs judgement ("
          + String.join(", ", families(s)) + ") and names nothing the record holds");
    }
    if (s.negated && limitInBrackets(s, readings)) {
      // "No evidence of hemolysis (haptoglobin ≥ LLN and LDH ≤ ULN)": the bracket may define what is denied (its limits
      // to be absent) or the state the "no" asks for (its limits to be met). Read with the "no" over the first limit
      // only, a low haptoglobin met it; read with the "no" over all of it, a normal patient failed "No evidence of
      // active hemolysis (e.g., haptoglobin ≥ LLN, LDH ≤ ULN)". Asked (§86 amendment)
      return new Unparsed("a negation over a bracket of limits: whether the limits are to be met or absent is not "
          + "clear");
    }
    List<Part> parts = new ArrayList<>();
    int position = 0;
    for (Reading r : readings) {
      addIsland(s, position, r.start(), parts);
      if (s.settled != null) return s.settled;
      parts.add(new Part(r.start(), r.end(), r.rule()));
      position = Math.max(position, r.end());
    }
    addIsland(s, position, s.text.length(), parts);
    if (s.settled != null) return s.settled;
    LimitExceptions.afterLimit(s, parts);

    List<Join> joins = new ArrayList<>();
    for (int i = 0; i + 1 < parts.size(); i++) {
      Join j = join(withoutQualifiers(s, parts.get(i).end(), Math.max(parts.get(i).end(), parts.get(i + 1).start())));
      if (j == Join.OR && PAREN.matcher(s.lower.substring(parts.get(i).end(),
          Math.max(parts.get(i).end(), parts.get(i + 1).start()))).matches()
          && !(history(parts.get(i).rule()) && history(parts.get(i + 1).rule()))) {
        j = Join.NONE; // "liver function (bilirubin ...)": a definition, not a list of kinds
      }
      if (j == Join.NONE && s.type == CriterionType.INCLUSION
          && otherScale(parts.get(i).rule(), parts.get(i + 1).rule())) {
        // "ECOG 0-1 (Karnofsky ≥ 70%)": the same limit on another scale, either will do. In an exclusion both stay
        // required, so a patient whose one known score is good is not asked for the other.
        j = Join.OR;
      }
      joins.add(j);
    }
    if (joins.contains(Join.LIST)) {
      // "No history of the following: splenectomy, rituximab": under a leading negation the list is of things each
      // to be absent, none of them (read as "not all of them", it admitted a patient with one of them)
      resolveLists(joins, nonExhaustive(s) || ONE_OF_HINT.in(s.lower) && ONE_OF.matcher(s.lower).find() ? Join.OR
          : s.type == CriterionType.EXCLUSION || s.negated ? Join.OR : Join.AND);
    }
    if (s.type == CriterionType.EXCLUSION && !s.negated && groupsOfPeople(s, parts, joins)) {
      // "Women who are breastfeeding, and participants aged > 75", "Pregnant women, and patients older than 80 years",
      // "Lactating women and children under 12": groups of people listed in the exclusion list are each excluded;
      // read as both at once, a nursing woman of 30 was only asked (§75)
      Collections.fill(joins, Join.OR);
      askSubgroupLimits(s, parts);
    }
    List<Part> shared = joins.contains(Join.OR) && joins.contains(Join.NONE) ? fuseQualifiers(s, parts, joins)
        : List.of();
    if (shared.isEmpty() && qualifierAfterAlternatives(s, parts, joins)) {
      // "Active hepatitis B or HIV infection with detectable viral load": words not read after "with" may qualify the
      // last alternative or all of them; beside every one they never exclude on the diagnosis alone
      shared = List.of(parts.remove(parts.size() - 1));
      joins.remove(joins.size() - 1);
    }
    boolean or = joins.contains(Join.OR);
    boolean and = joins.contains(Join.AND) || joins.contains(Join.NONE);
    if (or && and) return new Unparsed("mixes \"and\" and \"or\" in a way that is not clear");
    Rule own = or && shared.isEmpty() ? ownQualifiers(s, parts, readings) : null;
    if (own != null) return s.negated && deny ? denied(s, own) : own;
    List<Rule> rules = new ArrayList<>();
    for (Part p : parts) if (!rules.contains(p.rule())) rules.add(p.rule());
    if (or) rules = mergeAlternatives(rules);
    // "Disease requiring treatment, e.g., hydroxyurea", "Refractory to prior therapy (e.g. rituximab)": the only
    // names read are examples of a treatment that names nothing the terminology holds; required, they had failed a
    // patient treated with another drug (§50)
    boolean examplesAlone = !or && s.type == CriterionType.INCLUSION && !s.negated && examplesAlone(s, parts);
    if ((or || examplesAlone) && s.type == CriterionType.INCLUSION && nonExhaustive(s)) {
      rules.add(new Unparsed("the list gives examples only (\"" + nonExhaustive(s.lower) + "\")"));
    }
    Rule rule = rules.size() == 1 ? rules.get(0) : or || examplesAlone ? new AnyOf(rules) : new AllOf(rules);
    boolean denyAll = deny;
    if (s.negated && deny && and && !or && shared.isEmpty() && rules.size() == parts.size()) {
      // "Not pregnant and treated with rituximab": the negation stops at the clause after "and" (NegationScope)
      List<String> between = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        between.add(i == 0 ? "" : s.lower.substring(parts.get(i - 1).end(), Math.max(parts.get(i - 1).end(),
            parts.get(i).end())));
      }
      int affirmed = NegationScope.firstAffirmed(between, rules);
      boolean named = !joins.contains(Join.NONE);
      if (affirmed > 0) {
        List<Rule> all = new ArrayList<>();
        List<Rule> deniedPart = rules.subList(0, affirmed);
        all.add(denied(s, named ? NegationScope.neither(s.text, deniedPart, RuleAssembler::mergeAlternatives)
            : deniedPart.size() == 1 ? deniedPart.get(0) : new AllOf(deniedPart)));
        all.addAll(rules.subList(affirmed, rules.size()));
        rule = new AllOf(all);
        denyAll = false;
      } else if (named) {
        rule = NegationScope.neither(s.text, rules, RuleAssembler::mergeAlternatives);
      }
    }
    if (!shared.isEmpty()) {
      List<Rule> all = new ArrayList<>(List.of(rule));
      for (Part p : shared) all.add(p.rule());
      rule = new AllOf(all);
    }
    String qualifier = or ? trailingQualifier(s, parts) : null;
    if (qualifier != null) {
      rule = new AllOf(List.of(rule, new Unparsed("\"" + qualifier + "\" may qualify every alternative, not only the "
          + "last")));
    }

    if (unboundSex(s, readings)) {
      // "Men with hemoglobin > 16.5 g/dL or women with hemoglobin > 16 g/dL", "Female subjects with hemoglobin < 9
      // g/dL": read without the sex each limit is for, a man with hemoglobin 16.2 g/dL (or 8.5) was excluded
      return new Unparsed("a limit for one sex whose sex was not read with it");
    }
    List<Sentence.Hedge> hedges = relevantHedges(s, readings);
    for (Sentence.Hedge h : hedges) {
      if (STRONG.contains(h.family())) {
        return new Unparsed("a negation (\"" + s.lower.substring(h.start(), h.end()) + "\") is not understood");
      }
    }
    if (s.type == CriterionType.INCLUSION && !s.negated && rule instanceof AllOf all && alternativeLeftOver(s, parts)) {
      // Words not understood beside a requirement that read like an alternative, an exception or a condition ("ANC ≥
      // 750/µL, or ≥ 500 in subjects with marrow involvement", "bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for Gilbert's)",
      // "(transfusion-independent)"): what was read must not exclude on its own, so the sentence is asked about.
      return new Unparsed("only part of it was read (" + String.join("; ", all.rules().stream()
          .filter(r -> !(r instanceof Unparsed)).map(RuleDescriber::describe).toList()) + "); the rest may be an "
          + "alternative or an exception");
    }
    if (!hedges.isEmpty()) {
      Ask ask = new Ask(question(s, hedges, readings));
      boolean unsuitable = hedges.stream().anyMatch(h -> h.family().equals("unsuitable"));
      boolean widening = hedges.stream().anyMatch(h -> WIDENING.contains(h.family()))
          || alternativeHedge(s, hedges, readings) || exceptionToALimit(s, hedges, readings);
      if (s.type == CriterionType.INCLUSION && unsuitable || !s.negated && unsuitableFor(s, hedges)) {
        // "Contraindication to rituximab", "Unsuitable for splenectomy" in the exclusion list too: what is named is what
        // the patient must not get, not what the patient had; read as "took rituximab now and …", every patient off it
        // was cleared of a contraindication the record cannot show
        rule = ask;
      } else if (s.type == CriterionType.INCLUSION && widening && !s.negated) {
        // "Hemoglobin ≥ 7.5 g/dL (prior transfusion is permitted)", "aged 18 or older (12 where permitted)",
        // "platelets ≥ 75 ...; otherwise ≥ 50": meeting what was read qualifies, failing it only raises the question
        // "Severe or active ITP": the narrowing word qualifies the same disease, so its alternative still needs it
        rule = new AnyOf(List.of(rule, qualifiesReading(s, hedges, readings) ? new AllOf(List.of(widen(rule), ask))
            : ask));
      } else {
        // "At least 2 RBC transfusions in the 12 weeks before screening": a count of what the window holds, so at least
        // one of them is in it; widened, a patient transfused once two years ago was asked instead of failed (§50)
        boolean countOnly = hedges.stream().allMatch(h -> h.family().equals("count"));
        // "Currently on a stable dose of eltrombopag for ≥ 4 weeks": the stable dose is asked, but the drug now is the
        // sentence's own, no branch's; widened, a patient who stopped was asked (DECISIONS 97)
        boolean onNowForASpan = hedges.stream().allMatch(h -> h.family().equals("concomitant"));
        if (s.type == CriterionType.INCLUSION && !countOnly) rule = onNowForASpan ? widenKeepingNow(rule) : widen(rule);
        List<Rule> all = new ArrayList<>(rule instanceof AllOf a ? a.rules() : List.of(rule));
        all.add(ask);
        rule = new AllOf(all);
      }
    }
    if (s.negated && NEGATED_HEADING.matcher(s.lower).lookingAt() && hasLimit(rule)) {
      // "No obvious abnormal liver and kidney function: ALT ≤ 2.5 × ULN, creatinine ≤ 1.25 × ULN": the "no" denies the
      // heading, and the limits after it may say what is normal (to be met) or what is abnormal (to be absent); read
      // as "not (ALT ≤ 2.5 × ULN)" it admitted a patient with creatinine 3 × ULN
      return new Unparsed("a negated heading over limits: whether the limits are to be met or absent is not clear");
    }
    if (s.negated && denyAll) rule = denied(s, rule);
    return rule;
  }

  /**
   * Whether a word of unsuitability opening the sentence governs what follows it: "contraindication to X", "Patients
   * unsuitable for X"; not one at its end ("Severe adverse events to CsA, making it unsuitable for reuse").
   */
  private static boolean unsuitableFor(Sentence s, List<Sentence.Hedge> hedges) {
    for (Sentence.Hedge h : hedges) {
      if (h.family().equals("unsuitable") && UNSUITABLE_LEAD.matcher(s.lower.substring(0, h.start())).matches()
          && UNSUITABLE_FOR.matcher(s.lower).region(h.end(), s.lower.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** What may open a sentence the unsuitability governs: "Known contraindication to", "Patients with a …". */
  private static final Pattern UNSUITABLE_LEAD = Pattern.compile("\\s*(?:(?:any|an?|known|documented|history\\s+of"
      + "|patients?|subjects?|participants?|with|who\\s+(?:have|has)|has|have|absolute|relative|medical|clinical)\\s+)*");
  private static final Pattern UNSUITABLE_FOR = Pattern.compile("\\s*(?:to|for)\\b");

  /**
   * What a leading "no" denies. In the inclusion list, none of it ({@code Not}). In the exclusion list "No
   * lymphoma" is either a requirement written there (lymphoma excludes) or said literally (a missing diagnosis, consent
   * or response excludes), and the record cannot tell which: read literally it had excluded every patient without
   * lymphoma. A patient without what it names is not excluded on it; one with it is asked.
   */
  static Rule denied(Sentence s, Rule rule) {
    if (s.type != CriterionType.EXCLUSION) return DrugWindowDenial.of(rule);
    List<Rule> all = new ArrayList<>(rule instanceof AllOf a ? a.rules() : List.of(rule));
    all.add(new Ask("The exclusion list says \u201c" + s.text + "\u201d: does it exclude this"
        + " patient (those who have what it names, or those who do not)?"));
    return new AllOf(all);
  }

  /**
   * An exception the sentence grants in a clause of its own, after what it excludes: "Active hepatitis B or C
   * infection; patients with cured hepatitis C are eligible", "Prior malignancy. Basal cell carcinoma of the skin is
   * allowed", "Active malignancy (patients with treated basal cell carcinoma may be enrolled)", "Antiplatelet therapy
   * (low-dose aspirin is allowed)" (what such a parenthesis names is kept aside, {@link Sentence#granted}). Read as
   * more words of the sentence, what the grant names had been required too, and the exclusion only fired on patients
   * who had both (a patient with active hepatitis B and no hepatitis C was not excluded). The exclusion applies to a
   * patient who has what it names and is not under the exception (in the exclusion list, or denied in the inclusion
   * list: "No prior malignancy; basal cell carcinoma is allowed"):
   *
   * <ul>
   *   <li>{@link Kind#EXCEPT}: kinds of a disease named before it, every word understood ("basal cell carcinoma of the
   *       skin" after "malignancy"): the diagnoses are not counted, as "except for basal cell carcinoma" does;</li>
   *   <li>{@link Kind#NOT_GRANTED}: otherwise, where what the grant names was read whole or only narrowed by words not
   *       read ("cured", "inhaled or topical", "on stable antiretroviral therapy"): all of (the rest, any of (not what
   *       the grant names at any time, the question)). A patient without it is excluded; one with it is asked, since
   *       the words not read may be what the grant requires;</li>
   *   <li>{@link Kind#UNCLEAR}: words that may name another alternative the grant admits ("or other tumours treated
   *       with curative intent", a name the terminology lacks): not reading it as required, the grant stays a
   *       question beside the rest, which then never excludes alone.</li>
   * </ul>
   *
   * <p>Only where both sides are diseases, drugs, procedures or vaccines: "Hemoglobin &lt; 9 g/dL; transfusion is
   * allowed" lets the limit be met after a transfusion, no exception for the transfused. {@code timeInside}: a time
   * phrase or word in the grant that the rest may have taken for its own.
   */
  private record CarveOut(int start, int end, List<Reading> granted, Kind kind, boolean timeInside) {
    enum Kind { EXCEPT, NOT_GRANTED, UNCLEAR }
  }

  /** Punctuation around the words of a grant. */
  private static final Pattern GRANT_TEXT = Pattern.compile("^[\\s;.(]+|[\\s;.)]+$");
  /** The verb of a grant, as the questions read it: "is allowed", "are eligible", "may be enrolled". */
  private static final Pattern GRANT_VERB = Pattern.compile("(?:is|are|be|may|can|could|will)\\b(?![^;()]*"
      + "\\btransfus)");
  /** The granting words of a parenthesis that allows: "(hydroxyurea permitted)", "(… may be continued)". */
  private static final Pattern ALLOWANCE_WORD = Pattern.compile("(?:(?:is|are)\\s+)?(?:allowed|permitted|acceptable"
      + "|may be (?:used|continued|taken|given))\\b");
  /** Words opening a clause that grants: "; however, ", "; but ". */
  private static final Pattern GRANT_OPENING = Pattern.compile("\\s*(?:(?:however|but|although|though|nevertheless)"
      + "\\b[\\s,]*)?");
  /** What may follow the grant: where (the study), and nothing else. */
  private static final Pattern GRANT_TAIL = Pattern.compile("(?:\\s+(?:to (?:participate|enrol+|take part|join)"
      + "(?: in (?:the|this) (?:study|trial))?|for (?:the |this )?(?:study|trial|enrol+ment|inclusion|participation)"
      + "|in (?:the|this) (?:study|trial)))?[\\s.;:]*");
  /** A condition on the grant: "… are eligible if HBV DNA is undetectable": it only narrows what it names. */
  private static final Pattern GRANT_CONDITION = Pattern.compile("\\s*,?\\s*(?:if|provided|providing|as long as"
      + "|so long as|when|once)\\b");
  /** Words that only narrow what they stand beside ("cured hepatitis C", "inhaled or topical steroids"). */
  private static final Set<String> NARROWING = Set.of("cured", "treated", "adequately", "curatively", "completely",
      "resected", "excised", "localized", "localised", "local", "situ", "skin", "resolved", "inactive", "controlled",
      "well-controlled", "stable", "stably", "asymptomatic", "mild", "inhaled", "inhalational", "topical", "intranasal",
      "nasal", "ophthalmic", "intra-articular", "low-dose", "low", "physiologic", "physiological", "replacement",
      "prophylactic", "prophylaxis", "superficial", "chronic", "remote", "successfully", "suppressed", "undetectable",
      "only");
  /** Words after what a grant names that open a qualifier on it: "HIV on stable antiretroviral therapy". */
  private static final Pattern QUALIFIER_OPENING = Pattern.compile("with|without|on|who|whose|that|which|treated"
      + "|receiving|after|following|in|if|provided|when|requiring|not|no|under");
  /** Words that may open another alternative, or say the list goes on ("or other tumours"). */
  private static final Pattern OPEN_LIST = Pattern.compile("\\b(?:other|others|any|etc|e\\.g|such as|including"
      + "|for example)\\b|,|\\bor\\b|\\band\\b|/");

  /** The exception a sentence grants in a clause of its own, after what it excludes, or null. */
  private static CarveOut carveOut(Sentence s, List<Reading> readings) {
    for (Sentence.Hedge h : s.hedges) {
      if (!h.family().equals("permitted") || h.end() <= h.start()) continue;
      int open;
      int grantAt;
      int grantEnd;
      if (s.lower.charAt(h.start()) == '(') {
        // a parenthesis that allows ("(hydroxyurea permitted)"): its names are kept aside (Sentence.granted)
        Matcher word = ALLOWANCE_WORD.matcher(s.lower).region(h.start(), h.end());
        if (!word.find()) continue;
        open = h.start() + 1;
        grantAt = word.start();
        grantEnd = word.end();
      } else {
        if (!GRANT_VERB.matcher(s.lower).region(h.start(), s.lower.length()).lookingAt()) continue;
        open = grantClauseStart(s.lower, h.start());
        if (open < 0) continue;
        grantAt = h.start();
        grantEnd = h.end();
      }
      boolean parenthesis = s.lower.charAt(open - 1) == '(';
      int end = parenthesis ? closing(s.lower, open - 1) : s.lower.indexOf(';', grantEnd);
      if (end < 0) end = s.lower.length();
      Matcher opening = GRANT_OPENING.matcher(s.lower).region(open, grantAt);
      int from = opening.lookingAt() ? opening.end() : open;
      List<Reading> granted = new ArrayList<>();
      List<Reading> rest = new ArrayList<>();
      for (Reading r : readings) {
        if (r.start() >= open && r.end() <= end) granted.add(r);
        else if (r.end() <= open - 1 || r.start() >= end) rest.add(r);
        else return null; // a reading across the clause break
      }
      for (Reading r : s.granted) if (r.start() >= open && r.end() <= end) granted.add(r);
      granted.sort(Comparator.comparingInt(Reading::start));
      if (rest.isEmpty() || rest.stream().anyMatch(r -> !history(r.rule()))) return null;
      int to = end;
      // "X; Y is allowed; Z is permitted": one grant at a time would read the other's names as the rest's
      if (s.hedges.stream().anyMatch(o -> o != h && o.family().equals("permitted") && (o.start() < open - 1
          || o.start() >= to))) {
        return null;
      }
      // several time phrases each bind what is named before them in their own clause (Sentence.timingFor), so only the
      // sentence's one time phrase, or a time word, may have been taken for the rest's
      boolean timeInside = s.timings.isEmpty() && s.timingAt >= open && s.timingAt < to
          || s.cues.stream().anyMatch(c -> c.position() >= open && c.position() < to)
          && rest.stream().anyMatch(r -> s.cues.stream().noneMatch(c -> c.position() <= r.start()));
      CarveOut unclear = new CarveOut(open - 1, Math.min(end + (parenthesis ? 1 : 0), s.lower.length()), granted,
          CarveOut.Kind.UNCLEAR, timeInside);
      if (timeInside) return unclear;
      if (granted.isEmpty() || granted.stream().anyMatch(r -> !history(r.rule()) || r.end() > grantAt)) {
        return unclear;
      }
      Matcher tail = GRANT_TAIL.matcher(s.lower).region(grantEnd, end);
      boolean tailClear = tail.matches();
      if (!tailClear && !GRANT_CONDITION.matcher(s.lower).region(grantEnd, end).lookingAt()) return unclear;
      // the grant's own words: those between what it names, and what stands before and after it
      int first = granted.get(0).start();
      int last = granted.stream().mapToInt(Reading::end).max().orElseThrow();
      boolean narrowOnly = true;
      boolean understood = tailClear;
      Matcher w = WORD.matcher(s.lower).region(from, grantAt);
      boolean qualifier = false;
      while (w.find()) {
        String word = w.group().replaceAll("\\.+$", "");
        if (word.isEmpty() || granted.stream().anyMatch(r -> r.start() <= w.start() && w.start() < r.end())) {
          continue;
        }
        if (w.start() >= last && !qualifier && QUALIFIER_OPENING.matcher(word).matches()) {
          qualifier = true;
        }
        if (NEGATION.matcher(word).matches() && !qualifier) return unclear;
        if (FILLER.contains(word) && !word.equals("other") && !word.equals("others") && !word.equals("any")) {
          continue;
        }
        understood &= NegationRecogniser.excepting(word);
        if (qualifier) continue;
        if (!NARROWING.contains(word)) narrowOnly = false;
      }
      // after a qualifier, "or" or a comma may open another alternative ("BCC treated surgically or cervical CIS")
      if (qualifier && OPEN_LIST.matcher(s.lower.substring(Math.min(last, grantAt), grantAt)).find()) {
        narrowOnly = false;
      }
      if (!narrowOnly) return unclear;
      if (understood && !qualifier && exceptsKinds(s, granted, rest)) {
        return new CarveOut(unclear.start(), unclear.end(), granted, CarveOut.Kind.EXCEPT, false);
      }
      return new CarveOut(unclear.start(), unclear.end(), granted, CarveOut.Kind.NOT_GRANTED, false);
    }
    return null;
  }

  /**
   * Whether every disease the grant names is a kind of a disease named before it, and none is that disease itself or
   * a broader one ("cured hepatitis C" after "hepatitis B or C": excepting hepatitis C had excepted every patient with
   * active hepatitis C).
   */
  private static boolean exceptsKinds(Sentence s, List<Reading> granted, List<Reading> rest) {
    Set<String> named = new LinkedHashSet<>();
    for (Reading r : rest) if (r.rule() instanceof ConditionRule c) named.addAll(c.concepts());
    if (named.isEmpty()) return false;
    for (Reading r : granted) {
      if (!(r.rule() instanceof ConditionRule c)) return false;
      for (String id : c.concepts()) {
        Set<String> broader = s.context.lexicon().broaderThan(id);
        if (named.contains(id) || named.stream().noneMatch(broader::contains)) return false;
        for (String n : named) if (s.context.lexicon().broaderThan(n).contains(id)) return false;
      }
    }
    return true;
  }

  /** The diseases the rule names, each without the kinds the grant makes an exception for. */
  private static Rule excepting(Rule rule, CarveOut carveOut) {
    Set<String> excepted = new LinkedHashSet<>();
    for (Reading r : carveOut.granted()) excepted.addAll(((ConditionRule) r.rule()).concepts());
    return switch (rule) {
      case ConditionRule c -> new ConditionRule(c.concepts(), union(c.except(), excepted), c.window(), c.label());
      case AllOf a -> new AllOf(a.rules().stream().map(r -> excepting(r, carveOut)).toList());
      case AnyOf a -> new AnyOf(a.rules().stream().map(r -> excepting(r, carveOut)).toList());
      default -> rule;
    };
  }

  /**
   * Where the clause holding a grant at {@code at} opens: after a semicolon, a full stop or an open parenthesis
   * before it, at the same depth; -1 if none (the grant is the sentence's own, or follows a comma only).
   */
  private static int grantClauseStart(String lower, int at) {
    int depth = 0;
    for (int i = at - 1; i > 0; i--) {
      char c = lower.charAt(i);
      if (c == ')') depth++;
      else if (c == '(' && depth > 0) depth--;
      else if (c == '(') return i + 1;
      else if (depth == 0 && c == ';') return i + 1;
      else if (depth == 0 && c == '.' && i + 1 < lower.length() && Character.isWhitespace(lower.charAt(i + 1))
          && Character.isLetterOrDigit(lower.charAt(i - 1)) && !ABBREVIATION_END.matcher(lower.substring(0, i + 1))
          .find()) {
        return i + 1;
      }
    }
    return -1;
  }

  private static final Pattern ABBREVIATION_END = Pattern.compile("\\b(?:e\\.g|i\\.e|vs|etc|approx|cf|incl|no|dr)\\.$");

  /** A narrowing word, then "or"/"and"/a comma and one word not understood, right before what was read. */
  private static final Pattern COORDINATED_AFTER = Pattern.compile("\\s*(?:,\\s*(?:or\\s+|and\\s+|and/or\\s+)?|or\\s+"
      + "|and/or\\s+|and\\s+)(?<word>[a-z][a-z-]*)\\s+");
  /** One word not understood and "or"/"and"/a comma, right before a narrowing word. */
  private static final Pattern COORDINATED_BEFORE = Pattern.compile("(?<![a-z-])(?<word>[a-z][a-z-]*)\\s*(?:,\\s*(?:or"
      + "\\s+|and\\s+|and/or\\s+)?|\\s+or\\s+|\\s+and/or\\s+|\\s+and\\s+)$");

  /**
   * "Severe or symptomatic ITP", "symptomatic and/or severe ITP": a narrowing word coordinated with another word that
   * no pass understood, both right before a disease, qualify it together; the question takes in
   * both words. Left apart, the other word was an unread part and the narrowing word an alternative of its own ("or
   * severe"), so an inclusion asked about a patient who has no ITP at all.
   */
  private static void coordinatedQualifiers(Sentence s, List<Reading> readings) {
    for (int i = 0; i < s.hedges.size(); i++) {
      Sentence.Hedge h = s.hedges.get(i);
      if (h.end() <= h.start()) continue;
      Matcher after = COORDINATED_AFTER.matcher(s.lower).region(h.end(), s.lower.length());
      if (after.lookingAt() && qualifiable(s, readings, after.end()) && !s.coveredAll(after.start("word"),
          after.end("word")) && !FILLER.contains(after.group("word"))) {
        s.hedges.set(i, new Sentence.Hedge(h.start(), after.end("word"), h.family(), h.question()));
        s.explain(h.start(), after.end("word"));
        continue;
      }
      Matcher before = COORDINATED_BEFORE.matcher(s.lower.substring(0, h.start()));
      if (before.find() && qualifiable(s, readings, h.end() + leadingBlank(s.lower, h.end()))
          && !s.coveredAll(before.start("word"), before.end("word")) && !FILLER.contains(before.group("word"))) {
        s.hedges.set(i, new Sentence.Hedge(before.start("word"), h.end(), h.family(), h.question()));
        s.explain(before.start("word"), h.end());
      }
    }
  }

  /** Whether a reading of a disease starts at {@code at} (before a drug or procedure a disease may be left unsaid). */
  private static boolean qualifiable(Sentence s, List<Reading> readings, int at) {
    return readings.stream().anyMatch(r -> r.start() == at && r.rule() instanceof ConditionRule);
  }

  private static int leadingBlank(String text, int from) {
    int k = from;
    while (k < text.length() && text.charAt(k) == ' ') k++;
    return k - from;
  }

  /** A sentence opening with a negation and a heading that ends in a colon: "No abnormal organ function: …". */
  private static final Pattern NEGATED_HEADING = Pattern.compile("[^:;]{0,80}:\\s*\\S");

  private static final Pattern SEX_WORD = Pattern.compile("\\b(?:men|women|males?|females?|boys|girls)\\b");
  private static final Pattern BOTH_SEXES = Pattern.compile("\\b(?:male|males|men|boys)\\s*(?:or|and|and/or|/|,)\\s*"
      + "(?:female|females|women|girls)\\b|\\b(?:female|females|women|girls)\\s*(?:or|and|and/or|/|,)\\s*"
      + "(?:male|males|men|boys)\\b");

  /**
   * A sex named before a limit that no reading took up (and not "male or female", which is everyone). One named after
   * every limit read belongs to words not read ("… or &gt; 16 g/dL (men)"), which never bind the limits read.
   */
  private static boolean unboundSex(Sentence s, List<Reading> readings) {
    int lastLimit = -1;
    for (Reading r : readings) if (hasLimit(r.rule())) lastLimit = Math.max(lastLimit, r.start());
    if (lastLimit < 0) return false;
    Matcher both = BOTH_SEXES.matcher(s.lower);
    String lower = both.find() ? both.replaceAll(m -> " ".repeat(m.group().length())) : s.lower;
    Matcher m = SEX_WORD.matcher(lower);
    while (m.find() && m.start() < lastLimit) {
      boolean read = false;
      for (int i = m.start(); i < m.end(); i++) read |= s.usedAt(i);
      if (read || s.asideAny(m.start(), m.end())) continue;
      // "Pregnant women, or hemoglobin < 8 g/dL": an alternative of its own ends before the next limit
      int next = lastLimit;
      for (Reading r : readings) if (hasLimit(r.rule()) && r.start() >= m.end()) next = Math.min(next, r.start());
      if (!OTHER_ALTERNATIVE.matcher(s.lower.substring(m.end(), next)).find()) return true;
    }
    return false;
  }

  private static final Pattern OTHER_ALTERNATIVE = Pattern.compile("\\bor\\b");

  private static boolean hasLimit(Rule rule) {
    return switch (rule) {
      case MeasurementRule m -> true;
      case AllOf a -> a.rules().stream().anyMatch(RuleAssembler::hasLimit);
      case AnyOf a -> a.rules().stream().anyMatch(RuleAssembler::hasLimit);
      default -> false;
    };
  }

  /**
   * "Total bilirubin ≤ 1.5 × ULN except for patients with Gilbert's syndrome", "INR ≤ 1.5, except patients on
   * warfarin": an exception right after a limit exempts some patients from the limit (a limit has no kinds to except,
   * as a disease has). In an inclusion, failing the limit then leaves the exception open; read as all of (limit,
   * question), the patients it exempts were excluded for failing the limit.
   */
  private static boolean exceptionToALimit(Sentence s, List<Sentence.Hedge> hedges, List<Reading> readings) {
    for (Sentence.Hedge h : hedges) {
      // "but not" after a limit narrows it ("… but not on two occasions"); the other exception words exempt patients
      // ("excluding patients with Gilbert's syndrome"), which a failing limit must never override
      if (!h.family().equals("exception") || !EXEMPTING.matcher(s.lower).region(h.start(), h.end()).lookingAt()) {
        continue;
      }
      Reading before = null;
      for (Reading r : readings) {
        if (r.end() <= h.start() && (before == null || r.end() > before.end())) before = r;
      }
      if (before != null && hasLimit(before.rule())) return true;
    }
    return false;
  }

  /** Words that exempt from what precedes them: "except (for)", "excluding", "other than", "apart from". */
  private static final Pattern EXEMPTING = Pattern.compile("except\\b|with the exception of\\b|apart from\\b"
      + "|excluding\\b|other than\\b");

  /** "or" with at most two words after it, up to the end of the text: "… or documented ", "… or ". */
  private static final Pattern OR_JUST_BEFORE = Pattern.compile("(?:\\bor|and/or)\\s+(?:[a-z-]+\\s+){0,2}$");
  private static final Pattern OR_ONLY = Pattern.compile("\\bor\\b|and/or");

  /**
   * "Prior splenectomy or failure of at least one prior therapy": every question stands in an alternative of its own,
   * after "or" past everything read (or before it, "… or prior splenectomy"). In an inclusion the question is then
   * another way to qualify, not a narrowing of what was read: read as all of (splenectomy, question), a patient who
   * failed steroids and kept the spleen was excluded.
   */
  private static boolean alternativeHedge(Sentence s, List<Sentence.Hedge> hedges, List<Reading> readings) {
    if (hedges.isEmpty() || readings.isEmpty()) return false;
    int first = readings.stream().mapToInt(Reading::start).min().orElseThrow();
    int last = readings.stream().mapToInt(Reading::end).max().orElseThrow();
    for (Sentence.Hedge h : hedges) {
      if (h.end() <= h.start()) return false;
      boolean after = h.start() >= last && OR_JUST_BEFORE.matcher(s.lower.substring(last, h.start())).find();
      boolean before = h.end() <= first && OR_ONLY.matcher(s.lower.substring(h.end(), first)).find();
      if (!after && !before) return false;
    }
    return true;
  }

  /**
   * Whether a count follows "or" after something read ("Prior splenectomy or at least 2 prior therapies", "Splenectomy
   * or failure of ≥ 2 lines"): it counts the alternative after "or", not what was read before it.
   */
  private static boolean countAfterAlternative(Sentence s, List<Sentence.Hedge> hedges, List<Reading> readings) {
    for (Sentence.Hedge h : hedges) {
      if (!h.family().equals("count") || h.end() <= h.start()) continue;
      for (Reading r : readings) {
        if (r.end() <= h.start() && OR_JUST_BEFORE.matcher(s.lower.substring(r.end(), h.start())).find()) return true;
      }
    }
    return false;
  }

  private static final Pattern CONNECTIVE = Pattern.compile("\\s*(?:,\\s*)?(?:or|and/or)\\s+");

  /**
   * Whether every question is a word coordinated with words read right before a disease ("severe or active ITP"):
   * between the question's words and the first reading only "or" and words understood.
   */
  private static boolean qualifiesReading(Sentence s, List<Sentence.Hedge> hedges, List<Reading> readings) {
    int first = readings.stream().mapToInt(Reading::start).min().orElse(-1);
    // a disease only: before a drug or a procedure the word may stand for a disease left unsaid ("refractory or prior
    // splenectomy")
    if (first < 0 || !(readings.stream().filter(r -> r.start() == first).findFirst().orElseThrow().rule()
        instanceof ConditionRule)) {
      return false;
    }
    for (Sentence.Hedge h : hedges) {
      if (h.end() <= h.start() || h.end() > first) return false;
      Matcher c = CONNECTIVE.matcher(s.lower).region(h.end(), first);
      if (!c.lookingAt() || c.end() == first) return false;
      Matcher w = WORD.matcher(s.lower).region(c.end(), first);
      while (w.find()) if (!s.coveredAll(w.start(), w.end())) return false;
    }
    return true;
  }

  /** A word that opens a qualifying clause inside words left unread: "… or B with inhibitors". */
  private static final Pattern QUALIFIER_INSIDE = Pattern.compile("\\s(?:with|who|whose|that|which|requiring)\\s");

  /**
   * "Congenital hemophilia A or B with inhibitors": the last alternative was not read, and a qualifier inside it ("with
   * inhibitors") may bind every alternative, not only the last. Only where what was read is history (diseases, drugs,
   * procedures, vaccines). Returns the qualifying words, or null. The caller adds
   * them as a question beside the alternatives, so a patient with hemophilia A is asked about inhibitors, never
   * excluded on the disease alone.
   */
  private static String trailingQualifier(Sentence s, List<Part> parts) {
    Part last = parts.get(parts.size() - 1);
    // only beside diseases, drugs and the like: after a limit the words are an alternative limit's own condition
    // ("ANC ≥ 750/µL, or ≥ 500/µL in subjects with marrow involvement")
    if (!(last.rule() instanceof Unparsed) || parts.stream().noneMatch(p -> history(p.rule()))
        || parts.stream().anyMatch(p -> !(p.rule() instanceof Unparsed) && !history(p.rule()))) {
      return null;
    }
    Matcher q = QUALIFIER_INSIDE.matcher(s.lower).region(last.start(), last.end());
    return q.find() ? s.text.substring(q.start() + 1, last.end()) : null;
  }


  static boolean limitsOnly(Rule rule) {
    return switch (rule) {
      case MeasurementRule m -> true;
      case AllOf a -> a.rules().stream().allMatch(RuleAssembler::limitsOnly);
      case AnyOf a -> a.rules().stream().allMatch(RuleAssembler::limitsOnly);
      default -> false;
    };
  }

  /** Whether every word in {@code [from, to)} is explained (a time word, a qualifier) or filler. */
  static boolean onlyQualifiers(Sentence s, int from, int to) {
    Matcher w = WORD.matcher(s.lower).region(from, Math.max(from, to));
    while (w.find()) if (!s.coveredAll(w.start(), w.end()) && !FILLER.contains(w.group())) return false;
    return true;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  static int closing(String text, int open) {
    int depth = 0;
    for (int k = open; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return k;
    }
    return -1;
  }

  /**
   * In a list of alternatives, words not understood right before or after one of them, with no "and" or "or" between,
   * qualify it ("mixed-type AIHA", "planning to become pregnant"): the two become one alternative, all of (the words,
   * what was read), which only narrows it. Words that read like an alternative or an exception of their own are left
   * alone (the sentence stays unclear). Words after the last alternative ("azacitidine or decitabine for more than 4
   * cycles", "eltrombopag or romiplostim at the maximum dose") or before the first ("therapeutic-dose warfarin or
   * heparin") may qualify every alternative: fused with one alone, a patient on azacitidine for two cycles, or on a
   * prophylactic dose of heparin, was excluded. They are taken out of the list and returned, to stand beside all the
   * alternatives (all of: any of the alternatives, the words).
   */
  private static List<Part> fuseQualifiers(Sentence s, List<Part> parts, List<Join> joins) {
    List<Part> shared = new ArrayList<>();
    for (int i = 0; i < joins.size(); ) {
      Part a = parts.get(i);
      Part b = parts.get(i + 1);
      boolean islandFirst = a.rule() instanceof Unparsed && !(b.rule() instanceof Unparsed);
      boolean islandAfter = b.rule() instanceof Unparsed && !(a.rule() instanceof Unparsed);
      Part island = islandFirst ? a : b;
      boolean qualifies = joins.get(i) == Join.NONE && (islandFirst || islandAfter)
          && !ALTERNATIVE.matcher(s.lower.substring(island.start(), island.end())).find();
      if (qualifies && islandAfter && i + 2 == parts.size() && joins.subList(0, i).contains(Join.OR)
          && !(qualifiedBeforeItsName(s, parts.get(i - 1), a) && toldApart(s, parts.get(i - 1), a))) {
        shared.add(b);
        parts.remove(i + 1);
        joins.remove(i);
      } else if (qualifies && islandFirst && i == 0 && joins.subList(1, joins.size()).contains(Join.OR)
          && !nonExhaustive(s)) {
        // not before examples: "a disease-modifying agent for MDS (e.g., lenalidomide, azacitidine)" names drugs that
        // are such agents
        shared.add(a);
        parts.remove(0);
        joins.remove(0);
      } else if (qualifies) {
        Rule read = islandFirst ? b.rule() : a.rule();
        parts.set(i, new Part(a.start(), b.end(), new AllOf(List.of(island.rule(), read))));
        parts.remove(i + 1);
        joins.remove(i);
      } else {
        i++;
      }
    }
    return shared;
  }

  /**
   * Whether the last alternative has a qualifier of its own, written after the alternative before it, before or in
   * its name ("Unstable angina or stable angina requiring nitrates"): words after it then finish its own name
   * ("stable angina requiring nitrates") and do not reach back over its qualifier to the alternatives before. Set beside all of them,
   * with the qualifier asked of all, a patient with unstable angina was only asked whether it was stable.
   */
  private static boolean qualifiedBeforeItsName(Sentence s, Part before, Part last) {
    for (Sentence.Hedge h : s.hedges) {
      if (h.start() >= before.end() && h.start() < last.end() && s.qualifierOf(h, last.start(), last.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the alternative before the last is complete without the words after the last: it has a qualifier of its
   * own, or it names the same thing the last one's qualifier sets apart ("Unstable angina or stable angina"). Otherwise
   * the words may reach back to it ("Diabetes or uncontrolled hypertension requiring more than 3 drugs": read as
   * diabetes alone, every diabetic patient was excluded), and they stay asked of all.
   */
  private static boolean toldApart(Sentence s, Part before, Part last) {
    for (Sentence.Hedge h : s.hedges) {
      if (h.start() < before.end() && s.qualifierOf(h, before.start(), before.end())) return true;
    }
    List<String> beforeWords = List.of(s.lower.substring(before.start(), before.end()).split("\\W+"));
    for (String w : s.lower.substring(last.start(), last.end()).split("\\W+")) {
      if (w.length() >= 4 && beforeWords.contains(w)) return true;
    }
    return false;
  }

  /** Words that make text left over beside a requirement read as an alternative, an exception or a condition. */
  private static final Pattern ALTERNATIVE = Pattern.compile("\\b(?:or|for|in|if|unless|except|otherwise|where|when"
      + "|whichever|permitted|allowed|independent|dependent|only|alternatively|fasting|ionized|ionised|corrected"
      + "|random|postprandial|hour"
      // "Cold agglutinin disease is excluded", "Coombs-negative AIHA is excluded" in the inclusion list: what was read
      // is what the words exclude; read as required, a patient with warm AIHA was failed for lacking it (§86 review)
      + "|excluded|ineligible)\\b|[<>≤≥]"
      + "|\\d\\s*(?:%|×|x\\b|/|cells|g/|mg|mmol|µ|u/|years?\\b|months?\\b|weeks?\\b|days?\\b|kg\\b)"
      // "Three months after splenectomy", "Two weeks since the last dose of rituximab": a span of time spelt out, as
      // in digits above (a wash-out a patient never treated meets)
      + "|\\b" + Durations.DURATION.replace("?<n>", "?:").replace("?<unit>", "?:"));

  /** Whether a part left unexplained reads like an alternative, an exception or a condition. */
  private static boolean alternativeLeftOver(Sentence s, List<Part> parts) {
    for (Part p : parts) {
      if (p.rule() instanceof Unparsed && ALTERNATIVE.matcher(s.lower.substring(p.start(), p.end())).find()) return true;
    }
    return false;
  }

  /**
   * A heading that names the kind of limit that follows, at the start of a criterion: "Renal function: creatinine ≤
   * 1.5 mg/dL", "Adequate hematologic function:", "Performance status: ECOG ≤ 2", "Coagulation:". Only such words: a
   * heading naming who the limit is for ("Women of childbearing potential:") is a condition, never passed over. The
   * limits may also follow in brackets or after words that say they define the heading ("Adequate renal function
   * (creatinine &lt; 2 mg/dL)", "Adequate cardiac function defined as LVEF ≥ 45%", "Adequate bone marrow function as
   * evidenced by platelets ≥ 75 × 10^9/L"): the limits are what the heading means, so a patient who meets them meets
   * it. Examples ("(e.g. creatinine …)", "including …") define nothing and stay unread.
   */
  private static final String LIMIT_HEADING_WORDS = "adequate|sufficient|acceptable|normal|renal"
      + "|kidney|hepatic|liver|cardiac|heart|pulmonary|lung|bone|marrow|hematologic(?:al)?|haematologic(?:al)?"
      + "|hematology|haematology|coagulation|organ|organs|function|status|performance|laboratory|lab|labs|values"
      + "|parameters|blood|counts?|chemistry|reserve";
  private static final Pattern LIMIT_HEADING = Pattern.compile("\\s*(?:(?:" + LIMIT_HEADING_WORDS
      + "|and)\\b[\\s,]*)+:\\s*"
      // one function, its limits in brackets or after "defined as": not a list of functions ("normal cardiac function,
      // liver function (bilirubin …)"), whose limits may define the last one only
      + "|\\s*(?:(?:(?:patients?|subjects?|participants?)\\s+)?(?:(?:must|should)\\s+)?(?:have|has|with)\\s+)?"
      // ending in what is measured ("function", "reserve", "values"): "Liver (metastases)" names an organ, no heading
      + "(?:(?:" + LIMIT_HEADING_WORDS + ")\\b\\s*)*(?:function|reserve|status|values|parameters|counts?|chemistry)\\b"
      + "\\s*,?\\s*(?:\\(|(?:as\\s+)?(?:defined|evidenced|shown|demonstrated"
      + "|indicated|documented)\\s+(?:by|as)(?:\\s+(?:the\\s+)?(?:following|an?)"
      // "as defined by the following laboratory values:", "… the following lab parameters:"
      + "(?:\\s+(?:(?:laboratory|lab|blood|screening)\\s+)?(?:values|parameters|tests|results|criteria|limits))?)?\\s*:?)\\s*");

  /** Unexplained words between {@code from} and {@code to}: content becomes an Unparsed part; negations settle it. */
  private static void addIsland(Sentence s, int from, int to, List<Part> parts) {
    if (to <= from) return;
    if (s.lower.substring(0, from).isBlank() && LIMIT_HEADING.matcher(s.lower.substring(from, to)).matches()) return;
    Matcher m = WORD.matcher(s.lower).region(from, to);
    int first = -1;
    int last = -1;
    while (m.find()) {
      String w = m.group();
      int end = m.end();
      while (w.endsWith(".")) {
        w = w.substring(0, w.length() - 1);
        end--;
      }
      if (end <= m.start() || s.coveredAll(m.start(), end)) continue;
      if (NEGATION.matcher(w).matches()) {
        s.settle(new Unparsed("a negation (\"" + w + "\") inside the sentence is not understood"));
        return;
      }
      if (FILLER.contains(w) || w.isEmpty()) continue;
      if (first < 0) first = m.start();
      last = end;
    }
    if (first < 0) return;
    parts.add(new Part(first, last, new Unparsed("not understood: \"" + s.text.substring(first, last) + "\"")));
  }

  /**
   * The words between two names without the qualifiers written there, which belong to the next name: in "Severe heart
   * failure, uncontrolled hypertension or stroke" the comma before "uncontrolled" lists, as in "heart failure,
   * hypertension or stroke"; read with the word, the sentence had mixed "and" and "or" and was left unread.
   */
  private static String withoutQualifiers(Sentence s, int from, int to) {
    StringBuilder between = new StringBuilder(s.lower.substring(from, to));
    for (Sentence.Hedge h : s.hedges) {
      if (!Sentence.OWN_QUALIFIERS.contains(h.family()) || h.start() < from || h.end() > to || h.end() <= h.start()) {
        continue;
      }
      for (int i = h.start(); i < h.end(); i++) between.setCharAt(i - from, ' ');
    }
    // "Warm AIHA with or without prior rituximab or splenectomy, and hemoglobin < 10 g/dL": the words of a clause set
    // aside join nothing (its "or" had made the disease and the limit alternatives)
    for (int i = from; i < to; i++) if (s.aside(i)) between.setCharAt(i - from, ' ');
    // "Intended to proceed to autologous or allogeneic stem cell transplant", "Patients undergoing autologous or
    // allogeneic HSCT": the "or" between both kinds of transplant (§59) names one transplant, and joins nothing; read
    // as an alternative, the unread plan before it or the transplant had excluded a patient transplanted in 2023 (§65)
    Matcher bothKinds = HedgeRecogniser.BOTH_TRANSPLANT_KINDS.matcher(s.lower);
    while (bothKinds.find()) {
      for (int i = Math.max(from, bothKinds.start()); i < Math.min(to, bothKinds.end()); i++) {
        between.setCharAt(i - from, ' ');
      }
    }
    // "ITP (with or without prior splenectomy) and platelet count < 30": brackets left empty by what was set aside are
    // no alternative ("(" reads as one, as in "ITP (immune thrombocytopenia)"); read so, the disease and the limit
    // were alternatives and an ITP patient with 120 × 10^9/L met the inclusion
    // "Body weight < 40 kg (adults) and < 20 kg (children)": a bracket naming whom a limit is for is no alternative
    // name; read as one, the adults' limit alone excluded a child of 30 kg (§80)
    String blanked = EMPTY_BRACKETS.matcher(between).replaceAll(b -> " ".repeat(b.group().length()));
    return GROUP_BRACKET.matcher(blanked).replaceAll(b -> " ".repeat(b.group().length()));
  }

  /**
   * Right after a limit, the age group it is for: "(adults)", "(for children)", "in adolescents", "for pediatric
   * patients". Not "(patients)", "for all patients" (everyone), nor "(men)"/"(women)" (the sex-specific reading's).
   */
  private static final String AGE_GROUP = "(?:adults?|children|child|adolescents?|infants|(?:adult|pediatric"
      + "|paediatric)\\s+(?:patients|participants|subjects))";
  private static final Pattern LIMIT_FOR_GROUP = Pattern.compile("^[\\s,]*(?:\\(\\s*(?:(?:for|in|among)\\s+)?"
      + AGE_GROUP + "\\s*\\)|(?:for|in|among)\\s+" + AGE_GROUP + "\\b)");

  /**
   * "Hemoglobin < 9 g/dL (adults) or < 8 g/dL (children)", "Body weight < 40 kg (for adolescents)", "Body weight ≥ 40
   * kg in adolescents": a limit set for one age group binds no one else. Read for everyone, the adults' limit excluded
   * a girl of 10 with 8.5 g/dL (within the children's), and the adolescents' weight excluded (resp. failed) a woman of
   * 60 weighing 38 kg. Whether the limit applies to the patient is asked (§82).
   */
  private static String limitForOneGroup(Sentence s) {
    for (Reading r : s.readings) {
      if (!(r.rule() instanceof MeasurementRule) || r.end() > s.lower.length()) continue;
      Matcher m = LIMIT_FOR_GROUP.matcher(s.lower).region(r.end(), s.lower.length());
      if (m.lookingAt()) return s.text.substring(r.end(), m.end()).trim();
    }
    return null;
  }

  /**
   * The limit binds only the group named: an exclusion excludes a patient past it only if the patient is in the group
   * (all of), an inclusion fails a patient short of it only if so (any of); the sentence is asked, naming the group.
   * A patient within every limit read is still decided.
   */
  private static Rule forOneGroup(Sentence s, Rule rule, String group) {
    String whom = group.replaceAll("^\\(\\s*|\\s*\\)$", "").replaceFirst("^(?i)(?:for|in|among)\\s+", "");
    Ask ask = new Ask("Does this apply to the patient: \u201c" + s.text + "\u201d? (A limit set for " + whom + ".)");
    return s.type == CriterionType.EXCLUSION ? new AllOf(List.of(rule, ask)) : new AnyOf(List.of(rule, ask));
  }

  /** A bracket naming only whom a limit is for: "(adults)", "(for children)", "(in pediatric patients)" (§80). */
  private static final Pattern GROUP_BRACKET = Pattern.compile("\\(\\s*(?:(?:for|in|among)\\s+)?(?:(?:all|adult"
      + "|pediatric|paediatric)\\s+)?(?:adults?|children|adolescents|infants|patients|participants|subjects)\\s*\\)");

  /** A group of people a clause names: "women", "patients aged > 75", "children under 12", "nursing mothers". */
  private static final Pattern PERSON_GROUP = Pattern.compile("\\b(?:women|woman|men|females?|males?|girls|boys"
      + "|patients|participants|subjects|individuals|persons|people|children|adolescents|infants|adults|mothers"
      + "|volunteers|those)\\b");
  /** The "and" that joins two groups: "and", ", and", "as well as", a bare comma. */
  private static final Pattern GROUP_AND = Pattern.compile("(?:,\\s*)?\\b(?:and|as\\s+well\\s+as)\\b|,");

  /**
   * Whether every part of an exclusion is joined by "and" (or a bare comma beside it) and each clause between those
   * joins names a group of people: "Pregnant women, and patients older than 80 years". Not "Hypertension and diabetes
   * requiring insulin" (no group), nor "Patients with HIV and hepatitis B" (the second clause names a disease only).
   */
  private static boolean groupsOfPeople(Sentence s, List<Part> parts, List<Join> joins) {
    if (joins.isEmpty() || !joins.contains(Join.AND)) return false;
    // "Pregnant women, lactating women, and …": a comma after a person word the readings leave joins nothing else
    for (Join j : joins) if (j != Join.AND && j != Join.NONE) return false;
    int from = 0;
    for (int i = 0; i < joins.size(); i++) {
      int end = parts.get(i).end();
      int next = Math.max(end, parts.get(i + 1).start());
      Matcher and = GROUP_AND.matcher(s.lower).region(end, next);
      int cut = -1;
      int after = -1;
      while (and.find()) {
        cut = and.start();
        after = and.end();
      }
      if (cut < 0 || !namesGroup(s.lower.substring(from, cut))) return false;
      from = after;
    }
    return namesGroup(s.lower.substring(from));
  }

  /** A group narrower than all patients: "adolescents", "women", "children", "adults". */
  private static final Pattern SUBGROUP = Pattern.compile("\\b(?:women|woman|men|females?|males?|girls|boys"
      + "|children|adolescents|infants|adults|mothers)\\b");

  /**
   * "Children under 12 and adolescents with body weight < 40 kg", "Adolescents with platelets < 50 x 10^9/L and adults
   * aged > 75": a limit in a clause naming a narrower group ("adolescents", "women", "adults") binds that group only.
   * Each such limit is asked as well (all of); read as a group excluded by itself, an adult ITP patient with 40 x
   * 10^9/L platelets was excluded by the adolescents' limit, and a woman of 60 weighing 38 kg by their weight (§82).
   */
  private static void askSubgroupLimits(Sentence s, List<Part> parts) {
    Matcher and = GROUP_AND.matcher(s.lower);
    List<Integer> cuts = new ArrayList<>();
    while (and.find()) {
      boolean inside = false;
      for (Part p : parts) inside |= and.start() >= p.start() && and.start() < p.end();
      if (!inside) cuts.add(and.start());
    }
    cuts.add(s.lower.length());
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (!(p.rule() instanceof MeasurementRule)) continue;
      int from = 0;
      int to = s.lower.length();
      for (int c : cuts) {
        if (c <= p.start()) from = c;
        else { to = c; break; }
      }
      Matcher group = SUBGROUP.matcher(s.lower.substring(from, to));
      if (!group.find() || !namesGroup(s.lower.substring(from, to))) continue;
      parts.set(i, new Part(p.start(), p.end(), new AllOf(List.of(p.rule(), new Ask("Is the patient one of the "
          + group.group() + " this limit is for: \u201c" + s.text + "\u201d?")))));
    }
  }

  /**
   * Whom a limit is for, not a group listed: "in adults", "for children", "among women", "in pediatric patients",
   * "(adults)". "Body weight < 40 kg for adults and < 20 kg for children" sets a limit for each group; read as any of
   * them, a child of 30 kg was excluded by the adults' limit (§80).
   */
  private static final Pattern GROUP_QUALIFIED = Pattern.compile(
      "(?:\\b(?:in|for|among(?:st)?|of)\\s+|\\(\\s*)(?:(?!(?:and|or|with|who)\\b)[a-z0-9-]+\\s+){0,2}$");

  /** Whether a clause names a group of people it lists, not one a limit in it is for (§75, §80). */
  private static boolean namesGroup(String clause) {
    Matcher m = PERSON_GROUP.matcher(clause);
    while (m.find()) {
      if (!GROUP_QUALIFIED.matcher(clause.substring(0, m.start())).find()) return true;
    }
    return false;
  }

  private static Join join(String between) {
    String b = between.toLowerCase(Locale.ROOT);
    if (b.indexOf('(') >= 0 && PAREN_QUALIFIER.matcher(b).find()
        && !OR_WORDS.matcher(b.replace('(', ' ').replace(')', ' ')).find()) {
      return Join.AND; // "hemophilia A (with inhibitors)", "infection (requiring IV antibiotics)": a narrowing, not a kind
    }
    if (OR_WORDS.matcher(b).find()) {
      return Join.OR;
    }
    if (AND_WORDS.matcher(b).find()) {
      return Join.AND;
    }
    if (COMMAS.matcher(b).matches()) return Join.LIST;
    return Join.NONE;
  }

  private static boolean history(Rule r) {
    return r instanceof ConditionRule || r instanceof MedicationRule || r instanceof ProcedureRule
        || r instanceof ImmunizationRule;
  }

  /** Bare commas take the list's explicit connective ("a, b, or c"), else the given default. */
  private static void resolveLists(List<Join> joins, Join fallback) {
    for (int i = 0; i < joins.size(); i++) {
      if (joins.get(i) != Join.LIST) continue;
      Join found = null;
      for (int j = i + 1; j < joins.size() && found == null; j++) {
        if (joins.get(j) == Join.OR || joins.get(j) == Join.AND) found = joins.get(j);
      }
      for (int j = i - 1; j >= 0 && found == null; j--) {
        if (joins.get(j) == Join.OR || joins.get(j) == Join.AND) found = joins.get(j);
      }
      joins.set(i, found != null ? found : fallback);
    }
  }

  /**
   * "Myocardial infarction within 6 months or NYHA class III or IV heart failure", "Stroke within 3 months or severe
   * heart failure": diseases as alternatives where a qualifier (a class, a severity) stands with one of them only. Each
   * alternative keeps its own qualifier, as a rule of its own: any of (myocardial infarction within 6 months, all of
   * (heart failure, is it NYHA class III or IV?)). Merged into one rule, the class was asked of the infarction too and
   * the 6 months bound the heart failure. Where every alternative has the same qualifier ("severe heart failure or
   * severe COPD") or one stands apart from the names, the alternatives stay one rule. Returns null if not such a
   * sentence.
   */
  private static Rule ownQualifiers(Sentence s, List<Part> parts, List<Reading> readings) {
    if (parts.size() < 2 || nonExhaustive(s)) return null;
    for (Part p : parts) if (!(p.rule() instanceof ConditionRule) && !narrowedCondition(p.rule())) return null;
    List<Sentence.Hedge> hedges = relevantHedges(s, readings);
    if (hedges.isEmpty()) return null;
    List<List<Sentence.Hedge>> own = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) own.add(new ArrayList<>());
    for (Sentence.Hedge h : hedges) {
      int owner = -1;
      for (int i = 0; i < parts.size(); i++) {
        if (!s.qualifierOf(h, parts.get(i).start(), parts.get(i).end())) continue;
        if (owner >= 0) return null; // stands between two names: it may qualify both
        owner = i;
      }
      if (owner < 0) return null;
      own.get(owner).add(h);
    }
    Set<String> qualifiers = new LinkedHashSet<>();
    for (List<Sentence.Hedge> hs : own) {
      qualifiers.add(String.join(" ", hs.stream().map(h -> s.lower.substring(h.start(), h.end())).toList()));
    }
    if (qualifiers.size() == 1) return null; // one qualifier shared by every alternative
    for (int i = 0; i < parts.size(); i++) {
      int start = parts.get(i).start();
      List<Sentence.Hedge> before = own.get(i).stream().filter(h -> h.end() <= start).toList();
      // "Severe heart failure, uncontrolled hypertension or stroke": two names each written after a qualifier of its
      // own, so the qualifiers are each name's and the bare one after them has none
      if (before.isEmpty() || qualifiedBefore(parts, own) >= 2) continue;
      // "Severe heart failure or arrhythmia", "Uncontrolled hypertension or diabetes": a qualifier written before its
      // name may reach every name after it; an alternative named after it without one of its own is not plain. A
      // class grades its own diseases only ("NYHA class III/IV heart failure, unstable angina, or MI": the infarction
      // has no NYHA class), so it reaches no further unless a later name is one it may grade ("Child-Pugh class B or C
      // cirrhosis or hepatitis B")
      for (int j = i + 1; j < parts.size(); j++) {
        if (!own.get(j).isEmpty()) continue;
        Rule later = parts.get(j).rule();
        for (Sentence.Hedge h : before) {
          if (!GRADE.equals(h.family())
              || GradeRecogniser.mayGrade(s.lower.substring(h.start(), h.end()), conceptsOf(later))) {
            return null;
          }
        }
      }
    }
    List<Rule> alternatives = new ArrayList<>();
    List<Rule> plain = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (own.get(i).isEmpty()) {
        if (!plain.contains(p.rule())) plain.add(p.rule());
        continue;
      }
      alternatives.addAll(mergeAlternatives(plain));
      plain.clear();
      // in an inclusion the question stands beside the disease at any time, as it does for the whole sentence
      Rule rule = s.type == CriterionType.INCLUSION ? widen(p.rule()) : p.rule();
      Ask ask = new Ask(question(s, own.get(i), List.of(new Reading(p.start(), p.end(), p.rule()))));
      List<Rule> all = new ArrayList<>(rule instanceof AllOf a ? a.rules() : List.of(rule));
      all.add(ask);
      alternatives.add(new AllOf(all));
    }
    alternatives.addAll(mergeAlternatives(plain));
    return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
  }

  /** The family of the class a disease is graded by ({@link GradeRecogniser}): it qualifies that disease alone. */
  private static final String GRADE = "grade";

  /** How many alternatives are written after a qualifier of their own ("severe heart failure"). */
  private static int qualifiedBefore(List<Part> parts, List<List<Sentence.Hedge>> own) {
    int n = 0;
    for (int i = 0; i < parts.size(); i++) {
      int start = parts.get(i).start();
      if (own.get(i).stream().anyMatch(h -> h.end() <= start)) n++;
    }
    return n;
  }

  /** The diseases an alternative names ("stable angina requiring nitrates": angina). */
  private static Set<String> conceptsOf(Rule rule) {
    if (rule instanceof ConditionRule c) return c.concepts();
    Set<String> out = new LinkedHashSet<>();
    if (rule instanceof AllOf all) for (Rule r : all.rules()) if (r instanceof ConditionRule c) out.addAll(c.concepts());
    return out;
  }

  /** A disease with words not read that narrow it ("stable angina requiring nitrates"): all of (the words, it). */
  private static boolean narrowedCondition(Rule rule) {
    if (!(rule instanceof AllOf all)) return false;
    long conditions = all.rules().stream().filter(r -> r instanceof ConditionRule).count();
    return conditions == 1 && all.rules().stream().allMatch(r -> r instanceof ConditionRule || r instanceof Unparsed);
  }

  private static final Pattern WITH_ONLY = Pattern.compile("[\\s,]*\\(?\\s*with\\s*");

  /**
   * Alternatives of history joined by "or", then words no pass read after "with": "Active hepatitis B or HIV
   * infection with detectable viral load". Whether the qualifier binds the last alternative or every one, the record
   * cannot tell; read as "and" beside "or" the sentence had been left unread whole.
   */
  private static boolean qualifierAfterAlternatives(Sentence s, List<Part> parts, List<Join> joins) {
    int last = parts.size() - 1;
    if (last < 2 || !(parts.get(last).rule() instanceof Unparsed) || joins.get(last - 1) != Join.AND) return false;
    for (int i = 0; i < last; i++) if (!history(parts.get(i).rule())) return false;
    for (int i = 0; i < last - 1; i++) if (joins.get(i) != Join.OR) return false;
    Part before = parts.get(last - 1);
    Part island = parts.get(last);
    return WITH_ONLY.matcher(s.lower.substring(before.end(), island.start())).matches()
        && !ALTERNATIVE.matcher(s.lower.substring(island.start(), island.end())).find();
  }

  /** History rules of one kind and timing in a row merge into one over all their concepts. */
  static List<Rule> mergeAlternatives(List<Rule> rules) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      Rule last = out.isEmpty() ? null : out.get(out.size() - 1);
      Rule merged = last == null ? null : merge(last, r);
      if (merged != null) out.set(out.size() - 1, merged);
      else out.add(r);
    }
    return out;
  }

  private static Rule merge(Rule a, Rule b) {
    if (a instanceof ConditionRule x && b instanceof ConditionRule y && x.window().equals(y.window())
        && x.except().equals(y.except())) {
      return new ConditionRule(union(x.concepts(), y.concepts()), x.except(), x.window(), join(x.label(), y.label()));
    }
    if (a instanceof MedicationRule x && b instanceof MedicationRule y && x.timing().equals(y.timing())) {
      return new MedicationRule(union(x.concepts(), y.concepts()), x.timing(), join(x.label(), y.label()));
    }
    if (a instanceof ProcedureRule x && b instanceof ProcedureRule y && x.window().equals(y.window())) {
      return new ProcedureRule(union(x.concepts(), y.concepts()), x.window(), join(x.label(), y.label()));
    }
    if (a instanceof ImmunizationRule x && b instanceof ImmunizationRule y && x.window().equals(y.window())) {
      return new ImmunizationRule(union(x.concepts(), y.concepts()), x.window(), join(x.label(), y.label()));
    }
    return null;
  }

  private static String join(String a, String b) {
    return a.equals(b) || List.of(a.split(" or ")).contains(b) ? a : a + " or " + b;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  /**
   * As {@link #widen}, but a drug taken now for a whole span stays a drug taken now, the span asked with the stable
   * dose (DECISIONS 97 review): the question makes the reading UNKNOWN at best, so the span could only fail a patient,
   * and a record's first day of a drug is often the day a prescription was renewed or a list was reconciled, not the
   * day it began ("eltrombopag 50 mg, active, authored 9 days ago" is no patient who began 9 days ago).
   */
  private static Rule widenKeepingNow(Rule rule) {
    return switch (rule) {
      case MedicationRule m when m.timing() instanceof MedicationTiming.ContinuousFor ->
          new MedicationRule(m.concepts(), MedicationTiming.CURRENT, m.label());
      case AllOf a -> new AllOf(a.rules().stream().map(RuleAssembler::widenKeepingNow).toList());
      case AnyOf a -> new AnyOf(a.rules().stream().map(RuleAssembler::widenKeepingNow).toList());
      default -> widen(rule);
    };
  }

  /** In an inclusion under a question, history counts at any time (the time words may belong to one branch only). */
  static Rule widen(Rule rule) {
    return switch (rule) {
      case MedicationRule m -> new MedicationRule(m.concepts(), MedicationTiming.EVER, m.label());
      case ConditionRule c -> new ConditionRule(c.concepts(), c.except(), TimeWindow.EVER, c.label());
      case ProcedureRule p -> new ProcedureRule(p.concepts(), TimeWindow.EVER, p.label());
      case ImmunizationRule i -> new ImmunizationRule(i.concepts(), TimeWindow.EVER, i.label());
      case AllOf a -> new AllOf(a.rules().stream().map(RuleAssembler::widen).toList());
      case AnyOf a -> new AnyOf(a.rules().stream().map(RuleAssembler::widen).toList());
      default -> rule;
    };
  }

  /** Performance scales that say the same thing in other words ("ECOG 0-1 (Karnofsky ≥ 70%)"). */
  private static final Set<String> PERFORMANCE_SCALES = Set.of("ecog", "karnofsky", "lansky");

  private static boolean otherScale(Rule a, Rule b) {
    return a instanceof MeasurementRule x && b instanceof MeasurementRule y && !x.measure().equals(y.measure())
        && PERFORMANCE_SCALES.contains(x.measure()) && PERFORMANCE_SCALES.contains(y.measure());
  }

  /** Questions, without severity words that are part of a concept's own name ("severe aplastic anemia"). */
  private static List<Sentence.Hedge> relevantHedges(Sentence s, List<Reading> readings) {
    List<Sentence.Hedge> out = new ArrayList<>();
    for (Sentence.Hedge h : s.hedges) {
      if (h.end() > h.start() && s.asideAny(h.start(), h.end())) continue;
      if (intoleranceAlternative(s, h, readings)) continue;
      // "… or a contraindication to splenectomy": a hedge an alternative of its own already asks (§91)
      if (readings.stream().anyMatch(r -> r.rule() instanceof Ask && h.start() >= r.start() && h.end() <= r.end())) {
        continue;
      }
      if (STRONG.contains(h.family()) && s.hedges.stream().anyMatch(o -> SHIELDING.contains(o.family())
          && o.start() < h.end() && h.start() < o.end())) {
        continue;
      }
      String word = s.lower.substring(h.start(), h.end()).replace(' ', '-');
      boolean named = false;
      for (Reading r : readings) {
        if (h.start() >= r.start() && h.end() <= r.end() && h.end() > h.start()
            && r.rule() instanceof ConditionRule c && c.concepts().stream().anyMatch(id -> id.contains(word))) {
          named = true;
        }
      }
      if (!named) out.add(h);
    }
    return out;
  }

  /**
   * "Prior treatment with a corticosteroid or documented intolerance to corticosteroids": a patient intolerant of a
   * drug has taken it, so the alternative adds nothing to what was read and is no question. Only when intolerance is
   * the sentence's one narrowing word ("failure of, or intolerance to, hydroxyurea" stays a question) and everything
   * read is a medicine.
   */
  private static boolean intoleranceAlternative(Sentence s, Sentence.Hedge h, List<Reading> readings) {
    return h.family().equals("intolerant") && !readings.isEmpty()
        && readings.stream().allMatch(r -> r.rule() instanceof MedicationRule m && m.timing() == MedicationTiming.EVER)
        && s.hedges.stream().allMatch(o -> o.family().equals("intolerant"))
        && OR_BEFORE.matcher(s.lower.substring(0, h.start())).find()
        && EXPOSURE.matcher(s.lower.substring(0, h.start())).find()
        && !ALLERGY.matcher(s.lower).find();
  }

  private static boolean nonExhaustive(Sentence s) {
    return NON_EXHAUSTIVE_HINT.in(s.lower) && NON_EXHAUSTIVE.matcher(s.lower).find();
  }

  private static String nonExhaustive(String lower) {
    Matcher m = NON_EXHAUSTIVE.matcher(lower);
    return m.find() ? m.group() : "";
  }

  private static List<String> families(Sentence s) {
    return s.hedges.stream().map(Sentence.Hedge::family).distinct().toList();
  }

  /** Words before "response to" that make it a failure: "loss of response to", "insufficient response to". */
  private static final Pattern FAILURE_BEFORE = Pattern.compile("\\b(?:lack|loss|lost|losing|insufficient|suboptimal"
      + "|sub-optimal|partial|inadequate|poor|failure|failed|fail|without|no|not|absence|inability|unable|minimal"
      + "|incomplete|refractory|resistant)\\b[^.;]*$");

  private static String question(Sentence s, List<Sentence.Hedge> hedges, List<Reading> readings) {
    List<String> families = hedges.stream().map(Sentence.Hedge::family).distinct().toList();
    String subject = subject(readings);
    if (families.size() == 1 && subject != null) {
      String word = hedges.get(0).end() > hedges.get(0).start()
          ? s.lower.substring(hedges.get(0).start(), hedges.get(0).end()) : "";
      switch (families.get(0)) {
        case "refractory" -> {
          if (word.startsWith("response") && !FAILURE_BEFORE.matcher(s.lower.substring(
              Math.max(0, hedges.get(0).start() - 40), hedges.get(0).start())).find()) {
            // "Response to prior IVIg": a response is required; asked as a failure, a "no" excluded responders
            return (drugs(readings) ? "Did the patient respond to " + subject : "Did the patient's " + subject
                + " respond to treatment") + ", as the trial means it: \u201c" + s.text + "\u201d?";
          }
          List<Reading> diseases = readings.stream().filter(r -> r.rule() instanceof ConditionRule).toList();
          List<Reading> drugs = readings.stream().filter(r -> r.rule() instanceof MedicationRule).toList();
          if (!diseases.isEmpty() && !drugs.isEmpty() && diseases.size() + drugs.size() == readings.size()) {
            // "Autoimmune cytopenia not controlled by corticosteroids": the disease failed the drug, not the patient
            // the disease ("Did the patient fail to respond to autoimmune cytopenia or corticosteroid …?")
            return "Did the patient's " + subject(diseases) + " fail to respond to " + subject(drugs)
                + ", as the trial means it: \u201c" + s.text + "\u201d?";
          }
          return (drugs(readings) ? "Did the patient fail to respond to " + subject : "Is the patient's " + subject
              + " refractory to treatment") + ", as the trial means it: \u201c" + s.text + "\u201d?";
        }
        case "relapse" -> {
          return relapseQuestion(s, readings);
        }
        case "intolerant" -> {
          if (word.startsWith("well tolerat")) {
            // "Prior eltrombopag that was well tolerated": asked as an intolerance, a "no" excluded those who tolerated it
            return "Did the patient tolerate " + subject + " well, as the trial means it: \u201c" + s.text + "\u201d?";
          }
          return "Did the patient not tolerate " + subject + " (stopped or unsuitable because of side effects)?";
        }
        case "transplant-kind" -> {
          return "Was the patient's " + subject + " " + word + ", as the trial means it: \u201c" + s.text + "\u201d?";
        }
        case "grade" -> {
          // "NYHA class III or IV heart failure": the class as written, of the disease it grades
          if (readings.stream().allMatch(r -> r.rule() instanceof ConditionRule)
              && hedges.stream().map(h -> s.lower.substring(h.start(), h.end())).distinct().count() == 1) {
            String kind = s.text.substring(hedges.get(0).start(), hedges.get(0).end());
            // "heart failure with preserved ejection fraction", "HIT and thrombosis": a kind written after the disease
            // is asked as one ("Is the patient's heart failure with preserved ejection fraction?" read as no question)
            Matcher after = KIND_AFTER.matcher(kind);
            if (after.lookingAt()) return "Is the patient's " + subject + " one with " + kind.substring(after.end()) + "?";
            return "Is the patient's " + subject + " " + kind + "?";
          }
        }
        case "dose" -> {
          // "Prednisone > 20 mg/day within 2 weeks": the drug in its time was read, the dose is asked
          if (drugs(readings)) {
            return "Was the dose of " + subject + " " + DOSE_PARENS.matcher(word).replaceAll("").strip()
                + ", as the trial means it: \u201c" + s.text + "\u201d?";
          }
        }
        case "count" -> {
          // "Prior splenectomy or at least 2 prior medications for ITP": the count is one alternative's, not the
          // splenectomy's; asked "at least 2 splenectomy?", a patient with one answered no and failed
          if (countAfterAlternative(s, hedges, readings)) break;
          // "more than one JAK inhibitor": how many, asked of what was read
          return (drugs(readings) ? "Did the patient receive " : "Has the patient had ") + word + " " + subject
              + ", as the trial means it: \u201c" + s.text + "\u201d?";
        }
        case "cannot-replace" -> {
          return "Can " + subject + " be replaced with other medicines for the study period?";
        }
        case "severity" -> {
          String words = adjacentHedges(s, hedges);
          // "clinically significant liver disease": a question about a disease, in the sentence's own words
          if (readings.stream().allMatch(r -> r.rule() instanceof ConditionRule) && !words.endsWith("ly")) {
            return "Is the patient's " + subject + " " + words + "?";
          }
        }
        default -> { }
      }
    }
    return "Does this apply to the patient: \u201c" + s.text + "\u201d?";
  }

  private static final Pattern DOSE_PARENS = Pattern.compile("^[\\s(]+|[\\s)]+$");

  private static final Pattern HEDGE_LIST_GAP = Pattern.compile("[\\s,]*(?:(?:or|and|and/or)\\s+)?");

  /** The first hedge's words and those of the hedges right after it ("clinically significant", "severe or major"). */
  private static String adjacentHedges(Sentence s, List<Sentence.Hedge> hedges) {
    List<Sentence.Hedge> sorted = new ArrayList<>(hedges);
    sorted.sort(Comparator.comparingInt(Sentence.Hedge::start));
    int start = sorted.get(0).start();
    int end = sorted.get(0).end();
    for (Sentence.Hedge h : sorted.subList(1, sorted.size())) {
      // "severe, symptomatic or life-threatening": the words of a list of them, so the question asks about every one
      if (!HEDGE_LIST_GAP.matcher(s.lower.substring(end, Math.max(end, h.start()))).matches()) break;
      end = Math.max(end, h.end());
    }
    return s.lower.substring(start, end);
  }

  /**
   * "Relapsed after rituximab", "Disease relapse after splenectomy": a treatment does not relapse, the disease does
   * after it ("Did the disease relapse after rituximab …?"; asked of the treatment, the question read "Has the
   * patient's rituximab relapsed?"). A disease named beside the treatment is the one asked about ("Did the patient's
   * ITP relapse after splenectomy …?"); a disease alone keeps "Has the patient's ITP relapsed …?".
   */
  private static String relapseQuestion(Sentence s, List<Reading> readings) {
    List<Reading> diseases = readings.stream().filter(r -> r.rule() instanceof ConditionRule).toList();
    List<Reading> treatments = readings.stream()
        .filter(r -> r.rule() instanceof MedicationRule || r.rule() instanceof ProcedureRule).toList();
    String quoted = ", as the trial means it: \u201c" + s.text + "\u201d?";
    if (treatments.isEmpty()) return "Has the patient's " + subject(readings) + " relapsed" + quoted;
    String after = " relapse after " + subject(treatments);
    return (diseases.isEmpty() ? "Did the disease" : "Did the patient's " + subject(diseases)) + after + quoted;
  }

  private static boolean drugs(List<Reading> readings) {
    return readings.stream().anyMatch(r -> r.rule() instanceof MedicationRule);
  }

  private static String subject(List<Reading> readings) {
    List<String> labels = new ArrayList<>();
    for (Reading r : readings) {
      String l = switch (r.rule()) {
        case ConditionRule c -> c.label();
        case MedicationRule m -> m.label();
        case ProcedureRule p -> p.label();
        default -> null;
      };
      if (l != null && !labels.contains(l)) labels.add(l);
    }
    return labels.isEmpty() ? null : String.join(" or ", labels);
  }
}
