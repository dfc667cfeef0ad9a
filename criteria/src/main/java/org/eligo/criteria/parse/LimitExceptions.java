package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/**
 * Exceptions to lab limits and limits for some patients, in one place: "except", "unless", "other than" and "X, or Y
 * for/if Z", wherever they are written (DECISIONS §91, §95, §99). Three shapes, one principle: an exception or a second
 * limit never holds a patient it may spare to the limit, and whom it names is read where the record names them and
 * asked otherwise, never dropped.
 * <ul>
 *   <li>{@link #afterLimit}: a parenthesis or a tail right after a limit ("bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for
 *   Gilbert's syndrome)", "…, or &gt; 5 × ULN in patients with liver metastases"), fused with it while the sentence is
 *   assembled ({@link RuleAssembler});</li>
 *   <li>{@link #secondLimitForSome}: a whole sentence "X, or Y if on / for patients with Z" whose sentence was not read
 *   in full;</li>
 *   <li>{@link #beforeLimits}: an exception written before the limits it exempts from ("Blood counts, except in subjects
 *   with marrow involvement: …", "Except in patients receiving warfarin, INR ≤ 1.5").</li>
 * </ul>
 */
final class LimitExceptions {
  /** How the parser reads text and a group of patients, so the exceptions read them as the list does. */
  interface Reading {
    /** The rule of some text, read as a sentence of the given list. */
    Rule read(String text, CriterionType type, String criteriaText, int depth);

    /** Whom a requirement binds ("patients on warfarin", "adults (≥ 18 years)"), read as the given list reads it. */
    Rule group(String whom, CriterionType type, String criteriaText, int depth);

    /** "Adults", "children", "adolescents", "infants" read by the ages the usages agree on; null for any other. */
    Rule ageGroup(String whom, CriterionType type, String criteriaText, int depth);

    /** The concepts and measures the lexicon finds in some words. */
    List<org.eligo.criteria.lexicon.ConceptMention> mentions(String text);
  }

  private final Reading parser;

  LimitExceptions(Reading parser) {
    this.parser = parser;
  }

  /**
   * The patients an exception or a second limit names, where the record can name them (read as the list reads a
   * group); null where it cannot: the caller then asks, never drops them.
   */
  private Rule namedGroup(String whom, CriterionType type, String criteriaText, int depth) {
    Rule who = parser.group(whom, type, criteriaText, depth);
    return CriterionParser.hasUnread(who) || who instanceof ScreeningConfirmation ? null : who;
  }

  /** A parenthesis that opens with an exception or an alternative to what precedes it. */
  private static final Pattern EXCEPTION_PAREN = Pattern.compile("\\s*\\(\\s*(?:(?:or|except|excluding|unless|if"
      + "|otherwise|in case of|for patients|in patients|for subjects|in subjects|for participants|with)\\b"
      + "|[<>≤≥][^()]*\\b(?:if|for|in|with|when|unless)\\b)");

  /**
   * "…, or &gt; 5 × ULN in patients with liver metastases", "or ≤ 3 × ULN if Gilbert's syndrome": after a limit, another
   * limit (a comparator and no measure of its own) for some patients only, up to the end of the clause.
   */
  /** A comma, perhaps with "or"/"and", that may end an exception written after a limit. */
  private static final Pattern TAIL_BREAK = Pattern.compile(",\\s*(?:(?:or|and|and/or)\\s+)?");

  private static final Pattern EXCEPTION_TAIL = Pattern.compile("\\s*,?\\s*(?<or>or)\\s+(?:(?:up\\s+to|at\\s+most"
      + "|at\\s+least)\\s+)?[<>≤≥][^;()]*?\\b(?:if|for|in|with|when|unless|where)\\b");

  /**
   * "Bilirubin ≤ 1.5 × ULN (or ≤ 3 × ULN if Gilbert's syndrome), AST and ALT ≤ 2.5 × ULN": a parenthesis right after
   * a limit that opens with "or", "except", "if" and the like qualifies that limit alone. The limit and what the
   * parenthesis holds become one part, so the rest of the list reads as before: in an inclusion, meeting the limit
   * qualifies and failing it leaves the exception open (any of); in an exclusion, the limit alone cannot exclude (all
   * of). The parenthesis's own hedge words ("if") are accounted for by the part.
   */
  static void afterLimit(Sentence s, List<RuleAssembler.Part> parts) {
    for (int i = 0; i < parts.size(); i++) {
      RuleAssembler.Part limit = parts.get(i);
      if (!RuleAssembler.limitsOnly(limit.rule())) continue;
      Matcher open = EXCEPTION_PAREN.matcher(s.lower).region(limit.end(), s.lower.length());
      Matcher tail = EXCEPTION_TAIL.matcher(s.lower).region(limit.end(), s.lower.length());
      int from;
      int to;
      if (open.lookingAt()) {
        from = s.lower.indexOf('(', limit.end());
        to = RuleAssembler.closing(s.lower, from);
        if (to < 0) continue;
      } else if (tail.lookingAt()) {
        // "AST or ALT > 3 × ULN, or > 5 × ULN in patients with liver metastases": the same, without a parenthesis,
        // up to the end of the clause
        from = tail.start("or") - 1;
        int semicolon = s.lower.indexOf(';', from);
        to = semicolon < 0 ? s.lower.length() : semicolon;
        // "…, or > 3 × ULN for Gilbert's syndrome, or ALT > 3 × ULN": a comma before something read ends the exception;
        // read into it, ALT was taken for whom the exception is for and a patient with Gilbert's was excluded
        // A disease after such a comma may still name whom the exception is for ("in patients with ITP, or MDS") or
        // stand as an alternative of its own ("…, or active hepatitis B"): the sentence is then not clear
        Matcher brk = TAIL_BREAK.matcher(s.lower).region(tail.end(), to);
        boolean unclear = false;
        while (brk.find()) {
          int after = brk.end();
          RuleAssembler.Part next = parts.stream().filter(p -> p.start() >= after).findFirst().orElse(null);
          if (next == null || next.start() >= to || next.rule() instanceof Unparsed || !RuleAssembler.onlyQualifiers(s, after,
              next.start())) {
            continue;
          }
          if (RuleAssembler.limitsOnly(next.rule())) {
            to = brk.start();
            break;
          }
          unclear = true;
        }
        if (unclear && to == (semicolon < 0 ? s.lower.length() : semicolon)) {
          parts.clear();
          parts.add(new RuleAssembler.Part(0, s.lower.length(), new Unparsed("after a looser limit for some patients, whether what "
              + "follows a comma says whom it is for or is another alternative is not clear")));
          return;
        }
        if (s.lower.substring(from + 1, to).indexOf('(') >= 0 || s.lower.substring(from + 1, to).indexOf(')') >= 0) {
          continue;
        }
      } else {
        continue;
      }
      List<Rule> inside = new ArrayList<>();
      int j = i + 1;
      while (j < parts.size() && parts.get(j).start() > from && parts.get(j).end() <= to) inside.add(parts.get(j++).rule());
      Unparsed unread = new Unparsed("an exception: \"" + s.text.substring(from + 1, to).strip() + "\"");
      Rule exception = inside.isEmpty() ? unread : inside.size() == 1 ? inside.get(0) : new AnyOf(inside);
      boolean inclusion = s.type == CriterionType.INCLUSION && !s.negated;
      List<Rule> named = inside.stream().filter(r -> !(r instanceof Unparsed)).toList();
      if (!named.isEmpty()) {
        // "ALT > 3 × ULN (unless attributed to liver cGVHD)", "creatinine > 2 mg/dL (> 3 mg/dL for patients with
        // myeloma)": what the parenthesis names only says whom the exception is for. Without it the limit stands; with
        // it, the exception stays a question. It never counts on its own.
        Rule who = named.size() == 1 ? named.get(0) : new AnyOf(named);
        exception = inclusion ? new AllOf(List.of(who, unread)) : new AnyOf(List.of(new Not(who), unread));
      }
      Rule fused = inclusion ? new AnyOf(List.of(limit.rule(), exception)) : new AllOf(List.of(limit.rule(), exception));
      parts.subList(i, j).clear();
      parts.add(i, new RuleAssembler.Part(limit.start(), Math.min(to + 1, s.lower.length()), fused));
      int f = from;
      int t = to;
      s.hedges.removeIf(h -> h.start() > f && h.end() <= t);
    }
  }

  /**
   * "Platelet count &lt; 30 × 10^9/L, or &lt; 50 × 10^9/L if on a stable dose of ITP therapy", "ANC ≥ 1.5 × 10^9/L, or
   * ≥ 1.0 × 10^9/L in patients with marrow involvement", "Total bilirubin ≤ 1.5 × ULN, or ≤ 3 × ULN for patients with
   * Gilbert's syndrome": a limit for everyone, then after "or" a limit of the same measure for some patients (§91).
   * Where being in the group lets a patient in, it is any of (the first limit, all of (the group, the second)); in the
   * exclusion list a second limit that excludes fewer relaxes the first for the group.
   */
  private static final Pattern CONDITIONAL_ALTERNATIVE = Pattern.compile("(?i)^(?<first>[^;:()]+?)\\s*,?\\s+or\\s+"
      + "(?<limit>(?:[≥≤<>]|less\\s+than|greater\\s+than|more\\s+than|at\\s+least|at\\s+most|up\\s+to|below|above)"
      + "\\s*\\d[^,;:()]*?)\\s*,?\\s+(?<cond>(?:if|when|for|in)\\s+[^;:,]+?)[\\s.;]*$");
  /** The comparator that opens a limit: the measure's name is what comes before it. */
  private static final Pattern LIMIT_START = Pattern.compile("(?i)(?:[≥≤<>=]|\\b(?:less\\s+than|greater\\s+than"
      + "|more\\s+than|at\\s+least|at\\s+most|up\\s+to|below|above|of)\\b)\\s*\\d");
  /** The unit after a limit's number ("× 10^9/L", "g/dL", "× ULN"). */
  private static final Pattern NUMBER_THEN_UNIT = Pattern.compile("\\d+(?:[.,]\\d+)?(?<unit>\\s*\\D.*)?$");
  /** A limit ending in a bare number, no unit: "ANC ≥ 1.5". */
  private static final Pattern BARE_NUMBER_END = Pattern.compile("(?:[≥≤<>=]|\\b(?:than|least|most|to|below|above))\\s*"
      + "\\d+(?:[.,]\\d+)?\\s*$");
  /** Who the second limit is for: "if on …", "if receiving …", "for patients with …", "in subjects on …". */
  private static final Pattern CONDITION_GROUP = Pattern.compile("(?i)^(?:(?:if|when)\\s+(?:(?:the\\s+)?(?:patient|subject"
      + "|participant)\\s+is\\s+|(?:patients|subjects|participants|they)\\s+are\\s+)?(?<drug>(?:currently\\s+)?(?:on"
      + "|receiving|taking|treated\\s+with|using)\\s.+)|(?:for|in)\\s+(?<who>(?:patients|subjects|participants|those"
      + "|individuals|pts)\\s+(?:with|on|receiving|taking|treated\\s+with|using|who\\s+(?:have|are|receive))\\s.+"
      // "for patients older than 70 years", "in patients aged 70 or over" (§95): an age group, read by its ages; an
      // age word ("children", "adults") only before its ages: "for children with ITP" read as "with ITP" dropped the
      // children and, in the exclusion list, held an adult with ITP to the children's limit (§95 review)
      + "|(?:patients|subjects|participants|those|individuals|pts|adults|children|adolescents)\\s+(?=(?:who\\s+are\\s+)?"
      + "(?:aged?|older\\s+than|younger\\s+than|over|under|above|below)\\s+\\d|[≥≤<>]\\s*\\d|\\d).+))$");
  /** A stable dose the condition asks for: the exclusion list may not hold a patient to it on the drug alone. */
  private static final Pattern STABLE = Pattern.compile("(?i)\\bstable\\b");

  /**
   * The reading of a second limit for some patients after "or": any of (the first limit, all of (the group, the second
   * limit)). The group is read as the list reads a group; one not read in full is asked, never dropped, so the second
   * limit is never held for everyone nor the patient failed on a group the record cannot name. Null when the sentence
   * is not of this shape, when the first limit is not read in full or the second is not the same measure.
   */
  Rule secondLimitForSome(String sentence, CriterionType type, String criteriaText, int depth) {
    Matcher m = CONDITIONAL_ALTERNATIVE.matcher(sentence);
    if (!m.matches()) return null;
    String first = m.group("first");
    // "QTcF > 450 ms for men or > 470 ms for women": the first limit is a group's own, read elsewhere
    if (Pattern.compile("(?i)\\b(?:for|in|if|when|unless|except)\\b").matcher(first).find()) return null;
    Rule everyone = parser.read(first, type, criteriaText, depth + 1);
    Matcher start = LIMIT_START.matcher(first);
    if (!start.find()) return null;
    String name = first.substring(0, start.start()).strip();
    String limit = m.group("limit").strip();
    // "ANC ≥ 1.5, or ≥ 1.0 × 10^9/L for patients older than 70 years" (§95): the first limit in the second one's unit,
    // where the first is a bare number and the second's unit is written
    if (!(everyone instanceof MeasurementRule) && BARE_NUMBER_END.matcher(first).find()) {
      Matcher unit = NUMBER_THEN_UNIT.matcher(limit);
      if (unit.find() && unit.group("unit") != null && !unit.group("unit").isBlank()) {
        Rule borrowed = parser.read(first + unit.group("unit"), type, criteriaText, depth + 1);
        Rule own = parser.read(name + " " + limit, type, criteriaText, depth + 1);
        if (borrowed instanceof MeasurementRule x && own instanceof MeasurementRule y && x.threshold() > 0
            && y.threshold() > 0 && Math.max(x.threshold(), y.threshold()) / Math.min(x.threshold(), y.threshold()) <= 10) {
          everyone = borrowed;
        }
      }
    }
    if (!(everyone instanceof MeasurementRule a) || CriterionParser.hasUnread(everyone)) return null;
    Rule second = parser.read(name + " " + limit, type, criteriaText, depth + 1);
    if (!(second instanceof MeasurementRule)) {
      // "ANC ≥ 1.5 × 10^9/L, or ≥ 1.0 in patients with …": the second limit in the first one's unit
      Matcher unit = NUMBER_THEN_UNIT.matcher(first);
      if (!unit.find() || unit.group("unit") == null || Pattern.compile("\\p{L}|/").matcher(limit.replaceFirst(
          "(?i)^(?:less|greater|more)\\s+than|^at\\s+(?:least|most)|^up\\s+to|^below|^above", "")).find()) {
        return null;
      }
      second = parser.read(name + " " + limit + unit.group("unit"), type, criteriaText, depth + 1);
      // "ANC ≥ 1500/µL, or ≥ 1.0 in patients with …": a bare number of another scale is in another unit (× 10^9/L);
      // read in the first one's, the group's limit became 0.001 × 10^9/L and met nearly any count (§91 review)
      if (second instanceof MeasurementRule b && b.threshold() > 0 && a.threshold() > 0
          && Math.max(a.threshold(), b.threshold()) / Math.min(a.threshold(), b.threshold()) > 10) {
        return null;
      }
    }
    if (!(second instanceof MeasurementRule b) || !a.measure().equals(b.measure())
        || a.relativeToUln() != b.relativeToUln() || a.relativeToLln() != b.relativeToLln()) {
      return null;
    }
    boolean below = Thresholds.below(a.comparator());
    if (below != Thresholds.below(b.comparator())) return null;
    // in the exclusion list a second limit that excludes fewer ("bilirubin ≥ 1.5 × ULN, or ≥ 4.0 × ULN if treated
    // with ATG") relaxes the first for the group: the group is held to its own limit only, never to the first
    boolean narrower = below ? b.threshold() < a.threshold() : b.threshold() > a.threshold();
    boolean relaxes = type == CriterionType.EXCLUSION && narrower;
    // in the inclusion list a second limit that lets in fewer ("Platelets ≥ 50 × 10^9/L, or ≥ 100 × 10^9/L for
    // patients receiving anticoagulation") binds the group: all of (the first, any of (outside the group, the second));
    // read as any of, the first limit met it and the group's own limit was dropped (§91 review)
    boolean tightens = type == CriterionType.INCLUSION && narrower;
    String cond = m.group("cond").strip();
    Matcher c = CONDITION_GROUP.matcher(cond);
    Ask asked = new Ask("Does this apply to the patient: \u201c" + cond.replaceFirst("(?i)^(?:for|in)\\s+", "")
        + "\u201d?");
    Rule group = null;
    if (c.matches()) {
      String whom = c.group("drug") != null ? "Patients " + c.group("drug") : c.group("who");
      // the group read broadly where being in it lets a patient in (the inclusion list, or a relaxed exclusion where
      // the first limit binds those outside it), narrowly where it excludes
      boolean narrow = type == CriterionType.EXCLUSION && !relaxes || tightens;
      group = namedGroup(whom, narrow ? CriterionType.EXCLUSION : CriterionType.INCLUSION, criteriaText, depth);
      // "for patients older than 70 years" where being in the group lets a patient in (§95): read broadly (70 or
      // more), as the inclusion list reads an age; read narrowly (over 70) it failed a man of 70 and a half
      Matcher ages = CriterionParser.GROUP_AGES.matcher(whom);
      if (!narrow && ages.matches()) {
        Rule broad = parser.read("Age " + ages.group("ages"), CriterionType.INCLUSION, criteriaText, depth + 1);
        if (broad instanceof AgeRule) group = broad;
      }
      // "if on a stable dose of ITP therapy" where it excludes: the drug alone does not put a patient in the group,
      // so the stable dose is asked beside it
      if (group != null && narrow && STABLE.matcher(whom).find() && !(group instanceof AllOf)) {
        group = new AllOf(List.of(group, asked));
      }
    }
    if (group == null) group = asked;
    if (tightens) return new AllOf(List.of(everyone, new AnyOf(List.of(new Not(group), second))));
    if (relaxes) {
      // the second limit, within the first, excludes everyone: any of (it, all of (outside the group, the first))
      return new AnyOf(List.of(second, new AllOf(List.of(new Not(group), everyone))));
    }
    return new AnyOf(List.of(everyone, new AllOf(List.of(group, second))));
  }

  /** "Blood counts, except in subjects with marrow involvement: ANC ≥ 1.0; …", "Organ function (unless due to …): …". */
  private static final String EXCEPTING = "(?:except|excepting|other\\s+than|apart\\s+from|excluding|unless"
      + "|with\\s+the\\s+exception\\s+of)\\b";
  private static final Pattern EXCEPTED_LEAD = Pattern.compile("(?i)^(?<lead>[^:：;()]*?)\\s*(?:,\\s*(?<exc>" + EXCEPTING
      + "[^:：;()]*?)|\\(\\s*(?<pexc>" + EXCEPTING + "[^:：;()]*?)\\s*\\)"
      // "Adequate organ function (bilirubin excepted in Gilbert's syndrome):" (§99): what is excepted written first
      + "|\\(\\s*(?<post>[^:：;()]*?\\b(?:excepted|exempted|exempt)\\b[^:：;()]*?)\\s*\\))\\s*[:：]\\s*(?<rest>\\S.*)$");
  /** "Except in subjects with marrow involvement, ANC ≥ 1.0 and platelets ≥ 75": the exception opening the sentence. */
  private static final Pattern EXCEPTION_FIRST = Pattern.compile("(?i)^\\s*(?<exc>(?:except|excepting|other\\s+than"
      + "|apart\\s+from|excluding|unless)\\b[^:：;,]*?)\\s*[,:：]\\s*(?<rest>\\S.*)$");
  /** An exception that names no one: "unless otherwise specified", "except as noted". */
  private static final Pattern NO_ONE_EXCEPTED = Pattern.compile("(?i)\\b(?:otherwise|specified|stated|noted|indicated"
      + "|described|listed|below|above|follows)\\b");
  /** The exception's words before whom or what it names. */
  private static final Pattern EXCEPTION_WORDS = Pattern.compile("(?i)^(?:except|excepting|other\\s+than|apart\\s+from"
      + "|excluding|unless|with\\s+the\\s+exception\\s+of)\\s+(?:(?:for|in|with)\\s+)?(?:the\\s+case\\s+of\\s+)?");
  /** Whom the exception names by the people: "subjects with marrow involvement", "patients on anticoagulants". */
  private static final Pattern EXCEPTED_PEOPLE = Pattern.compile("(?i)^(?:patients|subjects|participants|individuals"
      + "|persons|people|those|pts)\\s+(?:with|on|receiving|taking|treated\\s+with|using|who\\s+(?:have|are|receive))"
      + "\\s+\\S.*$");

  /**
   * An exception written before the limits it exempts from, as a heading's qualifier ("Blood counts, except in subjects
   * with marrow involvement: ANC ≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L") or opening the sentence ("Except in
   * patients with Gilbert's syndrome, total bilirubin ≤ 1.5 × ULN") (§95). In the inclusion list any of (the limits,
   * the excepted group); in the exclusion list all of (the limits, not the group). The group is read where the record
   * can name it (patients with a diagnosis, on a drug), broadly, and asked otherwise, so failing a limit never fails a
   * patient the exception may let in. Null when what follows is not limits read in full, or the lead holds a limit.
   */
  Rule beforeLimits(String sentence, CriterionType type, String criteriaText, int depth) {
    Matcher m = EXCEPTED_LEAD.matcher(sentence);
    String exc;
    Rule bound = null;
    if (m.matches() && !CriterionParser.LIMIT_WORDS.matcher(m.group("lead")).find()) {
      // "For subjects with ITP (except those who are splenectomized): platelets ≥ 30", "Women, except those with
      // thalassemia trait: hemoglobin < 10 g/dL": the lead names whom the limits bind, not a heading; read as a
      // heading it was dropped, and a patient without ITP failed, a man with Hb 9 was excluded (§99 review). The
      // limits and their exception bind that group only, read as the list reads a group and asked otherwise
      String group = LEAD_OPENING.matcher(m.group("lead")).replaceFirst("").strip();
      // "All patients, except those on anticoagulants: INR ≤ 1.5": everyone, no group
      if (leadNamesWhom(group) && !EVERYONE.matcher(group).matches()) {
        bound = parser.group(group, type, criteriaText, depth);
        if (CriterionParser.hasUnread(bound) || bound instanceof ScreeningConfirmation) {
          bound = new Ask("Does this apply to the patient: \u201c" + group + "\u201d?");
        }
      }
      exc = m.group("exc") != null ? m.group("exc") : m.group("pexc") != null ? m.group("pexc") : m.group("post");
    } else if ((m = EXCEPTION_FIRST.matcher(sentence)).matches()) {
      exc = m.group("exc");
    } else {
      return null;
    }
    exc = exc.strip();
    // "Laboratory values, unless otherwise specified: …", "Except as noted in the protocol, …": no one is exempted
    if (CriterionParser.LIMIT_WORDS.matcher(exc).find() || NO_ONE_EXCEPTED.matcher(exc).find()) return null;
    Rule limits = parser.read(m.group("rest"), type, criteriaText, depth + 1);
    if (CriterionParser.hasUnread(limits) || !(CriterionParser.onlyLimits(limits) || type == CriterionType.EXCLUSION && limits instanceof AnyOf any
        && any.rules().stream().allMatch(CriterionParser::onlyLimits))) {
      return null;
    }
    String whom = EXCEPTION_WORDS.matcher(exc).replaceFirst("").strip();
    // "Laboratory values (except hemoglobin): …", "(bilirubin excepted in Gilbert's syndrome)": the exception names
    // a lab, not people (§99)
    Rule read = exemptedLabs(whom, exc, limits, type, criteriaText, depth);
    if (read == null) {
      Rule who = null;
      if (EXCEPTED_PEOPLE.matcher(whom).matches()) {
        who = namedGroup(whom, CriterionType.INCLUSION, criteriaText, depth);
      }
      if (who == null) {
        who = new Ask("Does the exception the trial makes apply to the patient: \u201c" + exc + "\u201d?");
      }
      read = type == CriterionType.EXCLUSION ? new AllOf(List.of(limits, new Not(who)))
          : new AnyOf(List.of(limits, who));
    }
    if (bound == null) return read;
    return type == CriterionType.EXCLUSION ? new AllOf(List.of(bound, read)) : new AnyOf(List.of(new Not(bound), read));
  }

  /** People named without anything that sets them apart: "All patients", "Subjects". */
  private static final Pattern EVERYONE = Pattern.compile("(?i)^(?:all\\s+)?(?:patients|subjects|participants"
      + "|individuals|persons|people|pts)$");

  /** The words that open a group named before its limits: "For", "In", "Among". */
  private static final Pattern LEAD_OPENING = Pattern.compile("(?i)^\\s*(?:for|in|among)\\s+");

  /** A lead that names people: "For subjects with ITP", "Women", "In children with AML". */
  private static final Pattern LEAD_PEOPLE = Pattern.compile("(?i)^\\s*(?:(?:for|in|among)\\s+)?(?:all\\s+)?"
      + "(?:(?:pa?ediatric|adult|elderly|older|female|male)\\s+)?(?:patients|subjects|participants|individuals|persons"
      + "|people|those|pts|adults|children|adolescents|infants|neonates|women|men|females|males|boys|girls)\\b");

  /**
   * Whether the words before an exception name the people the limits bind ("For subjects with ITP", "Women"), not a
   * heading: of labs ("Blood counts", "Adequate organ function") or of a disease the limits define ("Coagulopathy,
   * except for patients on warfarin: INR &gt; 1.5", "Neutropenia, unless due to …: ANC &lt; 1.0").
   */
  private static boolean leadNamesWhom(String lead) {
    return LEAD_PEOPLE.matcher(lead).lookingAt();
  }

  /** What an exception naming labs says: the labs, then perhaps whom they are excepted for. */
  private static final Pattern EXCEPTED_LABS = Pattern.compile("(?i)^(?<labs>.+?)(?:\\s+(?:is\\s+|are\\s+)?(?:excepted"
      + "|exempted|exempt))?(?:\\s*,?\\s+(?:in|for|if|when|among)\\s+(?<who>\\S.*?))?[\\s.]*$");
  /** Words between the labs an exception names: "hemoglobin and platelet count", "ANC/platelets". */
  private static final Pattern LAB_GLUE = Pattern.compile("(?i)(?:[\\s,/]|\\b(?:and|or|the|levels?|values?|counts?"
      + "|results?|tests?|for)\\b)*");
  /** Whom a group names by the people ("patients with …"), not by a disease alone ("Gilbert's syndrome"). */
  private static final Pattern PEOPLE = Pattern.compile("(?i)^(?:patients|subjects|participants|individuals|persons"
      + "|people|those|pts|adults|children|adolescents|women|men)\\b");

  /**
   * An exception that names labs, not people: "Laboratory values (except hemoglobin): ANC ≥ 1.0 × 10^9/L, …, hemoglobin
   * ≥ 8 g/dL", "Hematologic function, other than hemoglobin: …", "Adequate organ function (bilirubin excepted in
   * Gilbert's syndrome): …" (§99). The limits on the labs it names are exempted: not held on anyone where it names no
   * one; where it names whom ("in Gilbert's syndrome", "for patients with thalassemia") not held on them, the group read
   * where the record names it and asked otherwise. The other limits stand. Asked as a group of patients, it had made
   * a patient with a low neutrophil count a question. Null where the exception does not name labs only, or none of
   * the limits is on a lab it names (read as before).
   */
  private Rule exemptedLabs(String whom, String exc, Rule limits, CriterionType type, String criteriaText, int depth) {
    Matcher m = EXCEPTED_LABS.matcher(whom);
    if (!m.matches()) return null;
    String labs = m.group("labs");
    List<org.eligo.criteria.lexicon.ConceptMention> found = parser.mentions(labs);
    if (found.isEmpty()) return null;
    java.util.Set<String> measures = new java.util.HashSet<>();
    StringBuilder rest = new StringBuilder();
    int at = 0;
    for (org.eligo.criteria.lexicon.ConceptMention c : found) {
      if (c.kind() != org.eligo.criteria.lexicon.ConceptKind.MEASURE || c.start() < at) return null;
      // "bilirubin" names total bilirubin, yet excepts direct bilirubin too: a lab's family is excepted (the
      // exemption only spares patients)
      measures.add(family(c.id()));
      rest.append(labs, at, c.start()).append(' ');
      at = c.end();
    }
    rest.append(labs.substring(at));
    if (!LAB_GLUE.matcher(rest).matches()) return null;
    Rule who = null;
    if (m.group("who") != null) {
      String group = m.group("who").strip();
      who = namedGroup(PEOPLE.matcher(group).lookingAt() ? group : "Patients with " + group, CriterionType.INCLUSION,
          criteriaText, depth);
      if (who == null) {
        who = new Ask("Does the exception the trial makes apply to the patient: \u201c" + exc.strip() + "\u201d?");
      }
    }
    boolean[] exempted = {false};
    Rule read = exempt(limits, measures, who, type, exempted);
    // "Hematologic function, other than hemoglobin: ANC …; platelets …": no limit on the lab, so every limit stands;
    // where the exception names whom, a limit not found on the lab it names is read as before (asked)
    if (!exempted[0]) return who == null ? limits : null;
    return read;
  }

  /** Parts of one lab: total, direct and indirect bilirubin are bilirubin. */
  private static final Pattern PART_OF_LAB = Pattern.compile("-(?:total|direct|indirect)$");

  /**
   * A measure's family: "bilirubin-direct" and "bilirubin-total" are bilirubin; any other measure is its own (§99
   * review: cut at the first "-", "hemoglobin S" excepted every hemoglobin limit, "creatinine clearance" serum
   * creatinine and "body weight" body height).
   */
  private static String family(String measure) {
    return PART_OF_LAB.matcher(measure).replaceFirst("");
  }

  /**
   * The limits with those on the excepted labs exempted: dropped where no one is named (null when nothing is left),
   * else any of (the limit, the group) in the inclusion list and all of (the limit, not the group) in the exclusion list.
   * A limit dropped is met in the inclusion list and excludes no one in the exclusion list, so it decides the "or" or
   * "and" it stood in: "hemoglobin ≥ 9 g/dL or hematocrit ≥ 27%" is met, "hemoglobin &lt; 8 g/dL and platelets &lt; 50"
   * excludes no one (§99 review: the other limit left alone had excluded on platelets only).
   */
  private static Rule exempt(Rule rule, java.util.Set<String> measures, Rule who, CriterionType type,
                             boolean[] exempted) {
    switch (rule) {
      case MeasurementRule mr when measures.contains(family(mr.measure())) -> {
        exempted[0] = true;
        if (who == null) return null;
        return type == CriterionType.EXCLUSION ? new AllOf(List.of(mr, new Not(who))) : new AnyOf(List.of(mr, who));
      }
      case AllOf all -> {
        List<Rule> kept = new ArrayList<>();
        for (Rule r : all.rules()) {
          Rule k = exempt(r, measures, who, type, exempted);
          if (k == null && type == CriterionType.EXCLUSION) return null;
          if (k != null) kept.add(k);
        }
        return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : new AllOf(kept);
      }
      case AnyOf any -> {
        List<Rule> kept = new ArrayList<>();
        for (Rule r : any.rules()) {
          Rule k = exempt(r, measures, who, type, exempted);
          if (k == null && type != CriterionType.EXCLUSION) return null;
          if (k != null) kept.add(k);
        }
        return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : new AnyOf(kept);
      }
      default -> {
        return rule;
      }
    }
  }

  /** A group with an exception after it: "Children with ITP unless in remission", "Patients with AIHA, unless …". */
  private static final Pattern GROUP_EXCEPT = Pattern.compile("(?i)^(?<group>\\S.*?)\\s*,?\\s+(?<exc>(?:unless|except"
      + "(?:\\s+(?:if|when|for\\s+those|those))?|other\\s+than\\s+those|excluding\\s+those)\\s+[^,;:]+?)\\s*,?\\s*$");
  /** A group named by an age word, then what it has: "Children with ITP", "Adolescents with AIHA". */
  private static final Pattern AGE_WORD_WITH = Pattern.compile("(?i)^\\s*(?<age>adults|children|adolescents|infants)"
      + "\\s+(?<rest>(?:with|who\\s+have|diagnosed\\s+with)\\s+\\S.*)$");

  /**
   * Whom a requirement binds, with an exception after the group: "Children with ITP unless in remission must …",
   * "Patients with AIHA, unless in complete remission, must …" (§99). The group is read as any group is (an age word
   * before "with" by its ages, so the children are not dropped) and the exception asked: all of (the group, not the
   * exception), so a patient outside the group is decided and one inside it, whom the exception may spare, is asked,
   * never held to the requirement. Null where the words hold no such exception, or the group is not read in full.
   */
  Rule groupWithException(String whom, CriterionType type, String criteriaText, int depth) {
    Matcher m = GROUP_EXCEPT.matcher(whom);
    if (!m.matches() || NO_ONE_EXCEPTED.matcher(m.group("exc")).find()) return null;
    String group = m.group("group").strip();
    Rule who = AGE_WORD_WITH.matcher(group).matches() ? ageWordWith(group, type, criteriaText, depth)
        : namedGroup(group, type, criteriaText, depth);
    if (who == null) return null;
    Ask exception = new Ask("Does the exception the trial makes apply to the patient: \u201c" + m.group("exc").strip()
        + "\u201d?");
    return new AllOf(List.of(who, new Not(exception)));
  }

  /**
   * "Children with ITP", "Adolescents with AIHA": a group named by an age word, then what it has: all of (the ages, as
   * far as the usages agree, and what follows "with"), so neither is dropped (§99). Null where the words are not of
   * this shape or either part is not read.
   */
  Rule ageWordWith(String whom, CriterionType type, String criteriaText, int depth) {
    Matcher age = AGE_WORD_WITH.matcher(whom);
    if (!age.matches()) return null;
    Rule ages = parser.ageGroup(age.group("age"), type, criteriaText, depth);
    Rule with = namedGroup("Patients " + age.group("rest"), type, criteriaText, depth);
    return ages == null || with == null ? null : new AllOf(List.of(ages, with));
  }
}
