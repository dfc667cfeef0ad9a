package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * A washout: time that must have passed since the last dose of a drug. "At least 4 weeks since last dose of
 * rituximab", "≥ 28 days since the last dose of any anti-CD20 antibody", "Patients must be at least 3 months from their
 * last dose of cyclosporine", "A washout of at least 2 weeks from prior ATG", "Last dose of IVIG more than 2 weeks
 * before screening", "Eltrombopag must have been discontinued at least 4 weeks prior to enrollment", "Off eltrombopag for
 * at least 4 weeks". Each says the
 * drug was not taken within the N days before: the sentence is the denial of the drug {@link
 * MedicationTiming.WithinDays within} them ({@link Sentence#negated}; in the inclusion list {@link DrugWindowDenial}), so a
 * course that ended within the time fails it, one listed as ongoing or without an end date is asked and a record
 * without medications rules nothing out, as for "No rituximab within 6 months". "Less than 4 weeks since the last dose
 * of rituximab" is the drug within the time. In the exclusion list the denial is asked ({@link RuleAssembler#denied}): a patient dosed within the window
 * is never excluded on it, one not dosed passes.
 *
 * <p>"Has not received romiplostim within 4 weeks" (a denial in the perfect, with a window) is read as "No
 * romiplostim within 4 weeks". Several washouts of different lengths in one sentence are not read: which drug each
 * binds is not clear.
 * Runs before {@link TimeRecogniser}, which would read "more than 2 weeks before" as a course begun that long ago.
 */
final class WashoutRecogniser implements Recogniser {
  private static final String D = Durations.DURATION;
  private static final Keywords HINT = Keywords.of("since", "last", "after", "final", "most recent", "wash", "discontinu",
      "stop", "cessation", "not received", "not receive", "not taken", "not take", "not been", "from", "off", "free");
  /** How long at least: "at least", "≥", "more than", "a minimum of". */
  private static final String AT_LEAST = "(?:at\\s+least|a\\s+minimum\\s+of|minimum(?:\\s+of)?|more\\s+than"
      + "|greater\\s+than|longer\\s+than|over|no\\s+less\\s+than|not\\s+less\\s+than|≥|>)\\s*";
  /** "the last dose of", "their final infusion of any", "the most recent administration of". */
  private static final String LAST_DOSE = "(?:(?:the|their|his|her|his\\s+or\\s+her|its)\\s+)?(?:last|final|most\\s+"
      + "recent)\\s+(?:dose|doses|administration|infusion|injection|treatment|use|exposure|course|cycle|therapy)\\s+"
      + "(?:of|with)\\s+";
  private static final String ANY = "(?:(?:any|an?|the|prior|previous|all)\\s+)*";
  /** What a time before is before: "prior to enrollment", "before screening", "ago". */
  static final String BEFORE = "\\s+(?:before|prior(?:\\s+to)?|ago|earlier)(?:\\s+(?:the\\s+)?(?:study\\s+"
      + "entry|enrol+ment|screening|randomi[sz]ation|inclusion|registration|baseline|day\\s*1|first\\s+dose(?:\\s+of"
      + "\\s+(?:the\\s+)?study\\s+(?:drug|treatment|medication))?|study\\s+(?:start|drug|treatment)|the\\s+study))?";

  /** "At least 4 weeks since (the) last dose of", "≥ 28 days since prior", "at least 3 months from their last dose of". */
  private static final Pattern SINCE = Pattern.compile("(?:\\b|(?=[≥>]))" + AT_LEAST + D + "\\s+(?:(?:must|should)\\s+"
      + "(?:have\\s+)?(?:elapsed|passed)\\s+|(?:has|have)\\s+(?:elapsed|passed)\\s+)?(?:since|from|after|following)\\s+"
      + "(?:" + LAST_DOSE + "|(?:the\\s+)?(?:last|final|most\\s+recent)\\s+)?" + ANY);
  /**
   * What may stand before a washout: nothing, a subject and a verb ("Patients must be"), or a clause break. After other
   * words ("Relapse at least 6 months after the last dose of rituximab") the time is something else's.
   */
  private static final Pattern LEAD = Pattern.compile("(?:^|[:;,(]\\s*|\\b(?:and|or)\\s+)(?:(?:all\\s+)?(?:patients?"
      + "|subjects?|participants?)\\s+)?(?:(?:must|should|shall|will|need\\s+to)\\s+(?:be\\s+|have\\s+)?|(?:is|are)\\s+)?"
      + "(?:(?:a|an|there\\s+(?:must|should)\\s+be)\\s+)?$");
  /**
   * "Less than 4 weeks since the last dose of rituximab": the last dose within the time, the drug taken within it (an
   * exclusion's usual wording of the same washout).
   */
  private static final Pattern LESS_SINCE = Pattern.compile("(?:\\b(?:less|fewer)\\s+than|\\bunder|<)\\s*" + D
      + "\\s+(?:(?:has|have)\\s+(?:elapsed|passed)\\s+)?(?:since|from|after)\\s+(?:" + LAST_DOSE + ")?" + ANY);
  /** "A washout (period) of at least 2 weeks from prior", "a 4-week washout from". */
  private static final Pattern WASHOUT = Pattern.compile("\\b(?:(?:a|an)\\s+)?wash[- ]?out(?:\\s+period)?\\s+of\\s+"
      + "(?:" + AT_LEAST + ")?" + D + washoutOf());
  private static final Pattern WASHOUT_AFTER = Pattern.compile("\\b(?:(?:a|an)\\s+)?" + D
      + "\\s+wash[- ]?out(?:\\s+period)?" + washoutOf());

  /** What a washout is from: "from prior", "after the last dose of". */
  private static String washoutOf() {
    return "\\s+(?:from|after|since|following|for|of)\\s+(?:" + LAST_DOSE + ")?" + ANY;
  }

  /** "Last dose of IVIG more than 2 weeks before screening": the drug between the two halves. */
  private static final Pattern LAST_DOSE_BEFORE = Pattern.compile("\\b" + LAST_DOSE + ANY + "(?<drugs>[^;.]{1,120}?)"
      + "\\s+(?:(?:must|should)\\s+(?:be|have\\s+been)\\s+|(?:is|was)\\s+)?(?:(?:given|administered|received|taken)"
      + "\\s+)?" + AT_LEAST + D + BEFORE);
  /** "Eltrombopag must have been discontinued at least 4 weeks prior to enrollment", "stopped … ≥ 14 days before". */
  private static final Pattern STOPPED_BEFORE = Pattern.compile("\\b(?:discontinu\\w*|stopped|ceased|cessation\\s+of)"
      + "(?<drugs>[^;.]{0,80}?)\\s+" + AT_LEAST + D + BEFORE);
  /** "Off eltrombopag for at least 4 weeks", "off of all TPO-RAs for ≥ 14 days": the drug between the two halves. */
  private static final Pattern OFF_FOR = Pattern.compile("\\boff\\s+(?:of\\s+)?" + ANY + "(?<drugs>[^;.]{1,80}?)\\s+"
      + "for\\s+(?:" + AT_LEAST + ")?" + D + "(?:" + BEFORE + ")?");
  /**
   * "for at least 6 months prior to screening", "for ≥ 4 weeks before day 1", "for at least 3 months" ending the
   * sentence: after a denial of a drug, a span free of it (a washout), not a length of treatment.
   */
  static final Pattern DENIED_SPAN = Pattern.compile("\\bfor\\s+(?:at\\s+least|a\\s+minimum(?:\\s+duration)?\\s+of"
      + "|" + Durations.LONGER_THAN + "|≥)\\s*" + D + "(?:(?<anchor>" + BEFORE + ")|\\s*[.;]?\\s*$|\\s*[,;]"
      + "|\\s+and\\b)");
  /**
   * "for more than 4 weeks", "for over 2 weeks" as a {@link #DENIED_SPAN}: after "has not received" or "must not have
   * received" as much a length of treatment ("Must not have received corticosteroids for more than 4 weeks": no course
   * that long) as a span free of the drug, so neither is read (DECISIONS §40).
   */
  private static final Pattern LENGTH_OR_SPAN = Pattern.compile("^for\\s+" + Durations.LONGER_THAN);

  /** Whether a denied span ({@link #DENIED_SPAN}) may as well be a length of treatment: "for more than 4 weeks". */
  static boolean lengthOrSpan(Matcher span) {
    return LENGTH_OR_SPAN.matcher(span.group()).lookingAt();
  }

  /**
   * Whether a denied span is a limit on how long a course lasted (DECISIONS §101): "for more than N", "for longer
   * than N", "for > N" with no anchor after it ("No prior JAK inhibitor for more than 28 days", "Must not have
   * received eltrombopag for longer than 2 weeks"). A span free of the drug says "for at least N"; "for more than N
   * prior to screening" may be either, and stays asked ({@link #lengthOrSpan}).
   */
  static boolean courseLength(Matcher span) {
    return lengthOrSpan(span) && span.group("anchor") == null;
  }

  /**
   * "Eculizumab-free for at least 30 days", "a rituximab-free interval of 6 months", "must be TPO-RA-free for ≥ 4 weeks
   * prior to screening": the span free of the drugs named right before "-free".
   */
  private static final Pattern FREE_FOR = Pattern.compile("[- ]free(?:\\s+(?:period|interval))?\\s+(?:for|of)\\s+(?:"
      + AT_LEAST + ")?" + D + "(?:" + BEFORE + ")?");
  /** "Has not received", "Patients who have not taken": a denial in the perfect. */
  private static final Pattern NOT_RECEIVED = Pattern.compile("^(?:(?:patients?|subjects?|participants?)\\s+(?:who\\s+)?"
      + ")?(?:(?:has|have|had|did)\\s+not\\s+(?:have\\s+)?(?:received|taken|used|been\\s+(?:treated\\s+with|on|given"
      + "|receiving|taking))|did\\s+not\\s+(?:receive|take|use))\\b");
  /** A window after the denial: "within 4 weeks", "in the last 6 months" (without one it is left as it was). */
  private static final Pattern WINDOW = Pattern.compile("\\b(?:within|(?:in|during|over)\\s+the\\s+(?:past|last"
      + "|previous|preceding|" + Numbers.NUMBER + "[ -]?(?:days?|weeks?|months?|years?)\\s+(?:before|prior)))\\b");
  /** A sentence that opens with its own negation is left to {@link NegationRecogniser} and {@link TimeRecogniser}. */
  private static final Pattern LEADING_NO = Pattern.compile("^(?:no|not|without|never|none)\\b(?!\\s+(?:less|more)\\s+"
      + "than)");

  /** A heading naming the kind of requirement: "Washout:", "Washout period:". */
  private static final Pattern HEADING = Pattern.compile("\\s*wash[- ]?out(?:\\s+periods?)?\\s*:");

  /**
   * "Last transfusion at least 4 weeks before screening", "At least 8 weeks since the last RBC transfusion": the same
   * for a procedure, whose last one is dated (a transfusion): none within the time. Read as the procedure at any time,
   * the inclusion had failed every patient never transfused.
   */
  private static final Pattern LAST_PROCEDURE_BEFORE = Pattern.compile("^(?:the\\s+)?(?:last|most\\s+recent)\\s+"
      + "(?<what>[^;.,]{1,60}?)\\s+(?:(?:must|should)\\s+(?:be|have\\s+been)\\s+|(?:is|was)\\s+)?(?:(?:given"
      + "|administered|received|performed|done)\\s+)?" + AT_LEAST + D + BEFORE + "\\s*[.;]?$");
  private static final Pattern SINCE_LAST_PROCEDURE = Pattern.compile("^" + AT_LEAST + D + "\\s+(?:since|from"
      + "|after)\\s+(?:the\\s+|their\\s+)?(?:last|most\\s+recent)\\s+(?<what>[^;.,]{1,60}?)\\s*[.;]?$");

  /** A washout found: where its words are and how many days it asks. */
  private record Found(int start, int end, int days) {}

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower) || LEADING_NO.matcher(s.lower).find()) return;
    Matcher denial = NOT_RECEIVED.matcher(s.lower);
    if (denial.find() && drugAfter(s, denial.end()) && (WINDOW.matcher(s.lower).region(denial.end(),
        s.lower.length()).find() || spanFreeOfDrug(s.lower, denial.end()) || courseLength(s.lower, denial.end()))) {
      s.negated = true;
      s.explain(denial.start(), denial.end());
      // the denial is read: its "has not" is no longer a negation left inside the sentence
      int start = denial.start();
      int end = denial.end();
      s.hedges.removeIf(h -> h.family().equals("negative") && h.start() >= start && h.end() <= end);
      return;
    }
    Matcher less = LESS_SINCE.matcher(s.lower);
    if (less.find() && drugAt(s, less.end()) && lead(s, less.start())) {
      int days = Durations.days(less);
      if (days <= 0) return;
      s.explain(less.start(), less.end());
      s.timing = new Timing(null, new MedicationTiming.WithinDays(days), true);
      s.timingAt = less.start();
      s.lastDoseWithin = true;
      return;
    }
    List<Found> found = new ArrayList<>();
    Matcher m = SINCE.matcher(s.lower);
    while (m.find()) {
      if (drugAt(s, m.end()) && lead(s, m.start())) found.add(new Found(m.start(), m.end(), Durations.days(m)));
    }
    for (Pattern washout : List.of(WASHOUT, WASHOUT_AFTER)) {
      m = washout.matcher(s.lower);
      while (m.find()) if (drugAt(s, m.end())) found.add(new Found(m.start(), m.end(), Durations.days(m)));
    }
    m = LAST_DOSE_BEFORE.matcher(s.lower);
    while (m.find()) if (onlyDrugs(s, m.start("drugs"), m.end("drugs"))) found.addAll(around(m));
    m = OFF_FOR.matcher(s.lower);
    while (m.find()) {
      if (lead(s, m.start()) && onlyDrugs(s, m.start("drugs"), m.end("drugs"))) found.addAll(around(m));
    }
    m = FREE_FOR.matcher(s.lower);
    while (m.find()) {
      if (drugsFreeBefore(s, m.start())) found.add(new Found(m.start(), m.end(), Durations.days(m)));
    }
    m = STOPPED_BEFORE.matcher(s.lower);
    while (m.find()) {
      // "Eltrombopag must have been discontinued at least 4 weeks prior": the drug before the verb
      boolean before = LIST_WORDS.matcher(m.group("drugs")).matches() && onlyDrugs(s, 0, m.start());
      if (before || onlyDrugs(s, m.start("drugs"), m.end("drugs"))) found.addAll(around(m));
    }
    if (found.isEmpty()) {
      lastProcedure(s);
      return;
    }
    if (found.stream().map(Found::days).distinct().count() > 1) {
      s.settle(new Unparsed("washouts of different lengths: which drug each binds is not clear"));
      return;
    }
    int days = found.get(0).days();
    if (days <= 0) return;
    for (Found f : found) s.explain(f.start(), f.end());
    Matcher heading = HEADING.matcher(s.lower);
    if (heading.lookingAt()) s.explain(heading.start(), heading.end()); // "Washout: at least 4 weeks since …"
    s.timing = new Timing(null, new MedicationTiming.WithinDays(days), true);
    s.timingAt = found.stream().mapToInt(Found::start).min().orElse(-1);
    s.negated = true;
  }

  /** A procedure's washout ({@link #LAST_PROCEDURE_BEFORE}): the procedure denied within the time. */
  private static void lastProcedure(Sentence s) {
    for (Pattern p : List.of(LAST_PROCEDURE_BEFORE, SINCE_LAST_PROCEDURE)) {
      Matcher m = p.matcher(s.lower);
      if (!m.matches() || !onlyProcedures(s, m.start("what"), m.end("what"))) continue;
      int days = Durations.days(m);
      if (days <= 0) return;
      s.explain(m.start(), m.start("what"));
      s.explain(m.end("what"), m.end());
      s.timing = new Timing(new org.eligo.core.rule.TimeWindow.WithinDays(days, false), null, true);
      s.timingAt = m.start();
      s.negated = true;
      return;
    }
  }

  /** Whether [from, to) names procedures and nothing else but list words ("RBC transfusion"). */
  private static boolean onlyProcedures(Sentence s, int from, int to) {
    StringBuilder rest = new StringBuilder(s.lower.substring(from, to));
    boolean any = false;
    for (ConceptMention c : s.mentions) {
      if (c.start() < from || c.end() > to || c.kind() == ConceptKind.MEASURE && insideProcedure(s, c)) continue;
      if (c.kind() != ConceptKind.PROCEDURE) return false;
      any = true;
      for (int i = c.start(); i < c.end(); i++) rest.setCharAt(i - from, ' ');
    }
    return any && LIST_WORDS.matcher(rest).matches();
  }

  /** "platelet" in "platelet transfusion": a measure's name inside a procedure's. */
  private static boolean insideProcedure(Sentence s, ConceptMention measure) {
    for (ConceptMention c : s.mentions) {
      if (c.kind() == ConceptKind.PROCEDURE && c.start() <= measure.start() && c.end() >= measure.end()) return true;
    }
    return false;
  }

  /** Whether only a subject, a verb or a clause break stands before {@code position} ({@link #LEAD}). */
  private static boolean lead(Sentence s, int position) {
    return LEAD.matcher(s.lower.substring(0, position)).find();
  }

  /** The words of a match either side of the drugs it names (the drug names are left to be read). */
  private static List<Found> around(Matcher m) {
    int days = Durations.days(m);
    return List.of(new Found(m.start(), m.start("drugs"), days), new Found(m.end("drugs"), m.end(), days));
  }

  /** Whether a {@link #DENIED_SPAN} after {@code from} limits how long a course lasted ({@link #courseLength}). */
  private static boolean courseLength(String lower, int from) {
    Matcher span = DENIED_SPAN.matcher(lower).region(from, lower.length());
    return span.find() && courseLength(span);
  }

  /** Whether a {@link #DENIED_SPAN} after {@code from} is a span free of the drug, not perhaps a length of treatment. */
  private static boolean spanFreeOfDrug(String lower, int from) {
    Matcher span = DENIED_SPAN.matcher(lower).region(from, lower.length());
    return span.find() && !lengthOrSpan(span);
  }

  /** Whether drugs alone, after a subject and verb or nothing ({@link #LEAD}), stand right before {@code position}. */
  private static boolean drugsFreeBefore(Sentence s, int position) {
    for (ConceptMention c : s.mentions) {
      if (c.kind() == ConceptKind.DRUG && c.start() < position && lead(s, c.start())
          && onlyDrugs(s, c.start(), position)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a drug is named right at {@code position}. */
  private static boolean drugAt(Sentence s, int position) {
    for (ConceptMention c : s.mentions) if (c.kind() == ConceptKind.DRUG && c.start() == position) return true;
    return false;
  }

  /** Whether a drug is named after {@code position}. */
  private static boolean drugAfter(Sentence s, int position) {
    for (ConceptMention c : s.mentions) if (c.kind() == ConceptKind.DRUG && c.start() >= position) return true;
    return false;
  }

  /** Whether [from, to) names drugs and nothing else but list words ("romiplostim or eltrombopag", "IVIG"). */
  private static boolean onlyDrugs(Sentence s, int from, int to) {
    StringBuilder rest = new StringBuilder(s.lower.substring(from, to));
    boolean any = false;
    for (ConceptMention c : s.mentions) {
      if (c.start() < from || c.end() > to) continue;
      if (c.kind() != ConceptKind.DRUG) return false;
      any = true;
      for (int i = c.start(); i < c.end(); i++) rest.setCharAt(i - from, ' ');
    }
    return any && LIST_WORDS.matcher(rest).matches();
  }

  private static final Pattern LIST_WORDS = Pattern.compile("(?:\\s|,|/|\\(|\\)|\\bor\\b|\\band\\b|\\bany\\b"
      + "|\\bprior\\b|\\bprevious\\b|\\bthe\\b|\\bwith\\b|\\bof\\b|\\btherapy\\b|\\btreatment\\b"
      + "|\\bmust\\b|\\bshould\\b|\\bbe\\b|\\bhave\\b|\\bbeen\\b)*");
}
