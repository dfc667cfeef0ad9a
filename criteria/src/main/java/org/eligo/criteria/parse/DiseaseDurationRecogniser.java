package org.eligo.criteria.parse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.TimeWindow;

/**
 * A disease named with how long the patient has had it (DECISIONS §72): "ITP for at least 6 months", "Chronic ITP
 * (duration of at least 12 months)", "Diagnosis of ITP at least 3 months before screening", "wAIHA diagnosed ≥ 3
 * months prior", "Newly diagnosed ITP (within 3 months of diagnosis)", and the phases of immune thrombocytopenia the
 * International Working Group defines (Rodeghiero et al., Blood 2009;113:2386-93): newly diagnosed (less than 3 months
 * from diagnosis), persistent (3 to 12 months), chronic (12 months or more).
 *
 * <p>The record's onset of the diagnosis answers the duration. "Diagnosed within N" is the diagnosis begun within N
 * ({@link TimeWindow#began}): an onset before it fails, none is asked. "For at least N" is the diagnosis, and not begun
 * within N, or else asked: an onset known to be older meets it; an onset inside N, or none, is asked, never failed —
 * a problem list may hold a recent entry beside the first one, and the record has no window "begun before N" that
 * would prove the disease younger (the core has only "begun within"). Only a sentence whose rest is a diagnosis alone
 * is read: anything else keeps its reading.
 */
final class DiseaseDurationRecogniser implements Recogniser {
  private static final String AT_LEAST = "(?:at\\s+least|≥|>=|=>|more\\s+than|greater\\s+than|longer\\s+than|over"
      + "|>|a\\s+minimum\\s+of|minimum(?:\\s+of)?)\\s*";
  private static final String MOMENT = "(?:\\s+(?:to\\s+)?(?:the\\s+)?(?:screening|enrol+ment|study\\s+entry"
      + "|entry|randomi[sz]ation|baseline|inclusion|day\\s+1|first\\s+dose|(?:signing\\s+)?(?:the\\s+)?(?:informed\\s+)?"
      + "consent|registration)(?:\\s+visit)?)?";

  /** "for at least 6 months", "(duration of at least 12 months)", "with a disease duration ≥ 12 months". */
  private static final Pattern LASTING = Pattern.compile("(?i)\\(?\\s*\\b(?:for|lasting|persisting(?:\\s+for)?"
      + "|present\\s+for|(?:with\\s+)?(?:an?\\s+)?(?:disease\\s+)?duration(?:\\s+of)?)\\s*:?\\s*" + AT_LEAST
      + Durations.DURATION + "\\s*\\)?");
  /** "diagnosed ≥ 3 months prior", "at least 3 months before screening", "≥ 6 months since diagnosis". */
  private static final Pattern SINCE_DIAGNOSIS = Pattern.compile("(?i)\\(?\\s*" + AT_LEAST + Durations.DURATION
      + "\\s+(?:(?:before|prior(?:\\s+to)?|ago|earlier)" + MOMENT + "|(?:since|from|after)\\s+(?:the\\s+)?(?:initial"
      + "\\s+|first\\s+|original\\s+)?diagnosis)\\s*\\)?");
  /** "(within 3 months of diagnosis)", "diagnosed within the last 3 months", "< 3 months since diagnosis". */
  private static final Pattern WITHIN_DIAGNOSIS = Pattern.compile("(?i)\\(?\\s*(?:within|less\\s+than|<|fewer"
      + "\\s+than|no\\s+more\\s+than|≤|<=|up\\s+to)\\s*(?:the\\s+(?:last|past|previous)\\s+)?" + Durations.DURATION
      + "(?:\\s+(?:of|since|from|after)\\s+(?:the\\s+)?(?:initial\\s+|first\\s+|original\\s+)?diagnosis|"
      + "(?:\\s+(?:before|prior(?:\\s+to)?)" + MOMENT + ")?)\\s*\\)?");
  /** "diagnosed", "diagnosis of", "with a diagnosis of": what the time is measured from. */
  private static final Pattern DIAGNOSED = Pattern.compile("(?i)\\bdiagnos(?:ed|is)\\b");
  /** The phases of immune thrombocytopenia (IWG 2009). */
  private static final Pattern PHASE = Pattern.compile("(?i)\\b(?:(?<newly>newly[\\s-]+diagnosed)|(?<both>persistent"
      + "\\s*(?:or|and/or|/)\\s*chronic|chronic\\s*(?:or|and/or|/)\\s*persistent)|(?<persistent>persistent)"
      + "|(?<chronic>chronic))\\b");
  private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:no|not|never|without|none|nor|neither|except"
      + "|unless|other\\s+than|n't)\\b");
  /** "wAIHA diagnosed", "ITP first diagnosed": the word the time was measured from, once the time is read. */
  private static final Pattern TRAILING_DIAGNOSED = Pattern.compile("(?i)[\\s,]+(?:(?:first|initially|originally)\\s+)?"
      + "diagnosed\\s*$");
  private static final Set<String> ITP = Set.of("immune-thrombocytopenia", "primary-immune-thrombocytopenia",
      "secondary-immune-thrombocytopenia");

  private static final int NEWLY = 90;
  private static final int CHRONIC = 365;

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() || NEGATION.matcher(s.text).find()) return;
    String text = s.text;
    int atLeast = -1;
    int within = -1;
    Matcher m = LASTING.matcher(text);
    if (m.find()) {
      atLeast = Durations.days(m);
      text = cut(text, m);
    } else if ((m = SINCE_DIAGNOSIS.matcher(text)).find() && DIAGNOSED.matcher(text).find()) {
      atLeast = Durations.days(m);
      text = cut(text, m);
    } else if ((m = WITHIN_DIAGNOSIS.matcher(text)).find() && DIAGNOSED.matcher(text).find()
        && (s.type == org.eligo.core.rule.CriterionType.INCLUSION || m.group().toLowerCase().contains("diagnosis"))) {
      // in the exclusion list "Diagnosis of lymphoma within 5 years" keeps counting a lymphoma still active (§25)
      within = Durations.days(m);
      text = cut(text, m);
    }
    Matcher phase = PHASE.matcher(text);
    String named = phase.find() ? text.substring(0, phase.start()) + text.substring(phase.end()) : text;
    if (atLeast < 0 && within < 0 && !phase.find(0)) return;
    named = TRAILING_DIAGNOSED.matcher(named.replaceAll("\\s{2,}", " ").replaceAll("\\(\\s*\\)", "").strip())
        .replaceFirst("").strip();
    if (named.isEmpty() || atLeast == 0 || within == 0) return;
    // "Chronic or newly diagnosed ITP", "Persistent or newly diagnosed ITP": phases offered as alternatives. Read as
    // the first phase of what the rest gives (its own phase, a time), it required both, which no onset meets (§77)
    if (PHASE.matcher(named).find()) return;
    Rule rest = s.parser.parseNested(named, s.type, s.depth + 1);
    if (!(rest instanceof ConditionRule c) || c.concepts().isEmpty()
        || c.window() instanceof TimeWindow.WithinDays) return;
    boolean itp = ITP.containsAll(c.concepts());
    if (phase.find(0)) {
      // "chronic", "persistent", "newly diagnosed" say how long only of immune thrombocytopenia; elsewhere ("chronic
      // hepatitis B", "newly diagnosed AML") they are the disease's own words, left to the other passes
      if (!itp) return;
      if (phase.group("newly") != null) within = within < 0 ? NEWLY : within;
      else if (phase.group("both") != null) atLeast = Math.max(atLeast, NEWLY);
      else if (phase.group("chronic") != null) atLeast = Math.max(atLeast, CHRONIC);
      else {
        atLeast = Math.max(atLeast, NEWLY);
        within = within < 0 ? CHRONIC : within;
      }
    }
    Rule rule = null;
    if (within > 0) rule = begun(c, within);
    if (atLeast > 0) {
      Rule lasting = lastedAtLeast(c, atLeast);
      rule = rule == null ? lasting : AllOf.of(rule, lasting);
    }
    if (rule != null) s.settle(rule);
  }

  /** The diagnosis, begun within the days: its onset decides, none is asked. */
  private static Rule begun(ConditionRule c, int days) {
    return new ConditionRule(c.concepts(), c.except(), TimeWindow.began(days), c.label());
  }

  /** The diagnosis, had for at least the days: an older onset meets it, a newer one or none is asked. */
  private static Rule lastedAtLeast(ConditionRule c, int days) {
    Ask since = new Ask("Was the patient's " + c.label() + " diagnosed at least " + RuleDescriber.span(days)
        + " ago?");
    return AllOf.of(c, AnyOf.of(new Not(begun(c, days)), since));
  }

  private static String cut(String text, Matcher m) {
    return (text.substring(0, m.start()) + " " + text.substring(m.end())).replaceAll("\\s{2,}", " ").strip();
  }
}
