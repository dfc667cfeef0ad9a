package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.lexicon.MeasureInfo;

/**
 * Reads a blood pressure written as one pair, "X/Y mmHg": "Blood pressure ≥ 160/100 mmHg", "BP < 140/90",
 * "systolic/diastolic blood pressure ≥ 160/100", "(≥ 160/100 despite treatment)" after hypertension. The pair is two
 * limits, systolic X and diastolic Y, joined as the criterion's side needs them: where meeting the sentence excludes
 * (an exclusion, or a negated inclusion), either limit crossed is enough ("≥ 160/100": systolic ≥ 160 or diastolic ≥
 * 100); where the sentence must be met, both must hold ("< 140/90": systolic < 140 and diastolic < 90). A limit on
 * one of them ("SBP ≥ 140 or DBP ≥ 90") is an ordinary measure ({@link MeasurementRecogniser}).
 *
 * <p>A pair is read after a blood pressure's name, or alone when it has the unit mmHg or the sentence names
 * hypertension or hypotension; its numbers must be plausible (systolic 50-300 above diastolic 20-200). "Despite
 * treatment" right after it becomes a question ({@link RuleAssembler}): one reading does not show that a blood pressure
 * stays high despite treatment, so the latest reading may rule such a criterion out but never in.
 */
final class BloodPressureRecogniser implements Recogniser {
  static final String SYSTOLIC = "systolic-blood-pressure";
  static final String DIASTOLIC = "diastolic-blood-pressure";
  private static final String UNIT = "mm\\s*\\[?\\s*hg\\s*\\]?(?![a-z])|millimet(?:er|re)s?\\s+of\\s+mercury\\b";
  /**
   * "blood pressure", "BP", "arterial blood pressure (BP)", "systolic/diastolic blood pressure", "SBP/DBP"; not
   * "systolic blood pressure" alone, whose limit is one number ({@link MeasurementRecogniser}).
   */
  private static final Pattern NAME = Pattern.compile("(?<![a-z])(?<!(?:systolic|diastolic)\\s{1,3})"
      + "(?:(?:(?:systolic|sbp)\\s*(?:/|and/or|and)\\s*(?:diastolic|dbp)\\s+)?"
      + "(?:(?:arterial|resting|sitting|seated|office|clinic|systemic)\\s+)*(?:blood\\s+pressure|bp)"
      + "(?:\\s*\\(\\s*bp\\s*\\))?|(?:systolic|sbp)\\s*/\\s*(?:diastolic|dbp))(?![a-z])");
  private static final Pattern FILLER = Pattern.compile("(?:[\\s:,]*(?:of|is|was|are|must\\s+be|should\\s+be"
      + "|readings?|values?|measurements?|levels?|at\\s+(?:screening|baseline|rest|enrol+ment)|\\(\\s*mm\\s*hg\\s*\\))"
      + "(?![a-z]))*[\\s:,]*");
  private static final Pattern PAIR = Pattern.compile("(?:" + Thresholds.CMP + ")\\s*(?<sys>\\d{2,3})\\s*/\\s*"
      + "(?<dia>\\d{2,3})(?!\\d|[.,]\\d|\\s*/)(?:\\s*(?<unit>" + UNIT + "))?");
  private static final Pattern POSTFIX = Pattern.compile("(?<sys>\\d{2,3})\\s*/\\s*(?<dia>\\d{2,3})"
      + "(?!\\d|[.,]\\d|\\s*/)(?:\\s*(?<unit>" + UNIT + "))?\\s*or\\s+(?<post>more|greater|higher|above|over|less|lower|below)"
      + "(?:\\s+than)?(?![a-z])");
  /** A pair with a comparator before or after it, anywhere: for a sentence that names no blood pressure before it. */
  private static final Pattern ANY_PAIR = Pattern.compile("(?:" + Thresholds.CMP + ")\\s*\\d{2,3}\\s*/\\s*\\d{2,3}"
      + "|\\d{2,3}\\s*/\\s*\\d{2,3}(?:\\s*(?:" + UNIT + "))?\\s*or\\s+(?:more|greater|higher|above|over|less|lower"
      + "|below)");
  /** Hypertension or hypotension named: a pair in the sentence is a blood pressure even without its unit. */
  private static final Pattern ABOUT_BLOOD_PRESSURE = Pattern.compile("\\bhyp(?:er|o)tensi");
  /** "despite treatment", "despite optimal antihypertensive therapy", "in spite of medication". */
  private static final Pattern DESPITE = Pattern.compile("[\\s,]*(?:despite|in\\s+spite\\s+of)(?:\\s+(?:optimal"
      + "|optimi[sz]ed|adequate|maximal|maximum|maximally\\s+tolerated|appropriate|standard|ongoing|current|stable"
      + "|antihypertensive|anti-hypertensive|medical|drug|pharmacologic(?:al)?|the|an?|two|three|2|3|or\\s+more))*"
      + "(?:\\s+(?:treatments?|therapy|therapies|medications?|medicines?|drugs?|agents?))?(?![a-z])");

  @Override
  public void read(Sentence s) {
    if (!s.lower.contains("/")) return;
    Matcher name = NAME.matcher(s.lower);
    boolean any = false;
    while (name.find()) {
      if (!s.free(name.start(), name.end())) continue;
      Matcher filler = FILLER.matcher(s.lower).region(name.end(), s.lower.length());
      int at = filler.lookingAt() ? filler.end() : name.end();
      if (readPair(s, name.start(), at, true)) {
        any = true;
      }
    }
    if (any) return;
    // no blood pressure named before the pair: "hypertension (≥ 160/100 despite treatment)", "≥ 150/95 mmHg"
    boolean about = ABOUT_BLOOD_PRESSURE.matcher(s.lower).find();
    if (!about && !s.lower.contains("hg")) return;
    Matcher pair = ANY_PAIR.matcher(s.lower);
    while (pair.find()) {
      if (s.free(pair.start(), pair.end())) readPair(s, pair.start(), pair.start(), about);
    }
  }

  /**
   * Reads the pair starting exactly at {@code at} as two limits; the reading spans from {@code start}. Without a name
   * ({@code named} false) the pair needs its unit. Returns whether it was read.
   */
  private static boolean readPair(Sentence s, int start, int at, boolean named) {
    Matcher m = PAIR.matcher(s.lower).region(at, s.lower.length());
    Comparator comparator;
    if (m.lookingAt()) {
      comparator = Thresholds.comparator(m.group("cmp"));
    } else {
      m = POSTFIX.matcher(s.lower).region(at, s.lower.length());
      if (!m.lookingAt()) return false;
      comparator = switch (m.group("post")) {
        case "more", "greater", "higher", "above", "over" -> Comparator.GE;
        default -> Comparator.LE;
      };
    }
    if (!named && m.group("unit") == null) return false;
    int systolic = Integer.parseInt(m.group("sys"));
    int diastolic = Integer.parseInt(m.group("dia"));
    if (systolic < 50 || systolic > 300 || diastolic < 20 || diastolic > 200 || systolic <= diastolic) return false;
    MeasurementRule sbp = rule(s, SYSTOLIC, comparator, systolic);
    MeasurementRule dbp = rule(s, DIASTOLIC, comparator, diastolic);
    if (sbp == null || dbp == null) return false;
    // meeting the sentence excludes: either limit crossed; the sentence must be met: both limits hold
    boolean excludes = (s.type == CriterionType.EXCLUSION) != s.negated;
    Rule rule = excludes ? new AnyOf(List.of(sbp, dbp)) : new AllOf(List.of(sbp, dbp));
    s.read(definedDisease(s, start), m.end(), rule);
    Matcher despite = DESPITE.matcher(s.lower).region(m.end(), s.lower.length());
    if (despite.lookingAt() && despite.end() > m.end()) {
      s.hedge(m.end(), despite.end(), "despite-treatment", null);
    }
    return true;
  }

  private static MeasurementRule rule(Sentence s, String key, Comparator comparator, double value) {
    MeasureInfo info = s.context.lexicon().measure(key).orElse(null);
    if (info == null) return null;
    String label = Character.toLowerCase(info.label().charAt(0)) + info.label().substring(1);
    return new MeasurementRule(key, label, comparator, value, false, info.canonicalUnit(),
        s.context.settings().recencyDays(), null);
  }

  /**
   * Where the reading starts when the pair, in parentheses, says what the disease before it is: "Hypertension (blood
   * pressure ≥ 150/90 mmHg)" is the pair ({@link DefiningMeasures}); read beside the pair, a coded hypertension had
   * been required (a pressure of 170/100 without it passed the exclusion). Not a hypertension with a degree or
   * treated ("Uncontrolled hypertension (≥ 160/100 despite treatment)"): that speaks of a known disease, kept.
   */
  private static int definedDisease(Sentence s, int start) {
    if (s.lower.contains("despite")) return start;
    for (ConceptMention m : s.mentions) {
      if (m.kind() == ConceptKind.CONDITION && m.end() <= start && DefiningMeasures.defines(SYSTOLIC, m.id())
          && DISEASE_TO_PAIR.matcher(s.lower.substring(m.end(), start)).matches()
          && !DEGREE.matcher(s.lower.substring(0, m.start())).find()) {
        return m.start();
      }
    }
    return start;
  }

  /** Between the disease and its pair: the parenthesis that opens, "(blood pressure ≥ …", "(≥ …". */
  private static final Pattern DISEASE_TO_PAIR = Pattern.compile("\\s*\\(\\s*");
  /** A degree before the disease: "uncontrolled", "poorly controlled", "severe", "significant". */
  private static final Pattern DEGREE = Pattern.compile("\\b(?:uncontrolled|(?:poorly|inadequately|not)\\s+controlled"
      + "|severe|significant)\\s+$");
}
