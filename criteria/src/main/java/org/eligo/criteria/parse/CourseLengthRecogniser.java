package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * How long a drug was taken, written as a span of it rather than "for N" (DECISIONS §101): "More than 4 weeks of prior
 * corticosteroid therapy", "At least 3 months of eltrombopag", "Prior TPO-RA exposure of > 14 days", and its ceiling
 * in the inclusion list, "No more than 4 weeks of prior corticosteroid therapy", "≤ 14 days of romiplostim". Each is a
 * course that long at any time ({@link MedicationTiming.ForAtLeastDays}), not a recency window: a ceiling denies the
 * course beyond it (a week of prednisone last month passes, two years of it that ended in 2024 fail). A ceiling written
 * as a permission ("Prior TPO-RA exposure of ≤ 14 days is permitted", "Patients who received romiplostim for less than
 * 2 weeks are eligible") says whom the trial admits, not in so many words whom it turns away: none or a shorter course
 * meets it, a longer one is asked. A course the record cannot measure (a stopped entry without an end, an undated one)
 * is UNKNOWN through the timing itself. Counts of cycles or doses ("more than 2 cycles of azacitidine") are no span and
 * are left to the other passes (asked).
 */
final class CourseLengthRecogniser implements Recogniser {
  private static final String D = Durations.DURATION;
  private static final Keywords UNIT_HINT = Keywords.of("day", "week", "wk", "month", "mo", "year", "yr");
  /** A lower bound: "more than", "> ", "at least", "≥". */
  private static final String LOWER = "(?<lower>(?:more|longer|greater)\\s+than|in\\s+excess\\s+of|over|>(?!=)|≥|>="
      + "|at\\s+least|a\\s+minimum\\s+of)";
  /** A ceiling: "no more than", "up to", "at most", "≤", and the exclusive "less than", "<", "under". */
  private static final String CEILING = "(?<ceiling>(?:no|not)\\s+(?:more|longer)\\s+than|up\\s+to|at\\s+most"
      + "|a\\s+maximum\\s+of|≤|<=)";
  private static final String BELOW = "(?<below>(?:less|fewer|shorter)\\s+than|under|<(?!=))";
  private static final String BOUND = "(?:" + CEILING + "|" + BELOW + "|" + LOWER + ")\\s*" + D;
  /** What may stand before a span of a drug: nothing, or a subject and a verb of taking. */
  private static final Pattern SPAN_OF = Pattern.compile("^(?:(?:patients?|subjects?|participants?)\\s+(?:who\\s+)?"
      + "(?:(?:have|has|had)\\s+)?(?:received|taken|had)\\s+|(?:(?:have|has|had)\\s+)?(?:received|taken|had)\\s+)?"
      + BOUND + "\\s+of\\s+(?:(?:prior|previous|any|treatment\\s+with|therapy\\s+with|exposure\\s+to)\\s+)*");
  /** "Prior TPO-RA exposure of ≤ 14 days", "corticosteroid treatment duration of more than 4 weeks". */
  private static final Pattern EXPOSURE_OF = Pattern.compile("\\s+(?:exposure|treatment|therapy|use|course)"
      + "(?:\\s+duration)?\\s+(?:of|lasting)\\s+" + BOUND);
  /** "Patients who received romiplostim for less than 2 weeks": a ceiling after "for" (a lower bound is TimeRecogniser's). */
  private static final Pattern FOR_CEILING = Pattern.compile("\\s+for\\s+(?:a\\s+(?:total\\s+)?(?:duration|period)\\s+of"
      + "\\s+)?(?:" + CEILING + "|" + BELOW + ")\\s*" + D);
  /** Words before the drug that add nothing: "prior", "previous". */
  private static final Pattern BEFORE_DRUG = Pattern.compile("^(?:(?:patients?|subjects?|participants?)\\s+(?:who\\s+)?"
      + "(?:(?:have|has|had)\\s+)?(?:received|taken|been\\s+treated\\s+with|had)\\s+)?(?:(?:prior|previous|any)\\s+)*"
      + "(?:(?:treatment|therapy)\\s+with\\s+)?(?:(?:an?|any)\\s+)?$");
  /** A sentence that grants: "is permitted", "are eligible", "is allowed", "may be enrolled". */
  private static final Pattern GRANT = Pattern.compile("\\b(?:(?:is|are)\\s+(?:permitted|allowed|acceptable|eligible"
      + "|not\\s+exclusionary)|may\\s+(?:be\\s+(?:enrol+ed|included|eligible)|participate|enrol+))\\b[\\s.;]*$");
  /** Another time in the sentence: a window, an anchor, a second duration. */
  private static final Pattern OTHER_TIME = Pattern.compile("\\b(?:within|during|before|prior\\s+to|ago|since|after"
      + "|following|past|last|preceding|current(?:ly)?|now|ongoing|at\\s+(?:screening|enrol+ment|baseline))\\b|"
      + Durations.DURATION);

  /** What a grant's sentence may hold besides the drug and the span. */
  private static final Pattern TAIL = Pattern.compile("^[\\s.;]*$");

  /**
   * A count of cycles or doses of a drug: "Fewer than 4 doses of rituximab", "More than 2 cycles of hypomethylating
   * agent", "No more than 2 cycles of prior azacitidine". No record counts them.
   */
  private static final Pattern COUNT_OF = Pattern.compile("^(?:(?:patients?|subjects?|participants?)\\s+(?:who\\s+)?"
      + "(?:(?:have|has|had)\\s+)?(?:received|taken|had)\\s+|(?:(?:have|has|had)\\s+)?(?:received|taken|had)\\s+"
      + "|(?:prior\\s+)?(?:treatment|therapy)\\s+with\\s+)?(?:" + CEILING + "|" + BELOW + "|" + LOWER + ")\\s*"
      + "(?<count>\\d+|one|two|three|four|five|six)\\s+(?:\\w+\\s+)?(?:cycles?|doses?|courses?|infusions?|injections?"
      + "|administrations?)\\s+of\\s+(?:(?:prior|previous|any)\\s+)*");

  @Override
  public void read(Sentence s) {
    if (s.settled != null) return;
    List<ConceptMention> drugs = new ArrayList<>();
    for (ConceptMention m : s.mentions) if (m.kind() == ConceptKind.DRUG) drugs.add(m);
    if (drugs.isEmpty()) return;
    if (count(s, drugs)) return;
    if (!UNIT_HINT.in(s.lower)) return;
    Matcher span = null;
    int drugsFrom = -1;
    int drugsTo = -1;
    Matcher m = SPAN_OF.matcher(s.lower);
    if (m.lookingAt()) {
      span = m;
      drugsFrom = m.end();
      drugsTo = drugsEnd(s, drugs, drugsFrom);
    } else {
      for (Pattern p : List.of(EXPOSURE_OF, FOR_CEILING)) {
        m = p.matcher(s.lower);
        if (!m.find()) continue;
        int start = drugsStart(s, drugs, m.start());
        if (start < 0 || !BEFORE_DRUG.matcher(s.lower.substring(0, start)).matches()) return;
        span = m;
        drugsFrom = start;
        drugsTo = m.start();
        break;
      }
    }
    if (span == null || drugsTo < 0 || !onlyDrugs(s, drugs, drugsFrom, drugsTo)) return;
    int days = Durations.days(span);
    if (days <= 0) return;
    // "More than 2 weeks of prednisone within the last 3 months": a course within a window, which this reading would
    // drop (a long course years ago would then exclude); left to the other passes
    String outside = s.lower.substring(0, span.start()) + " " + s.lower.substring(span.end());
    if (OTHER_TIME.matcher(outside).find()) return;
    boolean lower = group(span, "lower") != null;
    // the course the sentence turns on: beyond a ceiling, or at least a lower bound
    int beyond = lower ? (Durations.strictlyLonger(span.group("lower") + " " + span.group("n") + " "
        + span.group("unit")) ? days + 1 : days) : group(span, "ceiling") != null ? days + 1 : days;
    String rest = s.lower.substring(Math.max(span.end(), drugsTo));
    boolean grant = GRANT.matcher(rest).find();
    if (grant) {
      // "Prior TPO-RA exposure of ≤ 14 days is permitted": none or a shorter course meets it, a longer one is asked
      Matcher g = GRANT.matcher(rest);
      g.find();
      if (lower || s.type != CriterionType.INCLUSION
          || !TAIL.matcher(rest.substring(0, g.start()).replaceAll("\\b(?:with|prior|previous)\\b", "")).matches()) {
        return;
      }
      List<Rule> longer = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (ConceptMention d : drugs) {
        if (d.start() < drugsFrom || d.end() > drugsTo) continue;
        longer.add(new MedicationRule(Set.of(d.id()), new MedicationTiming.ForAtLeastDays(beyond),
            ConceptRecogniser.label(d)));
        labels.add(ConceptRecogniser.label(d));
      }
      Rule taken = longer.size() == 1 ? longer.get(0) : new AnyOf(longer);
      String words = s.text.substring(span.start(), span.end()).strip();
      s.settle(new AnyOf(List.of(new Not(taken), new Ask("Was the patient's course of " + String.join(" or ", labels)
          + " within what the trial permits (\u201c" + words + "\u201d)?"))));
      return;
    }
    if (!lower && s.type != CriterionType.INCLUSION) return; // "Less than 4 weeks of prednisone" as an exclusion: left
    s.timing = new Timing(null, new MedicationTiming.ForAtLeastDays(beyond), true);
    s.timingAt = span.start();
    s.explain(span.start(), span.end());
    if (!lower) s.negated = true;
  }

  /**
   * A count of cycles or doses ({@link #COUNT_OF}), settled: a ceiling in the inclusion list is met by never having
   * had the drug and asked of those who had it (read as the drug and an unread count, it failed a patient never given
   * any, whose count of none is under every ceiling); a lower bound needs the drug, and the count is asked.
   */
  private static boolean count(Sentence s, List<ConceptMention> drugs) {
    Matcher m = COUNT_OF.matcher(s.lower);
    if (!m.lookingAt()) return false;
    int end = drugsEnd(s, drugs, m.end());
    if (end < 0 || !TAIL.matcher(s.lower.substring(end).replaceAll("\\b(?:therapy|treatment|agents?)\\b", ""))
        .matches()) {
      return false;
    }
    boolean lower = m.group("lower") != null;
    if (!lower && s.type != CriterionType.INCLUSION) return false;
    List<Rule> taken = new ArrayList<>();
    for (ConceptMention d : drugs) {
      if (d.start() >= m.end() && d.end() <= end) {
        taken.add(new MedicationRule(Set.of(d.id()), MedicationTiming.EVER, ConceptRecogniser.label(d)));
      }
    }
    Rule drug = taken.size() == 1 ? taken.get(0) : new AnyOf(taken);
    Ask ask = new Ask("How many cycles or doses did the patient receive, as the trial counts them: \u201c"
        + s.text.strip() + "\u201d?");
    s.settle(lower ? new org.eligo.core.rule.AllOf(List.of(drug, ask)) : new AnyOf(List.of(new Not(drug), ask)));
    return true;
  }

  /** A named group of the match, or null when its pattern has none ({@link #FOR_CEILING} has no lower bound). */
  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }

  /** Where the drugs right after {@code from} end (list words between them), or -1. */
  private static int drugsEnd(Sentence s, List<ConceptMention> drugs, int from) {
    int end = -1;
    for (ConceptMention d : drugs) {
      if (d.start() < from) continue;
      if (end < 0 ? d.start() == from : LIST.matcher(s.lower.substring(end, d.start())).matches()) end = d.end();
    }
    return end;
  }

  /** Where the drugs right before {@code to} begin, or -1. */
  private static int drugsStart(Sentence s, List<ConceptMention> drugs, int to) {
    int start = -1;
    for (int i = drugs.size() - 1; i >= 0; i--) {
      ConceptMention d = drugs.get(i);
      if (d.end() > to) continue;
      int until = start < 0 ? to : start;
      if (!LIST.matcher(s.lower.substring(d.end(), until)).matches()) break;
      start = d.start();
    }
    return start;
  }

  /** Whether [from, to) names drugs and list words only. */
  private static boolean onlyDrugs(Sentence s, List<ConceptMention> drugs, int from, int to) {
    if (from < 0 || to <= from) return false;
    for (ConceptMention c : s.mentions) {
      if (c.start() >= from && c.end() <= to && c.kind() != ConceptKind.DRUG) return false;
    }
    return true;
  }

  private static final Pattern LIST = Pattern.compile("(?:\\s|,|/|\\bor\\b|\\band\\b|\\band/or\\b|\\btherapy\\b"
      + "|\\btreatment\\b|\\(|\\))*");
}
