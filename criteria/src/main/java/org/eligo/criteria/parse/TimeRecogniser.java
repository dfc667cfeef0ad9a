package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.TimeWindow;
import org.eligo.criteria.lexicon.ConceptKind;

/**
 * Reads when the history a sentence names counts: "within 12 weeks (of study entry)", "in the past 30 days", "during
 * the previous 6 months", "at least 12 months prior", "continuous ... for the previous 6 months (... delays not
 * exceeding 30 days)", "for at least 3 months", "stopping ... for less than 3 months", "current(ly)", "active",
 * "history of", "previous", "within the last year", "< 3 months prior to screening". One explicit time phrase applies to the whole sentence; of several different ones each
 * binds what is named before it ({@link Sentence#timingFor}), and a name with none after it is left to a question. A
 * month is 30 days and a year 365.
 */
final class TimeRecogniser implements Recogniser {
  private static final String D = Durations.DURATION;
  private static final Keywords UNIT_HINT = Keywords.of("day", "week", "wk", "month", "mo", "year", "yr");
  /** The start of the study treatment as a window's anchor: "prior to starting treatment", "before initiating study drug". */
  private static final String TREATMENT_START = "(?:start(?:ing)?|initiat(?:ing|ion\\s+of)|beginning)\\s+(?:the\\s+)?"
      + "(?:study\\s+)?(?:treatment|drug|therapy)";
  private static final Pattern WITHIN = Pattern.compile(
      // "over" only with "the past/last …": "patients over 65 years" is an age
      "\\b(?:(?:within|in|during)\\s+(?:the\\s+)?(?:past|last|previous|preceding|prior)?|over\\s+(?:the\\s+)?(?:past|last"
          + "|previous|preceding|prior))\\s*" + D
          + "(?:\\s+(?:of|before|prior to|preceding)\\s+(?:the\\s+)?(?:study\\s+entry|enrol+ment|screening|"
          + "randomi[sz]ation|inclusion|registration|study\\s+(?:start|drug|treatment)|the\\s+study|first\\s+dose"
          + "|day\\s*1|baseline|" + TREATMENT_START + ")|\\s+(?:before|prior|ago))?");
  /** What a time before something is before: "prior to study entry", "before randomization". */
  private static final String ANCHOR = "(?:\\s+(?:of|before|prior to|preceding)\\s+(?:the\\s+)?(?:study\\s+entry"
      + "|enrol+ment|screening|randomi[sz]ation|inclusion|registration|study\\s+(?:start|drug|treatment)|the\\s+study"
      + "|first\\s+dose|day\\s*1|baseline|" + TREATMENT_START + ")|\\s+(?:before|prior|ago))?";
  /** One year, month or week without a number: "within the last year", "in the past month". */
  private static final Pattern WITHIN_ONE = Pattern.compile("\\b(?:within|in|during|over)\\s+the\\s+(?:past|last"
      + "|previous|preceding)\\s+(?<unit>year|month|week)\\b" + ANCHOR);
  /** Less than a span before: "< 3 months prior to screening", "less than 6 months before enrolment". */
  private static final Pattern LESS_THAN_BEFORE = Pattern.compile("(?:\\b(?:less than|fewer than|under)|<|≤)\\s*" + D
      + "\\s+(?:prior|before|ago|earlier)(?:\\s+to\\s+(?:the\\s+)?(?:study\\s+entry|enrol+ment|screening|inclusion"
      + "|randomi[sz]ation|registration|first\\s+dose|day\\s*1|baseline))?");
  /**
   * Words right before a window that date the start of something, not its presence: "ITP diagnosed within 6 months",
   * "Diagnosis of AA less than 6 months before enrolment", "ITP for less than 12 months", "rituximab started within 3
   * months". A window reads as present at any time in it, so a disease diagnosed years ago and still active would meet
   * it (and an exclusion would exclude it); such a window is asked about instead.
   */
  private static final Pattern ONSET_BEFORE = Pattern.compile("\\b(?:(?:diagnos(?:ed|is)|onset|first\\s+(?:diagnosed"
      + "|episode|occurrence))(?:\\s+(?:of|with)\\s+[^,;.()]{1,60}?)?|for|duration|started|starting|initiated|commenced"
      + "|began|begun|since)\\s*$");
  /**
   * "At least 6 months before screening": a start that long ago. Not after "for" ("received eculizumab for at least 6
   * months prior to screening" is a duration, {@link #FOR_AT_LEAST}: read as a start, a single dose 2 years before had
   * met it).
   */
  private static final Pattern AT_LEAST_BEFORE = Pattern.compile(
      "(?<!\\bfor\\s)\\b(?:at least|more than|over|≥)\\s+" + D + "\\s+(?:prior|before|ago|earlier)(?:\\s+to\\s+(?:study\\s+entry"
          + "|enrol+ment|screening|inclusion))?");
  /**
   * "No eculizumab for at least 6 months prior to screening", "No rituximab for at least 6 months": after a leading
   * denial, a span before an anchor or ending the sentence is a washout, the drug not taken within it. Read as a length of treatment, a 12-month course that ended years ago was
   * excluded; as a start, so was any course begun that long ago.
   */
  private static final Pattern DENIED_FOR_BEFORE = Pattern.compile("^(?:(?:patients?|subjects?|participants?)\\s+"
      + "(?:who\\s+)?)?(?:no|not|without|never|free\\s+of|(?:has|have|had|did)\\s+not)\\b.*?(?<span>"
      + WashoutRecogniser.DENIED_SPAN.pattern() + ")");
  private static final Pattern CONTINUOUS = Pattern.compile(
      "\\bcontinuous(?:ly)?\\b.{0,60}?\\bfor\\s+(?:the\\s+)?(?:previous|past|last|preceding)\\s+" + D);
  private static final Pattern GAP = Pattern.compile(
      "(?:\\(?\\s*(?:excluding|except(?: for)?|allowing(?: for)?|with)\\s+)?(?:minor\\s+)?(?:dose\\s+)?"
          + "(?:delays?|gaps?|interruptions?)[^.;]{0,30}?(?:not exceeding(?: more than)?|up to|no more than|of at most"
          + "|less than|≤|<)\\s*" + D);
  private static final Pattern FOR_AT_LEAST = Pattern.compile(
      "\\bfor\\s+(?<bound>at least|a minimum(?: duration)? of|" + Durations.LONGER_THAN + "|≥)\\s*" + D);

  /** The days of a {@link #FOR_AT_LEAST}: one more after a strict bound ("for more than 28 days" is 29 or more). */
  private static int courseDays(Matcher forAtLeast) {
    int days = Durations.days(forAtLeast);
    return Durations.strictlyLonger(forAtLeast.group().substring(forAtLeast.start("bound") - forAtLeast.start()))
        ? days + 1 : days;
  }
  /**
   * What makes "for at least N" a span before an event, in the exclusion list a question (DECISIONS 94, review):
   * "… before enrollment", "… prior to randomization", "… preceding Day 1", "… prior".
   */
  private static final Pattern BEFORE_AN_ANCHOR = Pattern.compile("\\s*(?:immediately\\s+)?(?:(?:before|prior\\s+to"
      + "|preceding)\\s+(?:the\\s+)?(?:study\\s+entry|enrol+ment|screening|randomi[sz]ation|inclusion|registration"
      + "|study\\s+(?:start|drug|treatment)|the\\s+study|first\\s+dose|day\\s*1\\b|baseline|" + TREATMENT_START
      + ")|(?:prior|before)\\b)");
  /** A window right after "for at least N": "… in the past year", "… within the last 6 months", "… during the". */
  private static final Pattern IN_A_WINDOW = Pattern.compile("\\s*,?\\s*(?:within|(?:in|during|over)\\s+(?:the\\s+)?"
      + "(?:past|last|previous|preceding|prior)\\b)");
  /** What makes "for at least N" a time since an event: "… after rituximab", "… since the last dose", "… following". */
  private static final Pattern SINCE_AN_EVENT = Pattern.compile("\\s*(?:after|since|following)\\b");
  /**
   * A stop before "for at least / more than N": "Must have discontinued eltrombopag for more than 4 weeks", "Ruxolitinib
   * held for more than 14 days", "Must have been off corticosteroids for at least 14 days": the time since stopping (a
   * washout) or a pause, not a course that long (DECISIONS §101, review).
   */
  private static final Pattern STOPPED_BEFORE_SPAN = Pattern.compile("\\b(?:stop\\w*|discontinu\\w*|cessation"
      + "|withdraw\\w*|(?:with)?held|interrupt\\w*|suspend\\w*|(?<![-\\w])off(?![-\\w]))[^.;]{0,60}$");
  private static final Pattern STOPPED_LESS_THAN = Pattern.compile(
      "\\b(?:stop\\w*|discontinu\\w*|cessation|withdraw\\w*|off)\\b[^.;]{0,40}?\\bfor\\s+(?:less than|under|<)\\s+"
          + D);
  private static final Pattern EVER = Pattern.compile(
      "\\b(?:active or (?:previous|past|prior|history)|current or (?:previous|past|prior|history)"
          + "|(?:previous|past|prior) or (?:current|active)|history of|previous(?:ly)?|prior|ever|in the past"
          + "|at any (?:time|point)(?: in the past)?|past (?:diagnosis|diagnoses|history) of"
          + "|before enrol+ment|had received|have received|has received|received|treated with|exposure to)\\b");
  /**
   * A verb in the past without a window: "who took aspirin", "were on warfarin", "have been on corticosteroids". It had
   * been no time word at all, so a drug read as current use (in an exclusion, or an inclusion's group) and an inclusion
   * "Patients who have been on corticosteroids" excluded a patient who had stopped them.
   */
  private static final Pattern PAST = Pattern.compile("\\b(?:took|(?:had|have|has)\\s+(?:taken|used|undergone)"
      + "|(?:was|were)\\s+(?:on|taking|using|given|receiving|treated\\s+with)|(?:had|have|has)\\s+been\\s+(?:on|taking"
      + "|using|given|receiving|treated\\s+with)|used\\s+to\\s+take|underwent)\\b");
  /**
   * What says a drug is taken now, before its "for at least N" (DECISIONS 96): "currently receiving", "is on", "must
   * be on", "have been on", "remain on", "on a stable dose of", "taking", "maintained on", "patients on" (§96 review).
   */
  private static final Pattern ON_NOW = Pattern.compile("\\b(?:current(?:ly)?|presently|at present|ongoing|still"
      + "|(?:are|is|be|been|remains?|remaining|stay|stays|maintained|patients?|subjects?|participants?"
      + "|individuals?)\\s+on|on\\s+(?:a\\s+)?(?:stable|constant"
      + "|steady|unchanged|fixed)|taking|receiving|on\\s+treatment\\s+with)\\b");

  /** Whether the clause before {@code at} (no sentence or list break, at most 120 characters) says "on it now". */
  private static boolean onNow(String lower, int at) {
    int from = Math.max(0, at - 120);
    for (int i = at - 1; i >= from; i--) {
      char c = lower.charAt(i);
      if (c == ';' || c == '.' && (i + 1 >= lower.length() || !Character.isDigit(lower.charAt(i + 1)))) {
        from = i + 1;
        break;
      }
    }
    return ON_NOW.matcher(lower).region(from, at).find();
  }

  private static final Pattern CURRENT = Pattern.compile(
      "\\b(?:current(?:ly)?|concurrent(?:ly)?|ongoing|active(?:ly)?|presently|at present|at enrol+ment|are on"
          + "|is on|on treatment with|taking|receiving|still)\\b");

  @Override
  public void read(Sentence s) {
    List<Sentence.PlacedTiming> explicit = new ArrayList<>();
    // a washout (WashoutRecogniser) has set the sentence's one time already
    if (UNIT_HINT.in(s.lower) && !s.timing.explicit()) explicitTimes(s, explicit);
    if (explicit.size() > 1 && explicit.stream().map(Sentence.PlacedTiming::timing).distinct().count() > 1) {
      // "rituximab within 12 weeks, or splenectomy within 3 months": each binds what is named before it, when the
      // sentence names something before its first time phrase ("Within 4 weeks: chemotherapy; within 2 weeks: …"
      // is left to a question)
      explicit.sort(java.util.Comparator.comparingInt(Sentence.PlacedTiming::start));
      int firstTime = explicit.get(0).start();
      if (s.mentions.stream().noneMatch(m -> m.end() <= firstTime && m.kind() != ConceptKind.MEASURE)) {
        s.hedge(0, 0, "timing", null);
        s.timing = Timing.UNSAID;
        return;
      }
      boolean unbound = false;
      for (int i = 1; i < explicit.size() && !unbound; i++) {
        int from = explicit.get(i - 1).start();
        int to = explicit.get(i).start();
        // "Has not received ruxolitinib for more than 28 days or within 4 weeks prior to enrollment": a second time
        // for the same name binds nothing named after the first; dropped, a week of ruxolitinib last week passed
        // (DECISIONS §101, review). Which applies is asked; the sentence's time words still say when the name counts
        unbound = s.mentions.stream().noneMatch(m -> m.end() > from && m.end() <= to
            && m.kind() != ConceptKind.MEASURE);
      }
      if (!unbound) {
        s.timings.addAll(explicit);
        s.timing = Timing.UNSAID;
        return;
      }
      s.hedge(0, 0, "timing", null);
      s.timing = Timing.UNSAID;
    } else if (explicit.size() >= 1) {
      s.timing = explicit.get(0).timing();
      s.timingAt = explicit.stream().mapToInt(Sentence.PlacedTiming::start).min().orElse(-1);
    }
    cues(s, EVER, Sentence.Cue.EVER);
    cues(s, PAST, Sentence.Cue.PAST);
    cues(s, CURRENT, Sentence.Cue.CURRENT);
    // "Treatment with eculizumab within 5 half-lives": a window reaching into the past, so the drug counts at any time
    // (the half-lives stay unread beside it); read as taken now, a patient who stopped it last week was not excluded
    Matcher half = WITHIN_HALF_LIVES.matcher(s.lower);
    while (half.find()) s.cues.add(new Sentence.TimeCue(half.start(), Sentence.Cue.PAST));
    // "HIV, hepatitis B or hepatitis C infection": having the infection now, not having had it (a cleared hepatitis)
    Matcher infection = INFECTION.matcher(s.lower);
    while (infection.find()) s.cues.add(new Sentence.TimeCue(infection.start(), Sentence.Cue.CURRENT, true));
  }

  private static final Pattern WITHIN_HALF_LIVES = Pattern.compile("\\bwithin\\s+(?:the\\s+(?:last|past|previous|"
      + "preceding)\\s+)?(?:\\S+\\s*)?(?:\\(\\d+\\)\\s*)?half[- ]?li(?:ves|fe)\\b");
  private static final Pattern INFECTION = Pattern.compile("\\b(?:infections?|infected)\\b");

  private static void explicitTimes(Sentence s, List<Sentence.PlacedTiming> explicit) {
    Matcher c = CONTINUOUS.matcher(s.lower);
    if (c.find()) {
      int days = Durations.days(c);
      Matcher g = GAP.matcher(s.lower);
      int gap = 0;
      if (g.find()) {
        gap = Durations.days(g);
        s.explain(g.start(), g.end());
      }
      explicit.add(new Sentence.PlacedTiming(c.start(), new Timing(null, new MedicationTiming.ContinuousFor(days, gap), true)));
      s.explain(c.start(), c.end());
    }
    Matcher stopped = STOPPED_LESS_THAN.matcher(s.lower);
    if (stopped.find()) {
      explicit.add(new Sentence.PlacedTiming(stopped.start(), new Timing(null,
          new MedicationTiming.WithinDays(Durations.days(stopped)), true)));
      s.explain(stopped.start(), stopped.end());
    }
    Matcher washout = DENIED_FOR_BEFORE.matcher(s.lower);
    if (washout.find()) {
      int days = Durations.days(washout);
      Matcher span = WashoutRecogniser.DENIED_SPAN.matcher(washout.group("span"));
      if (span.lookingAt() && WashoutRecogniser.courseLength(span)) {
        // "No prior JAK inhibitor for more than 28 days": no course longer than that at any time, not a washout (read
        // as one, a week of pacritinib last month failed and two years of ruxolitinib ending in 2024 passed)
        explicit.add(new Sentence.PlacedTiming(washout.start("span"), new Timing(null,
            new MedicationTiming.ForAtLeastDays(days + 1), true)));
        s.explain(washout.start("span"), washout.end("span"));
        return;
      }
      if (span.lookingAt() && WashoutRecogniser.lengthOrSpan(span)) {
        // "No systemic corticosteroids for more than 14 days prior to randomization": no course that long before it,
        // or none in the 14 days before it; each reading fails a patient the other admits (DECISIONS §40, §101)
        s.settle(new org.eligo.core.rule.Unparsed("\u201cfor more than\u201d before a time after a denial: a length"
            + " of treatment or a span free of it"));
        return;
      }
      explicit.add(new Sentence.PlacedTiming(washout.start("span"), new Timing(TimeWindow.within(days),
          new MedicationTiming.WithinDays(days), true)));
      s.explain(washout.start("span"), washout.end("span"));
    }
    Matcher before = AT_LEAST_BEFORE.matcher(s.lower);
    while (before.find()) {
      if (s.asideAny(before.start(), before.end())) continue; // "unless given more than 12 months ago"
      explicit.add(new Sentence.PlacedTiming(before.start(), new Timing(null,
          new MedicationTiming.AtLeastDaysBefore(Durations.days(before), false), true)));
      s.explain(before.start(), before.end());
    }
    Matcher forAtLeast = FOR_AT_LEAST.matcher(s.lower);
    while (forAtLeast.find()) {
      if (s.explainedAny(forAtLeast.start(), forAtLeast.end())) continue;
      if (IN_A_WINDOW.matcher(s.lower).region(forAtLeast.end(), s.lower.length()).lookingAt()) {
        // "No JAK inhibitor for more than 28 days in the past year": a course that long within the window; read as
        // one at any time (the window dropped), two years of ruxolitinib in 2015 failed it (DECISIONS §101)
        s.settle(new org.eligo.core.rule.Unparsed("a length of treatment within a window"));
        return;
      }
      if (STOPPED_BEFORE_SPAN.matcher(s.lower).region(Math.max(0, forAtLeast.start() - 80), forAtLeast.start())
          .find()) {
        // "Must have discontinued eltrombopag for more than 4 weeks", "Eltrombopag must have been stopped for more than
        // 2 weeks": read as a course that long, a patient never given it, or given a week of it, failed (§101 review)
        s.settle(new org.eligo.core.rule.Unparsed("a time off the drug, not a length of treatment"));
        return;
      }
      if (SINCE_AN_EVENT.matcher(s.lower).region(forAtLeast.end(), s.lower.length()).lookingAt()) {
        // "Progression-free for at least 6 months after rituximab": a time since the treatment, not a course that long
        // (read as one, a patient given four weekly doses failed)
        s.settle(new org.eligo.core.rule.Unparsed("a time since an event, not a length of treatment"));
        return;
      }
      if (!s.denied && onNow(s.lower, forAtLeast.start())) {
        // "Currently receiving a C5 inhibitor for at least 1 month", "Must be on stable corticosteroids for at least 2
        // weeks": on the drug now and for the whole span up to now (DECISIONS 96). Read as a course that long at any
        // time, a patient who stopped years ago met it, and in the exclusion list was excluded
        int days = Durations.days(forAtLeast);
        Matcher anchored = BEFORE_AN_ANCHOR.matcher(s.lower).region(forAtLeast.end(), s.lower.length());
        int end = anchored.lookingAt() ? anchored.end() : forAtLeast.end();
        explicit.add(new Sentence.PlacedTiming(forAtLeast.start(), new Timing(null,
            new MedicationTiming.ContinuousFor(days, 0), true)));
        s.explain(forAtLeast.start(), end);
        continue;
      }
      Matcher anchored = BEFORE_AN_ANCHOR.matcher(s.lower).region(forAtLeast.end(), s.lower.length());
      if (s.type == CriterionType.EXCLUSION && !s.denied && anchored.lookingAt()) {
        // "Use of a TPO-RA for at least 4 weeks before enrollment", "Corticosteroids for more than 14 days prior to
        // randomization" in the exclusion list: a course that long at any time, or use in the weeks before the
        // anchor? Read as a course at any time, a patient whose course ended years ago was excluded; the drug is
        // asked about instead (a patient never on it is still decided)
        explicit.add(new Sentence.PlacedTiming(forAtLeast.start(), new Timing(null, MedicationTiming.EVER, true)));
        s.hedge(0, 0, "timing", null);
        s.explain(forAtLeast.start(), anchored.end());
        continue;
      }
      explicit.add(new Sentence.PlacedTiming(forAtLeast.start(), new Timing(null,
          new MedicationTiming.ForAtLeastDays(courseDays(forAtLeast)), true)));
      s.explain(forAtLeast.start(), forAtLeast.end());
    }
    Matcher less = LESS_THAN_BEFORE.matcher(s.lower);
    while (less.find()) {
      if (s.explainedAny(less.start(), less.end()) || onset(s, less.start(), less.end())) continue;
      int days = Durations.days(less);
      if (days <= 0) continue;
      explicit.add(new Sentence.PlacedTiming(less.start(), new Timing(TimeWindow.within(days),
          new MedicationTiming.WithinDays(days), true)));
      s.explain(less.start(), less.end());
    }
    Matcher one = WITHIN_ONE.matcher(s.lower);
    while (one.find()) {
      if (s.explainedAny(one.start(), one.end("unit")) || onset(s, one.start(), one.end())) continue;
      int days = switch (one.group("unit")) {
        case "year" -> 365;
        case "month" -> 30;
        default -> 7;
      };
      explicit.add(new Sentence.PlacedTiming(one.start(), new Timing(TimeWindow.within(days),
          new MedicationTiming.WithinDays(days), true)));
      s.explain(one.start(), one.end());
    }
    Matcher within = WITHIN.matcher(s.lower);
    while (within.find()) {
      // up to the duration only: "within 5 years prior to informed consent" has its consent words set aside
      if (s.explainedAny(within.start(), within.end("unit")) || onset(s, within.start(), within.end())) continue;
      int days = Durations.days(within);
      if (days <= 0) continue;
      explicit.add(new Sentence.PlacedTiming(within.start(), new Timing(TimeWindow.within(days),
          new MedicationTiming.WithinDays(days), true)));
      s.explain(within.start(), within.end());
    }
  }

  /**
   * The first window a text writes that this pass reads as one ("within 6 months prior to enrollment", "in the past 12
   * months", "during the last year", "less than 3 months before screening"), as [start, end) in {@code lower}, or null.
   * A list heading's window is found with it ({@link HeadingWindow}), so a heading and a sentence read the same words.
   */
  static int[] windowSpan(String lower) {
    int[] best = null;
    for (Pattern p : List.of(WITHIN_ONE, LESS_THAN_BEFORE, WITHIN)) {
      Matcher m = p.matcher(lower);
      while (m.find()) {
        if (p != WITHIN_ONE && Durations.days(m) <= 0) continue;
        if (best == null || m.start() < best[0]) best = new int[] {m.start(), m.end()};
        break;
      }
    }
    return best;
  }

  /** Words before a window that make it date an onset ("diagnosed within 6 months"): such a window is asked. */
  static boolean datesOnset(String lowerBefore) {
    return ONSET_BEFORE.matcher(lowerBefore.substring(Math.max(0, lowerBefore.length() - 80))).find();
  }

  /** Whether the window at [start, end) dates an onset ({@link #ONSET_BEFORE}); it is then made a question. */
  private static boolean onset(Sentence s, int start, int end) {
    if (!ONSET_BEFORE.matcher(s.lower.substring(Math.max(0, start - 80), start)).find()) return false;
    s.hedge(start, end, "onset", null);
    return true;
  }

  private static void cues(Sentence s, Pattern p, Sentence.Cue kind) {
    Matcher m = p.matcher(s.lower);
    while (m.find()) {
      if (s.explainedAny(m.start(), m.end()) && kind != Sentence.Cue.EVER) continue;
      s.explain(m.start(), m.end());
      s.cues.add(new Sentence.TimeCue(m.start(), kind));
    }
  }

}
